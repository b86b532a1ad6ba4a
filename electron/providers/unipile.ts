import { unipile } from '../../shared/providers/unipile.js';
import type { Capabilities } from '../../shared/capabilities.js';
import { httpFailure, readVendorWords, type VendorWords } from './errors.js';
import { redact, type VendorResponse } from './http.js';
import { checkIdempotencyKey } from './idempotency-key.js';
import { preflight } from './preflight.js';
import { probeFailure, readFromVendor } from './probe.js';
import type { ConnectionTest } from '../../shared/connection-test.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingMessage, SendResult } from '../../shared/outgoing.js';
import type { HttpProvider, SendAccount } from './types.js';
import { buildUnipileForm, type OpenedAttachment, type UnipileSettings } from './unipile-form.js';
import { isSuccess, postToVendor, requestFor, vendorUrl } from './vendor-post.js';
import type { UploadProgress } from './upload-progress.js';

export type { UnipileSettings } from './unipile-form.js';

const NAME = unipile.name;

export const unipileCapabilities: Capabilities = unipile.capabilities;

/** ` (Unipile said: "…", errors/…)`: the vendor's words, flattened, cut short and redacted. */
function quote(words: VendorWords, secrets: string[]): string {
  const flat = (value: string, limit: number) => {
    const one = redact(value, secrets).replace(/\s+/g, ' ').trim();
    return one.length > limit ? `${one.slice(0, limit - 1)}…` : one;
  };
  const parts: string[] = [];
  if (words.message) parts.push(`"${flat(words.message, 300)}"`);
  if (words.code) parts.push(flat(words.code, 80));
  return parts.length > 0 ? ` (Unipile said: ${parts.join(', ')})` : '';
}

/**
 * Unipile errors are `{ title, detail, type: 'errors/…', status }`: `detail` (else `title`)
 * becomes the message and `type` the vendor code. The generic status mapping (401/403 auth,
 * 404/422 validation, 5xx provider with the code kept for the retry policy, 504 unknown
 * outcome) is adjusted where Unipile's status alone misleads: on this route a 404 can only
 * mean the mailbox, and the sending quota comes back as a 422.
 */
function unipileFailure(res: VendorResponse, settings: UnipileSettings, secrets: string[]): ServiceError {
  const words = readVendorWords(res.json);
  if (words.code === 'errors/invalid_recipient') {
    words.fields = [{ field: 'to', message: words.message ?? 'Unipile refused a recipient.' }];
  }
  const { failure } = httpFailure(NAME, res, words, secrets);
  if (res.status === 404) {
    const account = redact(settings.accountId, secrets);
    const message = `Unipile found no connected account "${account}"${quote(words, secrets)}. Check the account id in this account's settings.`;
    return new ServiceError({ ...failure, message });
  }
  if (res.status === 409) {
    // The same key always carries the same form in this app, so this is our bug, not the user's.
    const message = `Unipile refused the send because this email's idempotency key was already used for a different request${quote(words, secrets)}. The email was not sent again; this is a problem in Composer, not in the message.`;
    return new ServiceError({ ...failure, message });
  }
  if (res.status === 422 && words.code === 'errors/parent_mail_not_found') {
    // Nothing in the message can fix this: only sending it without the reply link can.
    const message = `Unipile could not find the email this one replies to${quote(words, secrets)}, so it was not sent. Send it as a new message; it will start a new thread.`;
    return new ServiceError({ ...failure, message });
  }
  if (res.status === 422 && words.code === 'errors/limit_exceeded') {
    const message = `Unipile reports that this mailbox has reached its sending limit${quote(words, secrets)}. Try again later.`;
    return new ServiceError({ ...failure, kind: 'rate_limited', message });
  }
  return new ServiceError(failure);
}

/**
 * Opens every attachment before any request leaves: `open()` refuses a vanished or resized
 * file, naming it, so that costs no request. The size limit needs no second check: preflight
 * enforced it on the attached sizes, which every opened file still has.
 */
async function openAll(message: OutgoingMessage): Promise<OpenedAttachment[]> {
  const opened: OpenedAttachment[] = [];
  for (const attachment of message.attachments) {
    const blob = await attachment.open();
    // The part's Content-Type is the Blob's type: the message's own mimeType is the one sent. A
    // slice of a file-backed Blob still reads from disk only as it is sent.
    opened.push({ filename: attachment.filename, blob: blob.type === attachment.mimeType ? blob : blob.slice(0, blob.size, attachment.mimeType) });
  }
  return opened;
}

