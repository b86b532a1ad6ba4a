import { useEffect, useState } from 'react';
import { useComposerStore } from './store.js';

/**
 * "Sending to … in 5 s — Undo": shown wherever the person is while the outbox holds the
 * message, with the seconds left. Undo brings it back into the composer exactly as it was.
 */
export function UndoToast() {
  const sent = useComposerStore((state) => state.lastSent);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!sent) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [sent]);
  if (!sent) return null;
  const left = Math.ceil((sent.undoUntil - now) / 1000);
  const canUndo = left > 0;
  return (
    <div className="send-toast" role="status">
      <span className="send-toast-text">{canUndo ? sent.summary : `${sent.summary.replace(/ in \d+ s\.$/, '.')} Its progress is in the Outbox.`}</span>
      {canUndo ? (
        <button type="button" className="send-toast-undo" onClick={() => void useComposerStore.getState().undoSend()}>
          Undo ({left})
        </button>
      ) : null}
      <button type="button" className="send-toast-close" aria-label="Dismiss" onClick={() => useComposerStore.getState().dismissSent()}>
        ×
      </button>
    </div>
  );
}
