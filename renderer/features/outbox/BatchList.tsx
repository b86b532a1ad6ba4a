import { useState, type ReactNode } from 'react';
import type { AccountView } from '../../../shared/accounts.js';
import type { BatchRow } from '../../../shared/batch.js';
import { dayAndTime } from '../../lib/when.js';

/** "2 sent, 1 failed, 3 waiting": what the batch row says and is named by. */
export function batchProgress(batch: BatchRow): string {
  return `${batch.sent} sent, ${batch.failed} failed, ${batch.waiting} waiting`;
}

/**
 * A Send individually batch as one Outbox row: its progress (sent / failed / waiting, with
 * when the paced last one goes) and a button that shows its messages, each its own row.
 */
export function BatchItem(props: { batch: BatchRow; account: AccountView | undefined; renderMessage(id: string): ReactNode }) {
  const { batch } = props;
  const [open, setOpen] = useState(false);
  const subject = batch.subject || '(no subject)';
  const listId = `batch-${batch.id}`;
  return (
    <li className="outbox-row outbox-batch" aria-label={`${subject}: ${batchProgress(batch)}`}>
      <div className="outbox-main">
        <span className="outbox-title">
          <span className="outbox-subject">{subject}</span>
          <span className="badge">{`${batch.total} individual messages`}</span>
        </span>
        <progress className="outbox-progress" max={batch.total} value={batch.sent + batch.failed} aria-label={`${subject}: batch progress`} />
        <span className="outbox-meta">
          {batchProgress(batch)} · {props.account?.label ?? 'a removed account'}
          {batch.waiting > 0 ? ` · paced, the last goes ${dayAndTime(batch.lastSendAt)}` : ''}
        </span>
        {open ? (
          <ul id={listId} className="outbox-list batch-messages" aria-label={`Messages of ${subject}`}>
            {batch.messageIds.map((id) => props.renderMessage(id))}
          </ul>
        ) : null}
      </div>
      <div className="outbox-actions">
        <button type="button" className="button-secondary" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? 'Hide messages' : 'Show messages'}
        </button>
      </div>
    </li>
  );
}
