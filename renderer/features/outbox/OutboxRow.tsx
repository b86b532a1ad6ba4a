import { useEffect, useState } from 'react';
import type { AccountView } from '../../../shared/accounts.js';
import { revealBidi } from '../../../shared/inert-text.js';
import type { OutboxRow as Row } from '../../../shared/outbox.js';
import { useAccountsStore } from '../accounts/index.js';
import { useAppStore } from '../app/index.js';
import { useComposerStore } from '../composer/index.js';
import { RowActions } from './RowActions.js';
import { useOutboxStore } from './store.js';
import { clockTime, fromNow } from './when-words.js';

const STATE_LABEL: Record<Row['state'], string> = {
  scheduled: 'Scheduled',
  queued: 'Sending soon',
  sending: 'Sending',
  sent: 'Sent',
  accepted: 'Accepted',
  failed: 'Failed',
  unknown_outcome: 'Outcome unknown',
  cancelled: 'Cancelled',
};

/** A message waiting after a failed try says so; the others by their state. */
export function stateLabel(row: Row): string {
  return row.state === 'queued' && row.attempts > 0 ? 'Waiting to retry' : STATE_LABEL[row.state];
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Uploading 1.2 MB of 3.4 MB", then, once every byte is out, that the vendor has yet to answer. */
export function progressWords(progress: { sent: number; total: number }): string {
  return progress.sent >= progress.total ? `Uploaded ${size(progress.total)}; waiting for the vendor to answer` : `Uploading ${size(progress.sent)} of ${size(progress.total)}`;
}

/** When it goes, when it is tried next, or when it last changed, in words. */
function timing(row: Row, now: number): string {
  if (row.state === 'scheduled') return `scheduled for ${clockTime(row.sendAt, now)} (${fromNow(row.sendAt, now)})`;
  if (row.state === 'queued' && row.attempts > 0 && row.nextAttemptAt !== null) return `next try at ${clockTime(row.nextAttemptAt, now)} (${fromNow(row.nextAttemptAt, now)})`;
  if (row.state === 'queued') return `goes at ${clockTime(row.sendAt, now)}`;
  return clockTime(row.updatedAt, now);
}

/** What is known of a message whose outcome is unknown, and what to check before sending it again. */
function unknownWords(row: Row): string {
  const vendor = row.vendor ?? 'the vendor';
  return `Composer sent it to ${vendor} but no answer came, so it may have been delivered. Check with ${vendor} (or ask ${row.recipients}) before sending it again.`;
}

/** The time shown on waiting rows moves on by itself. */
function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}

export function OutboxRow(props: { row: Row; account: AccountView | undefined }) {
  const { row, account } = props;
  const now = useNow(row.state === 'scheduled' || row.state === 'queued');
  const navigate = useAppStore((state) => state.navigate);
  const startEdit = useAccountsStore((state) => state.startEdit);
  const subject = revealBidi(row.subject) || '(no subject)';
  const openAccount = () => {
    // A rejected key is fixed in that account's own form, so the button opens it ready to paste.
    if (account) startEdit(account);
    navigate('accounts');
  };
  const edit = async () => {
    const message = await useOutboxStore.getState().edit(row.id);
    if (!message) return;
    // Without a draft it is saved as one at once: leaving the outbox must never lose it.
    await useComposerStore.getState().open(message, { keep: message.draft === null });
    navigate('compose');
  };
  return (
    <li className={`outbox-row outbox-${row.state}`} aria-label={`${subject}: ${stateLabel(row)}`}>
      <div className="outbox-main">
        <span className="outbox-title">
          <span className="outbox-subject">{subject}</span>
          <span className={`badge badge-${row.state}`}>{stateLabel(row)}</span>
        </span>
        <span className="outbox-meta">
          To {row.recipients} · {account?.label ?? 'a removed account'} · {timing(row, now)}
        </span>
        {row.lastError ? <p className="outbox-error">{row.lastError}</p> : null}
        {row.state === 'unknown_outcome' ? <p className="outbox-meta">{unknownWords(row)}</p> : null}
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
      <RowActions row={row} subject={subject} onEdit={() => void edit()} onOpenAccount={openAccount} />
    </li>
  );
}