function idOf(json: unknown, name: string): string | undefined {
  const value = json && typeof json === 'object' ? (json as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The 201 is `{ object: 'EmailSent', tracking_id, provider_id, provider_immutable_id? }`. The
 * `provider_id` (the mailbox's own id of the email) becomes the remote id, because `reply_to`
 * takes that, never the tracking id. The seed's older definition answers `tracking_id` alone:
 * the email went, but nothing a reply could name came back, so the result says so.
 */
function readResult(res: VendorResponse, secrets: string[]): SendResult {
  const trackingId = idOf(res.json, 'tracking_id');
  if (!trackingId) {
    // A 2xx without the documented body may be a proxy page, not Unipile: the outcome is unknown.
    throw new ServiceError({
      kind: 'unknown_outcome',
      status: res.status,
      message: redact(
        `Unipile answered (HTTP ${res.status}) without a tracking id, so whether the email went out is unknown. Check the mailbox's sent folder before sending it again.`,
        secrets,
      ),
    });
  }
  const providerId = idOf(res.json, 'provider_id');
  // No thread id comes back: Unipile threads replies by the id of the email answered.
  if (!providerId) return { remoteId: redact(trackingId, secrets), trackingId: redact(trackingId, secrets), threadable: false, status: 'accepted' };
  return { remoteId: redact(providerId, secrets), trackingId: redact(trackingId, secrets), status: 'accepted' };
}

export const unipileProvider: HttpProvider<UnipileSettings> = {
  id: 'unipile',
  displayName: NAME,
  capabilities: unipileCapabilities,
  request(message: OutgoingMessage, account: SendAccount<UnipileSettings>) {
    return requestFor(unipileProvider, account, async (settings) => ({
      url: vendorUrl(settings.baseUrl, '/api/v1/emails'),
      // No Content-Type: fetch writes multipart/form-data with the FormData's own boundary.
      // The same key on every retry of this message: Unipile answers a repeat with its first result.
      headers: { 'X-API-KEY': account.secret, 'Idempotency-Key': message.idempotencyKey, Accept: 'application/json' },
      body: buildUnipileForm(message, settings, await openAll(message)),
    }));
  },
  async send(message: OutgoingMessage, account: SendAccount<UnipileSettings>, signal?: AbortSignal, onProgress?: UploadProgress): Promise<SendResult> {
    preflight(unipileProvider, message);
    checkIdempotencyKey(NAME, message.idempotencyKey);
    const secrets = [account.secret];
    const res = await postToVendor(unipileProvider, account, signal, () => unipileProvider.request(message, account), onProgress);
    if (!isSuccess(res)) throw unipileFailure(res, account.settings, secrets);
    return readResult(res, secrets);
  },
  /** `GET /api/v1/accounts/{account_id}`: reads the connected mailbox itself, which sends nothing. */
  async probe(account: SendAccount<UnipileSettings>, signal?: AbortSignal): Promise<ConnectionTest> {
    const secrets = [account.secret];
    const res = await readFromVendor(unipileProvider, account, signal, (settings) => ({
      url: vendorUrl(settings.baseUrl, `/api/v1/accounts/${encodeURIComponent(settings.accountId)}`),
      headers: { 'X-API-KEY': account.secret, Accept: 'application/json' },
    }));
    const accountId = redact(account.settings.accountId, secrets);
    if (res.status === 404) {
      throw new ServiceError({ kind: 'validation', status: 404, message: `Unipile accepted the key but has no connected account "${accountId}"${quote(readVendorWords(res.json), secrets)}. Check the account id.` });
    }
    if (!isSuccess(res)) throw probeFailure(NAME, res, readVendorWords(res.json), secrets);
    return mailboxFound(res.json, accountId, secrets);
  },
};

/** Unipile's account types as the person knows the mailbox. */
const MAILBOX_KINDS = new Map([['GOOGLE_OAUTH', 'Gmail'], ['GOOGLE', 'Gmail'], ['OUTLOOK', 'Outlook'], ['MICROSOFT', 'Outlook'], ['ICLOUD', 'iCloud'], ['MAIL', 'IMAP']]);

/** What Unipile's account read says: the mailbox, and whether its connection can send now. */
function mailboxFound(json: unknown, accountId: string, secrets: string[]): ConnectionTest {
  const record = json && typeof json === 'object' ? (json as Record<string, unknown>) : null;
  if (!record || record.object !== 'Account') {
    return { outcome: 'vendor', sentence: `Something answered at this DSN, but not as Unipile's API does. Check the DSN.` };
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? redact(value.trim(), secrets) : undefined);
  const mail = (record.connection_params as { mail?: { username?: unknown } } | undefined)?.mail;
  const name = text(mail?.username) ?? text(record.name) ?? accountId;
  const type = text(record.type);
  const kind = type === undefined ? undefined : (MAILBOX_KINDS.get(type) ?? type);
  const sources = Array.isArray(record.sources) ? (record.sources as { status?: unknown }[]) : [];
  const trouble = sources.map((source) => text(source.status)).find((status) => status !== undefined && status !== 'OK');
  const mailbox = `"${name}"${kind ? ` (${kind})` : ''}`;
  if (trouble) {
    return { outcome: 'vendor', sentence: `Unipile knows the mailbox ${mailbox}, but reports its connection as ${trouble}: reconnect it in the Unipile dashboard before sending. Nothing was sent.` };
  }
  return { outcome: 'ok', sentence: `Connected: Unipile accepted the key and found the mailbox ${mailbox}. Nothing was sent.` };
}
