import type { ProviderId } from '../../../shared/accounts.js';
import type { Address } from '../../../shared/address.js';
import type { HistoryStatus } from '../../../shared/history.js';
import type { AttachmentRef, MessageContent } from '../../../shared/message.js';
import type { SendResult } from '../../../shared/outgoing.js';

/** How a send attempt ended (the outcome's names); a failure keeps its kind (`auth` stays `auth`). */
export type AttemptOutcome =
  | { status: 'sent'; result: SendResult }
  | { status: 'failed' | 'unknown_outcome'; error: { kind: string; message: string } };

/** One finished send attempt, as the outbox hands it over (every send goes through the outbox). */
export interface HistoryAttempt {
  accountId: string;
  provider: ProviderId;
  from?: Address;
  content: MessageContent;
  attachments: readonly AttachmentRef[];
  /** The history message this one answers, when it was written as a reply from the history. */
  replyToHistoryId?: string;
  idempotencyKey?: string;
  /** When the attempt ended; the clock's now when absent. */
  attemptedAt?: number;
  outcome: AttemptOutcome;
}

export interface RecordedMessage {
  id: string;
  threadId: string;
  status: HistoryStatus;
}
