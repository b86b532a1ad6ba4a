import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { OutboxRow } from './OutboxRow.js';
import { selectRows, useOutboxStore } from './store.js';

/** Every message on its way out: waiting, sending, failed with what to do, and the last ones sent. */
export function OutboxView() {
  const rows = useOutboxStore(selectRows);
  const error = useOutboxStore((state) => state.error);
  const undoDelayMs = useOutboxStore((state) => state.undoDelayMs);
  const setUndoDelay = useOutboxStore((state) => state.setUndoDelay);
  const notifyOnSent = useOutboxStore((state) => state.notifyOnSent);
  const setNotifyOnSent = useOutboxStore((state) => state.setNotifyOnSent);
  const accounts = useAccountsStore(selectAccounts);
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <header className="outbox-head">
        <h1 id="outbox-title">Outbox</h1>
        <div className="outbox-settings">
        <label className="undo-setting">
          Undo send for
          <select value={undoDelayMs === null ? '' : String(undoDelayMs / 1000)} onChange={(event) => void setUndoDelay(Number(event.target.value))} aria-label="Undo send delay in seconds">
            {[0, 5, 10, 20, 30].map((s) => (
              <option key={s} value={String(s)}>
                {s === 0 ? 'no delay' : `${s} seconds`}
              </option>
            ))}
          </select>
        </label>
        <label className="undo-setting notify-setting">
          <input type="checkbox" checked={notifyOnSent === true} disabled={notifyOnSent === null} onChange={(event) => void setNotifyOnSent(event.target.checked)} />
          Notify me when a message is sent
        </label>
        </div>
      </header>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="outbox-empty">Nothing is waiting to be sent.</p> : null}
      <ul className="outbox-list" aria-label="Outbox messages">
        {rows.map((row) => (
          <OutboxRow key={row.id} row={row} account={accounts.find((a) => a.id === row.accountId)} />
        ))}
      </ul>
    </section>
  );
}
