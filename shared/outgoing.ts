import type { Address } from './address.js';
import type { MessageContent } from './message.js';
import type { DetailedFailure } from './service-error.js';

/**
 * The message on its way to a vendor (part of the message model, see message.ts): what a
 * provider maps, what it answers, and how it fails. Main builds these from the outbox's
 * frozen copy; the renderer never holds one.
 */

/**
 * A file the user attached, as the attachments service hands it to a provider: the provider
 * never sees a path, it calls `open()` and streams or reads the Blob.
 */
export interface OutgoingAttachment {
  filename: string;
  mimeType: string;
  /** Size when the file was attached; `open()` refuses a file that no longer has it. */
  size: number;
  /**
   * The file's bytes as a Blob that reads from disk only as it is consumed. Throws a
   * `validation` ServiceError naming the file when it has vanished or changed since it was attached.
   */
  open(): Promise<Blob>;
}

/** The one canonical message every adapter maps to its vendor's request. */
export type OutgoingMessage = MessageContent & {
  from: Address;
  replyTo?: Address;
  attachments: OutgoingAttachment[];
  /** Fixed when the message enters the outbox and reused on every retry. */
  idempotencyKey: string;
};

/** What a vendor said about an email it took. Optional fields are set only by the vendors that give them. */
export interface SendResult {
  /**
   * The vendor's id of the sent email, and the id a later reply names as the email it answers
   * (`inReplyTo.remoteId`). For Unipile this is the mailbox's `provider_id` when the vendor
   * gives one (its `reply_to` needs it), else its tracking id (see `threadable`).
   */
  remoteId: string;
  remoteThreadId?: string;
  /** `sent`: the vendor says it went out; `accepted`: the vendor took it for later delivery. */
  status: 'accepted' | 'sent';
  /** The vendor's request id, kept with the history entry because support asks for it. */
  requestId?: string;
  /**
   * Unipile's `tracking_id` for this send: the id its webhooks and tracking events use. Kept
   * beside `remoteId` because it cannot stand in for it: a reply naming it is refused.
   */
  trackingId?: string;
  /**
   * `false` when the vendor gave no id a reply could point at (a Unipile 201 without
   * `provider_id`): a reply to this email must start a new thread, and the history should say
   * so beside it, rather than send an id the vendor will refuse. Absent means replies can thread
   * as far as the provider's `threading` capability goes.
   */
  threadable?: false;
  /** The mailbox service the vendor sent through, in the vendor's words (CRM gateway: e.g. "gmail"). */
  provider?: string;
  /** When the vendor says the email went out, as an ISO 8601 timestamp (CRM gateway `sent_at`). */
  sentAt?: string;
}

/** The normalized send failure kinds of the vendor contract. */
export type SendFailureKind = 'auth' | 'validation' | 'rate_limited' | 'provider' | 'network' | 'unknown_outcome' | 'unsupported' | 'cancelled';

export type SendFailure = DetailedFailure & { kind: SendFailureKind };

const SEND_FAILURE_KINDS: ReadonlySet<string> = new Set<SendFailureKind>(['auth', 'validation', 'rate_limited', 'provider', 'network', 'unknown_outcome', 'unsupported', 'cancelled']);

export function isSendFailure(failure: DetailedFailure): failure is SendFailure {
  return SEND_FAILURE_KINDS.has(failure.kind);
}

/**
 * What Composer knows of a message whose outcome is unknown, for a provider's `check`: the key
 * it was sent under, the vendor id if one was ever heard, and when the last attempt began.
 */
export interface SentQuery {
  idempotencyKey: string;
  remoteId: string | null;
  attemptedAt: number;
  message: OutgoingMessage;
}

/**
 * A vendor's answer to "did you take this message?": it did (and how far it got), it has no
 * such message (nothing was sent: sending again cannot duplicate), or it cannot tell.
 */
export type VendorCheck =
  | { found: true; result: SendResult }
  | { found: false }
  | { found: 'unknown'; sentence: string };
