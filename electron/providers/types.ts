import type { AccountSettings, ProviderId } from '../../shared/accounts.js';
import type { Address } from '../../shared/address.js';
import type { Capabilities } from '../../shared/capabilities.js';
import type { MessageContent } from '../../shared/message.js';
import type { Failure } from '../../shared/result.js';

/** A file the user chose; main reads it from `path` at send time, the renderer never does. */
export interface OutgoingAttachment {
  filename: string;
  mimeType: string;
  /** Size when the file was chosen; the adapter re-checks it when it reads the file. */
  size: number;
  path: string;
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

export interface SendResult {
  remoteId: string;
  remoteThreadId?: string;
  status: 'accepted' | 'sent';
  /** The vendor's request id, kept with the history entry because support asks for it. */
  requestId?: string;
}

/** The normalized send failure kinds of the vendor contract. */
export type SendFailureKind = 'auth' | 'validation' | 'rate_limited' | 'provider' | 'network' | 'unknown_outcome' | 'unsupported' | 'cancelled';

export type SendFailure = Failure & { kind: SendFailureKind; status?: number; vendorCode?: string };

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
  send(message: OutgoingMessage, account: SendAccount<S>, signal?: AbortSignal): Promise<SendResult>;
}
