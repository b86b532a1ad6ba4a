import { randomUUID } from 'node:crypto';
import type { AccountView } from '../../../shared/accounts.js';
import { formatAddress } from '../../../shared/address.js';
import type { SubmitMessage, SubmitOutcome } from '../../../shared/message.js';
import type { Failure } from '../../../shared/result.js';
import type { OutgoingAttachment, Provider, SendResult } from '../../providers/types.js';
import { SendError } from '../../providers/types.js';
import type { ProviderId } from '../../../shared/accounts.js';
import type { HistoryAttempt } from '../history/recorder.js';
import { ServiceError } from '../service-error.js';

/** What the send path needs from the other services, passed in so it runs anywhere. */
export interface SendNowDeps {
  resolveAccount(id: string): Promise<{ account: AccountView; secret: string }>;
  openAttachment(token: string): Promise<OutgoingAttachment>;
  providers: Record<ProviderId, Provider>;
  newIdempotencyKey?: () => string;
  /** The history's recorder; a recording failure is reported here and never turns a sent message into an error. */
  recordAttempt?: (attempt: HistoryAttempt) => Promise<unknown>;
  logError?: (where: string, error: unknown) => void;
}


function describeRecipients(message: SubmitMessage): string {
  const all = [...message.to, ...message.cc, ...message.bcc];
  const first = all[0];
  if (!first) return 'nobody';
  const name = first.name ?? first.email;
  return all.length === 1 ? name : `${name} and ${all.length - 1} other${all.length === 2 ? '' : 's'}`;
}

/** A provider's failure as the renderer receives it: the sentence and what to fix, nothing else. */
function toFailure(error: SendError): Failure {
  const { kind, message, fields, retryAfterMs } = error.failure;
  return { kind, message, ...(fields ? { fields } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/**
 * Sends one message at once through its account's provider. It stands behind
 * `outbox:submit` until the outbox queues messages; the channel and what it answers stay
 * the same, so the composer does not change when the queue arrives.
 */
export function createSendNow(deps: SendNowDeps) {
  const newKey = deps.newIdempotencyKey ?? randomUUID;
  return async function submit(message: SubmitMessage, signal?: AbortSignal): Promise<SubmitOutcome> {
    const { account, secret } = await deps.resolveAccount(message.accountId);
    const provider = deps.providers[account.settings.provider];
    const attachments = await Promise.all(message.attachments.map((ref) => deps.openAttachment(ref.token)));
    const idempotencyKey = newKey();
    const record = async (outcome: HistoryAttempt['outcome']) => {
      if (!deps.recordAttempt) return;
      const { accountId, attachments: refs, replyToHistoryId, draftId: _draftId, ...content } = message;
      try {
        await deps.recordAttempt({
          accountId,
          provider: account.settings.provider,
          from: account.from,
          content,
          attachments: refs,
          ...(replyToHistoryId ? { replyToHistoryId } : {}),
          idempotencyKey,
          outcome,
        });
      } catch (error) {
        deps.logError?.('history:record', error);
      }
    };
    let result: SendResult;
    try {
      result = await provider.send(
        {
          from: account.from,
          to: message.to,
          cc: message.cc,
          bcc: message.bcc,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments,
          ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
          idempotencyKey,
        },
        { id: account.id, settings: account.settings, secret },
        signal,
      );
    } catch (error) {
      if (error instanceof SendError) {
        if (error.failure.kind !== 'cancelled') {
          await record({ status: error.failure.kind === 'unknown_outcome' ? 'unknown' : 'failed', error: { kind: error.failure.kind, message: error.failure.message } });
        }
        throw new ServiceError(toFailure(error));
      }
      throw error;
    }
    await record({ status: 'sent', result });
    const how = `through ${provider.displayName} (${account.label}, from ${formatAddress(account.from)})`;
    const summary =
      result.status === 'sent' ? `Sent to ${describeRecipients(message)} ${how}.` : `Accepted for delivery to ${describeRecipients(message)} ${how}.`;
    return { status: result.status, remoteId: result.remoteId, summary };
  };
}
