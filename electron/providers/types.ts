import type { AccountSettings, ProviderId } from '../../shared/accounts.js';
import type { Capabilities } from '../../shared/capabilities.js';
import type { ConnectionTest } from '../../shared/connection-test.js';
import type { OutgoingMessage, SendResult, SentQuery, VendorCheck } from '../../shared/outgoing.js';
import type { JsonFilesBody } from './json-files-body.js';

/** The account an adapter sends through: its settings and its decrypted secret (main only). */
export interface SendAccount<S extends AccountSettings = AccountSettings> {
  id: string;
  settings: S;
  /** Empty for the sandbox. Never logged, never put in an error. */
  secret: string;
}

/** What an adapter sends: everything but the plumbing every vendor call shares. */
export interface VendorPost {
  url: string;
  /** POST unless said otherwise (a read-back is a GET, Rebilly's send a PATCH). */
  method?: 'POST' | 'PATCH' | 'GET' | 'DELETE';
  headers: Record<string, string>;
  body?: string | FormData | JsonFilesBody;
}

export interface Provider<S extends AccountSettings = AccountSettings> {
  id: ProviderId;
  /** Shown in messages: "Rollout cannot send Bcc". */
  displayName: string;
  capabilities: Capabilities;
  /** `onProgress`, where the provider supports it, hears the bytes of the request sent so far. */
  send(message: OutgoingMessage, account: SendAccount<S>, signal?: AbortSignal, onProgress?: (sent: number, total: number) => void): Promise<SendResult>;
  /**
   * Asks the vendor what became of a message whose outcome is unknown (a read of what was
   * created: Rebilly GET /email-messages/{id}, Stuut GET /v1/emails/{id}, the gateway's thread
   * read, Rollout's list searched for it). Absent where the vendor offers no such read: then
   * "Check with <vendor>" is not offered; `checkNeedsId` says the read works only by the id the
   * vendor gave, so without one it is not offered either.
   * Throws a ServiceError when the vendor cannot be asked right now.
   */
  check?(query: SentQuery, account: SendAccount<S>, signal?: AbortSignal): Promise<VendorCheck>;
  checkNeedsId?: true;
  /**
   * The request `send` makes for this message, built by the same code without sending it (a
   * dry run for the request preview). Absent for the sandbox, which makes no request.
   */
  request?(message: OutgoingMessage, account: SendAccount<S>): Promise<VendorPost>;
  /**
   * Test connection: the cheapest authenticated read the vendor documents, with these settings
   * and key, never a send. Answers what it found; throws a ServiceError (auth, network, the
   * vendor's refusal in its words). Absent where the vendor documents no harmless read: the
   * form then says the first send will tell.
   */
  probe?(account: SendAccount<S>, signal?: AbortSignal): Promise<ConnectionTest>;
}

/** An adapter that makes an HTTP request: its `request` (the dry run) is always there. */
export type HttpProvider<S extends AccountSettings = AccountSettings> = Provider<S> & Required<Pick<Provider<S>, 'request'>>;
