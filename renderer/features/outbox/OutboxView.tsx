import type { AccountView } from '../../../shared/accounts.js';
import { revealBidi } from '../../../shared/inert-text.js';
import type { OutboxRow, OutboxState } from '../../../shared/outbox.js';
import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { useAppStore } from '../app/index.js';
import { BatchItem } from './BatchList.js';
import { PaceSettings } from './PaceSettings.js';
import { selectRows, useOutboxStore } from './store.js';

const STATE_LABEL: Record<OutboxState, string> = {
  queued: 'Waiting',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  unknown_outcome: 'Check before resending',
  cancelled: 'Cancelled',
};

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Uploading 1.2 MB of 3.4 MB", then, once every byte is out, that the vendor has yet to answer. */
export function progressWords(progress: { sent: number; total: number }): string {
  return progress.sent >= progress.total ? `Uploaded ${size(progress.total)}; waiting for the vendor to answer` : `Uploading ${size(progress.sent)} of ${size(progress.total)}`;
}

function time(at: number): string {
  return new Date(at).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A send-later message waiting for its time says so; other waiting ones are in their undo delay. */
function stateLabel(row: OutboxRow): string {
  return row.state === 'queued' && row.scheduled ? 'Scheduled' : STATE_LABEL[row.state];
}

function Row(props: { row: OutboxRow; account: AccountView | undefined }) {
  const { row, account } = props;
  const navigate = useAppStore((state) => state.navigate);
  const startEdit = useAccountsStore((state) => state.startEdit);
  // A rejected key is fixed in that account's own form, so the button opens it ready to paste.
  const openAccount = () => {
    if (account) startEdit(account);
    navigate('accounts');
  };
  const retry = useOutboxStore((state) => state.retry);
  const canRetry = row.state === 'failed' || row.state === 'unknown_outcome';
  return (
    <li className={`outbox-row outbox-${row.state}`} aria-label={`${row.subject || '(no subject)'}: ${stateLabel(row)}`}>
      <div className="outbox-main">
        <span className="outbox-title">
          <span className="outbox-subject">{revealBidi(row.subject) || '(no subject)'}</span>
          <span className={`badge badge-${row.state}`}>{stateLabel(row)}</span>
        </span>
        <span className="outbox-meta">
          To {row.recipients} · {account?.label ?? 'a removed account'} · {row.state === 'queued' && row.scheduled ? `scheduled for ${time(row.sendAt)}` : time(row.updatedAt)}
        </span>
        {row.lastError ? <p className="outbox-error">{row.lastError}</p> : null}
        {row.state === 'sending' ? (
          row.progress ? (
            <span className="outbox-upload">
              <progress className="outbox-progress" max={row.progress.total} value={row.progress.sent} aria-label="Upload progress" />
              <span className="outbox-meta">{progressWords(row.progress)}</span>
            </span>
          ) : (
            // The provider reports no byte count: an indeterminate bar still shows the send is under way.
            <progress className="outbox-progress" aria-label="Sending, waiting for the vendor" />
          )
        ) : null}
      </div>
      <div className="outbox-actions">
        {row.errorKind === 'auth' ? (
          <button type="button" className="button-secondary" onClick={openAccount}>
            Open Accounts
          </button>
        ) : null}
        {canRetry ? (
          <button type="button" className="button-primary" onClick={() => void retry(row.id)}>
            Retry
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** Every message on its way out: waiting, sending, failed with what to do, and the last ones sent. */
export function OutboxView() {
  const rows = useOutboxStore(selectRows);
  const error = useOutboxStore((state) => state.error);
  const undoDelayMs = useOutboxStore((state) => state.undoDelayMs);
  const setUndoDelay = useOutboxStore((state) => state.setUndoDelay);
  const notifyOnSent = useOutboxStore((state) => state.notifyOnSent);
  const setNotifyOnSent = useOutboxStore((state) => state.setNotifyOnSent);
  const accounts = useAccountsStore(selectAccounts);
  const batches = useOutboxStore((state) => state.batches);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const inBatch = new Set(batches.flatMap((batch) => batch.messageIds));
  const accountOf = (id: string) => accounts.find((a) => a.id === id);
  const shownBatches = batches.filter((batch) => batch.messageIds.some((id) => byId.has(id)));
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
        {shownBatches.map((batch) => (
          <BatchItem
            key={batch.id}
            batch={batch}
            account={accountOf(batch.accountId)}
            renderMessage={(id) => {
              const row = byId.get(id);
              return row ? <Row key={id} row={row} account={accountOf(row.accountId)} /> : null;
            }}
          />
        ))}
        {rows
          .filter((row) => !inBatch.has(row.id))
          .map((row) => (
            <Row key={row.id} row={row} account={accountOf(row.accountId)} />
          ))}
      </ul>
      <PaceSettings accounts={accounts} />
    </section>
  );
}
