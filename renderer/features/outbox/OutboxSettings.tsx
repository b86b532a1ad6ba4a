import { useEffect } from 'react';
import { useOutboxStore } from './store.js';

/** How long Undo holds a sent message. */
export function UndoDelaySetting() {
  const undoDelayMs = useOutboxStore((state) => state.undoDelayMs);
  const setUndoDelay = useOutboxStore((state) => state.setUndoDelay);
  useEffect(() => {
    if (useOutboxStore.getState().undoDelayMs === null) void useOutboxStore.getState().load();
  }, []);
  return (
    <label className="setting-row">
      <span className="setting-label">Undo send for</span>
      <select value={undoDelayMs === null ? '' : String(undoDelayMs / 1000)} onChange={(event) => void setUndoDelay(Number(event.target.value))} aria-label="Undo send delay in seconds">
        {[0, 5, 10, 20, 30].map((s) => (
          <option key={s} value={String(s)}>
            {s === 0 ? 'no delay' : `${s} seconds`}
          </option>
        ))}
      </select>
      <span className="setting-help">A sent message waits this long, so Undo can bring it back.</span>
    </label>
  );
}

/** Whether a desktop notification says when a message went out (failures always do). */
export function NotifySetting() {
  const notifyOnSent = useOutboxStore((state) => state.notifyOnSent);
  const setNotifyOnSent = useOutboxStore((state) => state.setNotifyOnSent);
  return (
    <label className="setting-row setting-check">
      <input type="checkbox" checked={notifyOnSent === true} disabled={notifyOnSent === null} onChange={(event) => void setNotifyOnSent(event.target.checked)} />
      <span className="setting-label">Notify me when a message is sent</span>
      <span className="setting-help">A message that fails is always notified.</span>
    </label>
  );
}

/** What went wrong saving an outbox setting. */
export function OutboxSettingsError() {
  const error = useOutboxStore((state) => state.error);
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}
