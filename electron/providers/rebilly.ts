import type { AccountSettings } from '../../shared/accounts.js';
import { httpFailure, readVendorWords, type VendorWords } from './errors.js';
import { redact, type VendorResponse } from './http.js';
import { preflight } from './preflight.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingMessage, SendResult } from '../../shared/outgoing.js';
import type { HttpProvider, SendAccount } from './types.js';
import { isSuccess, postToVendor, requestFor, vendorUrl } from './vendor-post.js';

type RebillySettings = Extract<AccountSettings, { provider: 'rebilly' }>;

/** The request body of `POST /organizations/{organizationId}/email-messages`. */
export function rebillyBody(message: OutgoingMessage, settings: RebillySettings): Record<string, unknown> {
  const emails = (list: { email: string }[]) => list.map((a) => a.email);
  const body: Record<string, unknown> = {
    // Rebilly takes plain addresses only: display names have nowhere to go.
    from: message.from.email,
    to: emails(message.to),
    subject: message.subject,
    html: message.html,
    text: message.text,
    // Always: Rebilly's default is "draft", which stores the message and never sends it.
    status: 'outbox',
  };
  if (message.cc.length > 0) body.cc = emails(message.cc);
  if (message.bcc.length > 0) body.bcc = emails(message.bcc);
  if (settings.credentialHash) body.credentialHash = settings.credentialHash;
  return body;
}

/** Rebilly's field names where they clearly map to a composer field; others keep the vendor's name. */
const FIELD_NAMES = new Map([
  ['to', 'to'],
  ['cc', 'cc'],
  ['bcc', 'bcc'],
  ['from', 'from'],
  ['subject', 'subject'],
  ['html', 'body'],
  ['text', 'body'],
]);

function ourField(vendorField: string): string {
  // "to[1]", "to.1" and "/to/1" all point at the To list.
  const root = vendorField.replace(/^\//, '').split(/[[./]/)[0] ?? vendorField;
  return FIELD_NAMES.get(root) ?? vendorField;
}

/**
 * RFC 7807 problem: `detail` (else `title`) is the message, `invalidFields` the per-field reasons,
 * renamed to our fields; the reasons also go into the message so they read well on their own.
 */
function rebillyWords(json: unknown): VendorWords {
  const words = readVendorWords(json);
  const raw = words.fields ?? [];
  if (raw.length === 0) return words;
  const listed = raw.map((f) => `${f.field}: ${f.message}`).join('; ');
  return {
    ...words,
    message: words.message ? `${words.message} (${listed})` : listed,
    fields: raw.map((f) => ({ field: ourField(f.field), message: f.message })),
  };
}

function readResult(res: VendorResponse, secrets: string[]): SendResult {
  const json = res.json && typeof res.json === 'object' ? (res.json as Record<string, unknown>) : {};
  if (typeof json.id !== 'string' || json.id === '') {
    throw new ServiceError({
      kind: 'unknown_outcome',
      status: res.status,
      message: redact(
        `Rebilly answered (HTTP ${res.status}) but gave no message id, so whether the email was queued is unknown. Check Rebilly's email messages before sending it again.`,
        secrets,
      ),
    });
  }
  // We always ask for "outbox"; an answer in another state means Rebilly did not queue it as asked.
  if (json.status === 'draft' || json.status === 'failed') {
    const why = typeof json.responseBody === 'string' && json.responseBody ? `: ${json.responseBody}` : '';
    throw new ServiceError({
      kind: 'provider',
      status: res.status,
      message: redact(
        json.status === 'draft'
          ? `Rebilly stored the email as a draft (${json.id}); it will not be sent.`
          : `Rebilly could not send the email (${json.id})${why}`,
        secrets,
      ),
    });
  }
  // "outbox" is a queue: Rebilly's mailer sends it later, so the honest status is 'accepted'.
  return { remoteId: json.id, status: json.status === 'sent' ? 'sent' : 'accepted' };
}

export const rebillyProvider: HttpProvider<RebillySettings> = {
  id: 'rebilly',
  displayName: 'Rebilly',
  capabilities: {
    cc: true,
    bcc: true,
    textPart: true,
    // Rebilly's attachments are references to objects already stored in Rebilly, not files.
    localAttachments: false,
    maxAttachmentBytes: 0,
    replyTo: false,
    threading: false,
    idempotency: 'none',
    // `from`, `to`, `cc` and `bcc` are bare addresses: the names beside them have nowhere to go.
    displayNames: false,
    customFrom: true,
  },
  request(message: OutgoingMessage, account: SendAccount<RebillySettings>) {
    return requestFor(rebillyProvider, account, (settings) => ({
      url: vendorUrl(settings.baseUrl, `/organizations/${encodeURIComponent(settings.organizationId)}/email-messages`),
      headers: { 'REB-APIKEY': account.secret, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(rebillyBody(message, settings)),
    }));
  },
  async send(message: OutgoingMessage, account: SendAccount<RebillySettings>, signal?: AbortSignal): Promise<SendResult> {
    preflight(rebillyProvider, message);
    const secrets = [account.secret];
    const res = await postToVendor(rebillyProvider, account, signal, () => rebillyProvider.request(message, account));
    if (!isSuccess(res)) {
      throw httpFailure(rebillyProvider.displayName, res, rebillyWords(res.json), secrets);
    }
    return readResult(res, secrets);
  },
};
