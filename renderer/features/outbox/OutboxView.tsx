import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { BatchItem } from './BatchList.js';
import { OutboxRow } from './OutboxRow.js';
import { selectRows, useOutboxStore } from './store.js';

/** Every message on its way out: waiting, sending, failed with what to do, and the last ones sent. */
export function OutboxView() {
  const rows = useOutboxStore(selectRows);
  const error = useOutboxStore((state) => state.error);
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
        <p className="outbox-hint">Undo delay, sending pace and notifications are in Settings.</p>
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
              return row ? <OutboxRow key={id} row={row} account={accountOf(row.accountId)} /> : null;
            }}
          />
        ))}
        {rows
          .filter((row) => !inBatch.has(row.id))
          .map((row) => (
            <OutboxRow key={row.id} row={row} account={accountOf(row.accountId)} />
          ))}
      </ul>
    </section>
  );
}
