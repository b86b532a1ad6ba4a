import { stuut } from '../../shared/providers/stuut.js';
import type { AccountSettings } from '../../shared/accounts.js';
import { httpFailure, readVendorWords } from './errors.js';
import { redact, type VendorResponse } from './http.js';
import { preflight } from './preflight.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingMessage, SendResult, SentQuery, VendorCheck } from '../../shared/outgoing.js';
import type { HttpProvider, SendAccount } from './types.js';
import { noIdToAsk, toVendorCheck, type LookupOutcome } from './vendor-check.js';
import { isSuccess, postToVendor, requestFor, vendorUrl } from './vendor-post.js';

type StuutSettings = Extract<AccountSettings, { provider: 'stuut' }>;

/** The request body of `POST /v1/emails`; the billing fields (email_template, invoices, partner) never go in. */
export function stuutBody(message: OutgoingMessage, settings: StuutSettings): Record<string, unknown> {
  const emails = (list: { email: string }[]) => list.map((a) => a.email);
  const body: Record<string, unknown> = { to: emails(message.to) };
  if (message.cc.length > 0) body.cc = emails(message.cc);
  if (message.bcc.length > 0) body.bcc = emails(message.bcc);
  if (message.replyTo) body.reply_to = [message.replyTo.email];
  body.subject = message.subject;
  body.body = message.html;
  body.email_sender = settings.emailSender;
  // Stuut threads by the email answered; only its own ids (eml_…) can be a parent. An entry
  // from elsewhere has no Stuut thread to join, so the reply starts a new one.
  const parent = message.inReplyTo?.remoteId;
  if (parent?.startsWith('eml_')) body.parent_email = parent;
  // All off: the user wrote this email, and asked for no reply-all, checkout link or AI rewrite.
  body.options = { reply_all: false, include_checkout_url: false, use_llm: false };
  return body;
}

function readResult(res: VendorResponse, secrets: string[]): SendResult {
  const json = res.json && typeof res.json === 'object' ? (res.json as Record<string, unknown>) : {};
  const fail = (kind: 'provider' | 'unknown_outcome', message: string) =>
    new ServiceError({ kind, status: res.status, message: redact(message, secrets) });
  if (typeof json.id !== 'string' || json.id === '') {
    throw fail(
      'unknown_outcome',
      `Stuut answered (HTTP ${res.status}) but gave no message id, so whether the email was created is unknown. Check Stuut before sending it again.`,
    );
  }
  if (json.status === 'error') {
    const reason = typeof json.error_message === 'string' && json.error_message ? json.error_message : 'no reason given';
    throw fail('provider', `Stuut could not send the email: ${reason}`);
  }
  // A draft is stored in Stuut and waits for someone to send it there: nothing goes out, so
  // reporting success would make the user believe an email left that never will.
  if (json.status === 'draft') {
    throw fail('provider', `Stuut saved the email as a draft (${json.id}) instead of sending it; nothing was sent.`);
  }
  const threadId = json.thread_id;
  return {
    remoteId: json.id,
    ...(typeof threadId === 'string' && threadId !== '' ? { remoteThreadId: threadId } : {}),
    // pending/sending (or a status we do not know) only promise delivery; 'sent' is Stuut's word that it went.
    status: json.status === 'sent' ? 'sent' : 'accepted',
  };
}

/**
 * What Stuut's read of email `id` (`GET /v1/emails/{email_id}`, its "Retrieve an email") says
 * became of it. A draft is not called "not sent": it waits in Stuut, where a person may send it.
 */
function lookupOutcome(res: VendorResponse, id: string, secrets: string[]): LookupOutcome {
  if (res.status === 404) return { state: 'not_sent', reason: `Stuut has no email ${id}, so it was never created there.` };
  if (!isSuccess(res)) throw httpFailure(stuutProvider.displayName, res, readVendorWords(res.json), secrets);
  const json = res.json && typeof res.json === 'object' ? (res.json as Record<string, unknown>) : {};
  switch (json.status) {
    case 'sent':
      return { state: 'sent', result: { remoteId: id, status: 'sent', ...(typeof json.thread_id === 'string' ? { remoteThreadId: json.thread_id } : {}), ...(typeof json.sent_at === 'string' ? { sentAt: json.sent_at } : {}) } };
    case 'error': {
      const reason = typeof json.error_message === 'string' && json.error_message ? json.error_message : 'no reason given';
      return { state: 'failed', failure: { kind: 'provider', remoteRef: id, message: redact(`Stuut could not send the email: ${reason}`, secrets) } };
    }
    case 'draft':
      return { state: 'failed', failure: { kind: 'provider', remoteRef: id, message: `Stuut holds the email as a draft (${id}): nothing was sent, and it waits in Stuut, where it can be sent.` } };
    default:
      return { state: 'accepted', result: { remoteId: id, status: 'accepted', ...(typeof json.thread_id === 'string' ? { remoteThreadId: json.thread_id } : {}) } };
  }
}

export const stuutProvider: HttpProvider<StuutSettings> = {
  id: 'stuut',
  displayName: stuut.name,
  capabilities: stuut.capabilities,
  request(message: OutgoingMessage, account: SendAccount<StuutSettings>) {
    return requestFor(stuutProvider, account, (settings) => ({
      url: vendorUrl(settings.baseUrl, '/v1/emails'),
      headers: { Authorization: `Bearer ${account.secret}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(stuutBody(message, settings)),
    }));
  },
  async send(message: OutgoingMessage, account: SendAccount<StuutSettings>, signal?: AbortSignal): Promise<SendResult> {
    preflight(stuutProvider, message);
    const secrets = [account.secret];
    const res = await postToVendor(stuutProvider, account, signal, () => stuutProvider.request(message, account));
    // Stuut documents no error statuses: every non-2xx is read generically (401 → bad credentials).
    if (!isSuccess(res)) {
      throw httpFailure(stuutProvider.displayName, res, readVendorWords(res.json), secrets);
    }
    return readResult(res, secrets);
  },
  checkNeedsId: true,
  async check(query: SentQuery, account: SendAccount<StuutSettings>, signal?: AbortSignal): Promise<VendorCheck> {
    const ref = query.remoteId;
    // Stuut's create takes no idempotency key or client reference: without its id, nothing finds it.
    if (!ref) return noIdToAsk(stuutProvider.displayName);
    const res = await postToVendor(stuutProvider, account, signal, (settings) => ({
      url: vendorUrl(settings.baseUrl, `/v1/emails/${encodeURIComponent(ref)}`),
      method: 'GET',
      headers: { Authorization: `Bearer ${account.secret}`, Accept: 'application/json' },
    }));
    return toVendorCheck(lookupOutcome(res, ref, [account.secret]));
  },
};
