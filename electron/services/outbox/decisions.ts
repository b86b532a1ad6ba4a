import type { ProviderId } from '../../../shared/accounts.js';
import { editableFromSubmitted, type EditableMessage } from '../../../shared/editable-message.js';
import type { OutboxAction, OutboxRow } from '../../../shared/outbox.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { Provider } from '../../providers/types.js';
import type { Clock } from '../clock.js';
import type { Delivery } from './delivery.js';
import type { OutboxRecord, OutboxStore } from './outbox-store.js';
import type { Settlement } from './worker.js';
import { sentenceTime } from './sentence-time.js';

export interface DecisionDeps {
  store: OutboxStore;
  clock: Clock;
  providers: Record<ProviderId, Provider>;
  /** The draft the message was written in, while it is kept (for Undo and Edit). */
  draftOf(id: string | undefined): Parameters<typeof editableFromSubmitted>[1];
  /** The provider, the message and the account with its secret, as an attempt gets them. */
  prepare(row: OutboxRecord): Promise<Delivery>;
  /** The row's outcome is known now (a vendor's check): record it as the worker would. */
  settled(row: OutboxRecord, settlement: Settlement): void;
  /** The rows changed: announce them, let the worker look again (and forget an account's hold). */
  changed(release?: string): void;
  row(record: OutboxRecord): OutboxRow;
  /** Send-later times further out than this are almost certainly a mistake in the picker. */
  maxScheduleMs: number;
}

/** The person's decisions about a message in the outbox, one call each, checked against its state. */
export interface OutboxDecisions {
  /** Undo or Cancel: a waiting message leaves the outbox unsent; answers it as the composer opens it. */
  cancel(id: string): EditableMessage;
  /** Edit: a waiting or failed message leaves the outbox and opens in the composer. */
  edit(id: string): EditableMessage;
  sendNow(id: string): OutboxRow;
  reschedule(id: string, sendAt: string): OutboxRow;
  /** A message waiting out a back-off is tried at once. */
  retryNow(id: string): OutboxRow;
  /** A failed message (or an unknown one through a vendor that honours the key) goes again under its key. */
  retry(id: string): OutboxRow;
  /** An unknown outcome sent again although it may arrive twice: the person chose so. */
  sendAgain(id: string): OutboxRow;
  /** Asks the vendor what became of a message whose outcome is unknown. */
  check(id: string): Promise<OutboxRow>;
}

const STATE_WORDS: Record<OutboxRecord['state'], string> = {
  scheduled: 'scheduled',
  queued: 'waiting to be sent',
  sending: 'being sent right now',
  sent: 'already sent',
  accepted: 'already accepted by the vendor',
  failed: 'not sent (it failed)',
  unknown_outcome: 'perhaps sent: its outcome is unknown',
  cancelled: 'no longer in the outbox',
};

