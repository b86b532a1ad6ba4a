import type { AccountView, ProviderId } from '../../../shared/accounts.js';
import type { Outcome } from '../../../shared/outcome.js';
import type { DeliveredMessage } from '../history/delivery-report.js';
import type { HistoryAttempt } from '../history/recorder.js';
import type { FollowUpAnswer } from './follow-up.js';
import { silentNotifier, type Notifier } from '../notifier.js';
import type { OutboxRecord, OutboxStore } from './outbox-store.js';
import type { Settlement } from './worker.js';

export interface SettlementDeps {
  store: OutboxStore;
  uploads: Map<string, unknown>;
  listAccounts(): Promise<AccountView[]>;
  drafts: { removeAfterSend(draftId: string): void; markSendFailed(draftId: string, message: string): void };
  releaseAttachments(tokens: string[]): void;
  recordAttempt?(attempt: HistoryAttempt): Promise<unknown>;
  /** A message its vendor had only accepted is now known sent or failed. */
  reportDelivery?(delivered: DeliveredMessage): unknown;
  notifier?: Notifier;
  logError?: (error: unknown) => void;
}

/**
 * What follows when a message's outcome is known (from the worker, or a vendor's check): a
 * desktop notification, the attempt recorded whole in the history (a failure keeps its kind),
 * then the draft removed once sent, or kept with the reason when not.
 */
export function createSettlement(deps: SettlementDeps): {
  settled(row: OutboxRecord, settlement: Settlement): void;
  followedUp(row: OutboxRecord, answer: FollowUpAnswer): void;
} {
  const { store } = deps;
  const notifier = deps.notifier ?? silentNotifier;

  function notify(row: OutboxRecord, outcome: Outcome): void {
    const subject = row.subject ? `“${row.subject}”` : 'A message with no subject';
    try {
      if (outcome.state === 'sent' || outcome.state === 'accepted') {
        if (store.settings().notifyOnSent) notifier.notify({ title: 'Message sent', body: `${subject} to ${row.recipients} was sent.` });
      } else {
        const title = outcome.state === 'failed' ? 'Message not sent' : 'Message may not have been sent';
        notifier.notify({ title, body: `${subject} to ${row.recipients}: ${outcome.sentence} It is kept in the Outbox.` });
      }
    } catch (error) {
      // A desktop that cannot show a notification must not change what happened to the message.
      deps.logError?.(error);
    }
  }

  async function record(row: OutboxRecord, settlement: Settlement): Promise<void> {
    const message = store.message(row.id);
    if (!deps.recordAttempt || !message) return;
    try {
      const account = (await deps.listAccounts()).find((a) => a.id === row.accountId);
      const provider = (row.providerId ?? account?.settings.provider) as ProviderId | undefined;
      if (!provider) return;
      const { accountId, attachments, replyToHistoryId, draftId: _draftId, sendAt: _sendAt, ...content } = message;
      await deps.recordAttempt({
        accountId,
        provider,
        ...(account ? { from: account.from } : {}),
        content,
        attachments,
        ...(replyToHistoryId ? { replyToHistoryId } : {}),
        idempotencyKey: row.idempotencyKey,
        // The failure's own kind goes into the history: `auth` stays `auth`.
        outcome:
          'result' in settlement
            ? { status: 'sent', result: settlement.result }
            : { status: settlement.outcome.state, error: { kind: settlement.outcome.kind, message: settlement.outcome.sentence } },
      });
    } catch (error) {
      // The message's own fate is settled; a history that could not be written must not change it.
      deps.logError?.(error);
    }
  }

  return {
    followedUp(row, answer) {
      const subject = row.subject ? `“${row.subject}”` : 'A message with no subject';
      try {
        // A late failure is news the person must hear; a late "sent" only confirms what they saw.
        if (answer.state === 'failed') notifier.notify({ title: 'Message not delivered', body: `${subject} to ${row.recipients}: ${answer.failure.message} It is back in the Outbox.` });
        deps.reportDelivery?.({
          accountId: row.accountId,
          idempotencyKey: row.idempotencyKey,
          report: answer.state === 'sent' ? { status: 'sent', ...(answer.result.sentAt ? { sentAt: answer.result.sentAt } : {}) } : { status: 'failed', error: { kind: answer.failure.kind, message: answer.failure.message } },
        });
      } catch (error) {
        deps.logError?.(error);
      }
    },
    settled(row, settlement) {
      deps.uploads.delete(row.id);
      notify(row, settlement.outcome);
      // Recorded first, so the history holds its attachment copies before the outbox lets go of them.
      void record(row, settlement).finally(() => {
        const { outcome } = settlement;
        if (outcome.state === 'sent' || outcome.state === 'accepted') {
          if (row.draftId) deps.drafts.removeAfterSend(row.draftId);
          deps.releaseAttachments(row.attachmentTokens);
        } else if (row.draftId) {
          // The draft stays, whole, with the reason on it.
          deps.drafts.markSendFailed(row.draftId, outcome.sentence);
        }
      });
    },
  };
}
