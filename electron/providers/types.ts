import type { AccountSettings, ProviderId } from '../../shared/accounts.js';
import type { Address } from '../../shared/address.js';
import type { Capabilities } from '../../shared/capabilities.js';
import type { MessageContent } from '../../shared/message.js';
import type { Failure } from '../../shared/result.js';

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
   * `validation` SendError naming the file when it has vanished or changed since it was attached.
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

/** The account an adapter sends through: its settings and its decrypted secret (main only). */
export interface SendAccount<S extends AccountSettings = AccountSettings> {
  id: string;
  settings: S;
  /** Empty for the sandbox. Never logged, never put in an error. */
  secret: string;
}

/** What a vendor said about an email it took. Optional fields are set only by the vendors that give them. */
export interface SendResult {
  /**
   * The vendor's id of the sent email, and the id a later reply names as the email it answers
   * (`inReplyTo.remoteId`). For Unipile this is the mailbox's `provider_id` when the vendor
   * gives one (its `reply_to` needs it), else its tracking id (see `threadable`).
   */
  remoteId: string;
  remoteThreadId?: string;
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

export type SendFailure = Failure & {
  kind: SendFailureKind;
  status?: number;
  vendorCode?: string;
  /**
   * The vendor's id of what it created before the outcome became unknown (Rebilly's draft id):
   * what `Provider.lookup` reads back to learn what became of the email.
   */
  remoteRef?: string;
};

/** What a vendor says now about an email it was asked to send, read back with `Provider.lookup`. */
export type LookupOutcome =
  | { state: 'sent' | 'accepted'; result: SendResult }
  /** The vendor tried and will not send it: the sentence says why. */
  | { state: 'failed'; failure: SendFailure }
  /** The vendor holds nothing that will go out (a draft it removed, no such email): safe to send again. */
  | { state: 'not_sent'; reason: string };

/** Thrown by `send`; carries only the normalized failure, never the request or the secret. */
export class SendError extends Error {
  readonly failure: SendFailure;
  constructor(failure: SendFailure) {
    super(failure.message);
    this.name = 'SendError';
    this.failure = failure;
  }
}

export interface Provider<S extends AccountSettings = AccountSettings> {
  id: ProviderId;
  /** Shown in messages: "Rollout cannot send Bcc". */
  displayName: string;
  capabilities: Capabilities;
  /** `onProgress`, where the provider supports it, hears the bytes of the request sent so far. */
  send(message: OutgoingMessage, account: SendAccount<S>, signal?: AbortSignal, onProgress?: (sent: number, total: number) => void): Promise<SendResult>;
  /**
   * Where the vendor offers a read of what it created: asks it what became of the email a failure's
   * `remoteRef` names, so an unknown outcome is settled by the vendor before the user is asked.
   * Throws a SendError when the read itself fails.
   */
  lookup?(ref: string, account: SendAccount<S>, signal?: AbortSignal): Promise<LookupOutcome>;
}