export function createOutboxDecisions(deps: DecisionDeps): OutboxDecisions {
  const { store, clock } = deps;

  function rowOf(id: string): OutboxRecord {
    const row = store.get(id);
    if (!row) throw new ServiceError({ kind: 'not_found', message: 'This message is no longer in the outbox.' });
    return row;
  }

  /** The row, when `action` is one it offers now; otherwise a sentence saying why not. */
  function offering(id: string, action: OutboxAction, what: string): OutboxRecord {
    const row = rowOf(id);
    if (!deps.row(row).actions.includes(action)) {
      throw new ServiceError({ kind: 'conflict', message: `${what} is not possible: this message is ${STATE_WORDS[row.state]}. See the Outbox for what it offers.` });
    }
    return row;
  }

  function after(row: OutboxRecord, release = false): OutboxRow {
    deps.changed(release ? row.accountId : undefined);
    return deps.row(store.get(row.id) ?? row);
  }

  function takeBack(row: OutboxRecord, note: string, notice: string): EditableMessage {
    const message = store.message(row.id);
    if (!message || !store.takeOut(row.id, note, clock())) {
      throw new ServiceError({ kind: 'conflict', message: `Too late: this message is ${STATE_WORDS[rowOf(row.id).state]}. Look for it in the Outbox.` });
    }
    deps.changed();
    return editableFromSubmitted(message, deps.draftOf(message.draftId), notice);
  }

  return {
    cancel(id) {
      const row = rowOf(id);
      // A message an earlier attempt may have delivered goes again only under its key: no taking it back.
      if ((row.state !== 'scheduled' && row.state !== 'queued') || row.mayHaveSent) {
        const what =
          row.state === 'sent' || row.state === 'accepted'
            ? 'the message has already been sent'
            : row.state === 'cancelled'
              ? 'the message was already taken back'
              : row.mayHaveSent
                ? 'an earlier attempt may have reached the vendor, so it is being sent again under the same key. Look for it in the outbox'
                : 'the message is already being sent. Look for it in the outbox';
        throw new ServiceError({ kind: 'conflict', message: `Too late to undo: ${what}.` });
      }
      return takeBack(row, 'Cancelled before it was sent; it is back in Drafts.', 'Cancelled: it was not sent. It is back in Drafts.');
    },
    edit(id) {
      const row = offering(id, 'edit', 'Edit');
      const was = row.state === 'scheduled' ? ` (it was scheduled for ${sentenceTime(row.sendAt)})` : '';
      return takeBack(row, 'Taken out of the Outbox to edit; it is back in Drafts.', `Taken out of the Outbox to edit${was}: it will not be sent until you send it again.`);
    },
    sendNow(id) {
      const row = offering(id, 'send_now', 'Send now');
      store.sendNow(id, clock());
      return after(row);
    },
    reschedule(id, sendAt) {
      const row = offering(id, 'reschedule', 'Changing the time');
      const at = Date.parse(sendAt);
      const now = clock();
      if (!(at > now)) {
        throw new ServiceError({ kind: 'invalid_input', message: 'That time has passed. Pick a time in the future, or use Send now.', fields: [{ field: 'sendAt', message: 'in the past' }] });
      }
      if (at - now > deps.maxScheduleMs) {
        throw new ServiceError({ kind: 'invalid_input', message: 'The send-later time is more than a year away. Pick an earlier date.', fields: [{ field: 'sendAt', message: 'more than a year away' }] });
      }
      store.reschedule(id, at, now);
      return after(row);
    },
    retryNow(id) {
      const row = offering(id, 'retry_now', 'Retry now');
      store.retryNow(id, clock());
      return after(row, true);
    },
    retry(id) {
      const row = rowOf(id);
      if (!deps.row(row).actions.includes('retry')) {
        const why =
          row.state === 'unknown_outcome'
            ? 'it may already have been sent, and its vendor does not promise to drop a repeat: check with the vendor, or use “Send again anyway”.'
            : row.state === 'failed'
              ? 'sending it unchanged would fail the same way. Use Edit to change it (attach a missing file again, fix the address).'
              : `only a failed message can be retried; this one is ${STATE_WORDS[row.state]}.`;
        throw new ServiceError({ kind: 'conflict', message: `Retry is not offered: ${why}` });
      }
      store.retry(id, clock());
      return after(row, true);
    },
    sendAgain(id) {
      const row = offering(id, 'send_again', 'Send again anyway');
      store.retry(id, clock());
      return after(row, true);
    },
    async check(id) {
      const row = offering(id, 'check', 'Checking with the vendor');
      const delivery = await deps.prepare(row);
      const check = delivery.provider.check;
      if (!check) return deps.row(row);
      const answer = await check.call(delivery.provider, { idempotencyKey: row.idempotencyKey, remoteId: row.remoteId, attemptedAt: row.updatedAt, message: delivery.message }, delivery.account);
      const now = clock();
      // The person may have acted meanwhile: only a row still unknown takes the vendor's answer.
      if (store.get(id)?.state !== 'unknown_outcome') return deps.row(rowOf(id));
      const vendor = delivery.provider.displayName;
      if (answer.found === true) {
        store.markDelivered(id, answer.result.status, answer.result.remoteId, now);
        deps.settled(row, { outcome: { state: answer.result.status, remoteId: answer.result.remoteId }, result: answer.result });
      } else if (answer.found === false) {
        const sentence = `${vendor} has no record of this message: it was not sent. Retry sends it.`;
        store.notSent(id, sentence, 'provider', now);
        deps.settled(row, { outcome: { state: 'failed', kind: 'provider', sentence, action: 'retry' } });
      } else if (answer.found === 'failed') {
        // The vendor took it and will not send it: not sent, in the vendor's own words.
        const sentence = `${answer.failure.message} Retry sends it.`;
        store.notSent(id, sentence, answer.failure.kind, now);
        deps.settled(row, { outcome: { state: 'failed', kind: answer.failure.kind, sentence, action: 'retry' } });
      } else {
        store.settle(id, 'unknown_outcome', `${vendor} could not say whether it has this message: ${answer.sentence}`, 'unknown_outcome', now);
      }
      return after(row);
    },
  };
}
