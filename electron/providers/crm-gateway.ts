import { crmGateway } from '../../shared/providers/crm-gateway.js';
import type { AccountSettings } from '../../shared/accounts.js';
import { formatAddress } from '../../shared/address.js';
import { httpFailure, readVendorWords } from './errors.js';
import { redact, type VendorResponse } from './http.js';
import { checkIdempotencyKey } from './idempotency-key.js';
import { preflight } from './preflight.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingMessage, SendResult, SentQuery, VendorCheck } from '../../shared/outgoing.js';
import type { HttpProvider, SendAccount } from './types.js';
import { toVendorCheck, type LookupOutcome } from './vendor-check.js';
import { isSuccess, postToVendor, requestFor } from './vendor-post.js';
import { jsonWithFiles, type JsonFilesBody } from './json-files-body.js';
import type { UploadProgress } from './upload-progress.js';

type CrmGatewaySettings = Extract<AccountSettings, { provider: 'crm-gateway' }>;

const NAME = crmGateway.name;

/**
 * The JSON body of the gateway's Send Email. `from` is not sent: the page has no such field
 * (the gateway always sends as the workspace's connected mailbox). `to` is always an array,
 * the form the page allows for any number of recipients; `contact_id` and `deal_id` log the
 * email to the CRM records the person named.
 */
export async function crmGatewayBody(message: OutgoingMessage): Promise<string | JsonFilesBody> {
  const body: Record<string, unknown> = {
    to: message.to.map(formatAddress),
    subject: message.subject,
  };
  // Both parts give a multipart/alternative email; an empty part is left out, but the page
  // needs at least one, so an entirely empty email still carries an empty text part.
  if (message.html !== '') body.body_html = message.html;
  if (message.text !== '' || message.html === '') body.body_text = message.text;
  if (message.cc.length > 0) body.cc = message.cc.map(formatAddress);
  if (message.bcc.length > 0) body.bcc = message.bcc.map(formatAddress);
  if (message.replyTo) body.reply_to = formatAddress(message.replyTo);
  // Without a thread id the gateway starts a new thread; it has no "in reply to message id".
  const threadId = message.inReplyTo?.remoteThreadId;
  if (threadId) body.thread_id = threadId;
  if (message.crm?.contactId) body.contact_id = message.crm.contactId;
  if (message.crm?.dealId) body.deal_id = message.crm.dealId;
  if (message.attachments.length === 0) return JSON.stringify(body);
  // Encoded as it is sent: a 25 MiB file would otherwise be held as bytes, as base64 and inside the JSON text at once.
  return jsonWithFiles(
    body,
    'attachments',
    'content_base64',
    message.attachments.map((attachment) => ({ meta: { filename: attachment.filename, mime_type: attachment.mimeType }, attachment })),
  );
}

function field(json: unknown, name: string): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const value = (json as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Where the answer's fields are: LeadLex, which publishes this page word for word, wraps them in
 * `data` (`{ data: { id, thread_id, provider, status, sent_at } }`); a top-level copy, as other
 * deployments of such a gateway may send, is read too. `data` wins when both carry an id.
 */
function answerOf(json: unknown): unknown {
  const data = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).data : undefined;
  return field(data, 'id') ? data : json;
}

/** A vendor timestamp as ISO 8601, or nothing when it does not read as a date. */
function timestamp(value: string | undefined): string | undefined {
  if (!value || value.length > 64) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function requestIdOf(res: VendorResponse, secrets: string[]): string | undefined {
  const id = res.headers.get('x-request-id')?.trim();
  // Only a plausible id is kept: it is shown to the user and stored with the history entry.
  return id && /^[\w.:-]{1,128}$/.test(id) ? redact(id, secrets) : undefined;
}

function failure(res: VendorResponse, secrets: string[], requestId: string | undefined): ServiceError {
  const words = readVendorWords(res.json);
  const error = httpFailure(NAME, res, words, secrets);
  let message = error.failure.message;
  if (res.status === 409 && words.code === 'idempotency_conflict') {
    // The same key always carries the same payload in this app, so this is our bug, not the user's.
    message = `${NAME} refused the send because an earlier attempt of this email used the same idempotency key with different content (idempotency_conflict). The email was not sent again; this is a problem in Composer, not in the message.`;
  }
  // Support asks for the request id: it goes in the words the user can copy.
  if (requestId) message = `${message} (Request ID: ${requestId})`;
  return new ServiceError({ ...error.failure, message });
}

function result(res: VendorResponse, secrets: string[], requestId: string | undefined): SendResult {
  const answer = answerOf(res.json);
  const remoteId = field(answer, 'id') ?? field(answer, 'message_id');
  if (!remoteId) {
    throw new ServiceError({
      kind: 'unknown_outcome',
      status: res.status,
      message: `${NAME} answered (HTTP ${res.status}) without a readable message id, so whether the email was sent is unknown. Check the mailbox's sent folder before sending again.${requestId ? ` (Request ID: ${requestId})` : ''}`,
    });
  }
  const remoteThreadId = field(answer, 'thread_id');
  // Shown in the history beside the entry: only a plain name ("gmail", "microsoft") is kept.
  const provider = field(answer, 'provider');
  const sentAt = timestamp(field(answer, 'sent_at'));
  return {
    remoteId: redact(remoteId, secrets),
    ...(remoteThreadId ? { remoteThreadId: redact(remoteThreadId, secrets) } : {}),
    // 'sent' is the gateway's word that Gmail / Microsoft took it; anything else (queued, a
    // status we do not know) only promises delivery.
    status: field(answer, 'status') === 'sent' ? 'sent' : 'accepted',
    ...(requestId ? { requestId } : {}),
    ...(provider && /^[\w .-]{1,64}$/.test(provider) ? { provider } : {}),
    ...(sentAt ? { sentAt } : {}),
  };
}

/** The gateway's thread read beside its send endpoint: `…/v1/email/send` → `…/v1/email/threads/{id}`. */
export function crmGatewayThreadUrl(endpointUrl: string, threadId: string): string {
  const url = new URL(endpointUrl);
  url.pathname = `${url.pathname.replace(/\/send\/?$/, '')}/threads/${encodeURIComponent(threadId)}`;
  url.search = '';
  return url.toString();
}

/** What `check` reads for the gateway (as `SentQuery.remoteId`): the thread and the message to find in it. */
export function crmGatewayRef(threadId: string, messageId: string): string {
  return `${threadId}/${messageId}`;
}

/** The messages of a thread read, wherever the answer puts them (`data.messages`, `messages`). */
function threadMessages(json: unknown): Record<string, unknown>[] {
  const data = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).data : undefined;
  for (const node of [data, json]) {
    const list = typeof node === 'object' && node !== null ? (node as Record<string, unknown>).messages : undefined;
    if (Array.isArray(list)) return list.filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null);
  }
  return [];
}

function threadOutcome(res: VendorResponse, threadId: string, messageId: string, secrets: string[]): LookupOutcome {
  const requestId = requestIdOf(res, secrets);
  if (res.status === 404) return { state: 'not_sent', reason: `${NAME} has no thread ${threadId}, so the email was never sent into it.` };
  if (!isSuccess(res)) throw failure(res, secrets, requestId);
  const found = threadMessages(res.json).find((m) => m.id === messageId);
  if (!found) return { state: 'not_sent', reason: `${NAME}'s thread ${threadId} holds no email ${messageId}.` };
  const status = field(found, 'status');
  if (status === 'failed' || status === 'error') {
    const why = field(found, 'error') ?? field(found, 'error_message') ?? 'no reason given';
    return { state: 'failed', failure: { kind: 'provider', remoteRef: crmGatewayRef(threadId, messageId), message: redact(`${NAME} could not send the email: ${why}`, secrets) } };
  }
  const sentAt = timestamp(field(found, 'sent_at'));
  const result: SendResult = { remoteId: messageId, remoteThreadId: threadId, status: status === 'sent' ? 'sent' : 'accepted', ...(requestId ? { requestId } : {}), ...(sentAt ? { sentAt } : {}) };
  return { state: result.status, result };
}

export const crmGatewayProvider: HttpProvider<CrmGatewaySettings> = {
  id: 'crm-gateway',
  displayName: NAME,
  capabilities: crmGateway.capabilities,
  request(message: OutgoingMessage, account: SendAccount<CrmGatewaySettings>) {
    return requestFor(crmGatewayProvider, account, async (settings) => ({
      url: settings.endpointUrl,
      headers: {
        Authorization: `Bearer ${account.secret}`,
        // The same key on every retry of this message: the gateway replays its first answer.
        'Idempotency-Key': message.idempotencyKey,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: await crmGatewayBody(message),
    }));
  },
  async send(message: OutgoingMessage, account: SendAccount<CrmGatewaySettings>, signal?: AbortSignal, onProgress?: UploadProgress): Promise<SendResult> {
    preflight(crmGatewayProvider, message);
    checkIdempotencyKey(NAME, message.idempotencyKey);
    const secrets = [account.secret];
    const res = await postToVendor(crmGatewayProvider, account, signal, () => crmGatewayProvider.request(message, account), onProgress);
    const requestId = requestIdOf(res, secrets);
    if (!isSuccess(res)) throw failure(res, secrets, requestId);
    return result(res, secrets, requestId);
  },
  /** Reads the thread (`GET /v1/email/threads/{id}`, LeadLex's copy of the page) and finds the message in it. */
  async check(query: SentQuery, account: SendAccount<CrmGatewaySettings>, signal?: AbortSignal): Promise<VendorCheck> {
    const ref = query.remoteId ?? '';
    const cut = ref.lastIndexOf('/');
    // A thread/message ref, or a message id in the thread this email answered.
    const threadId = cut > 0 ? ref.slice(0, cut) : query.message.inReplyTo?.remoteThreadId;
    const messageId = cut > 0 ? ref.slice(cut + 1) : ref;
    if (!threadId || messageId === '') return { found: 'unknown', sentence: `${NAME} can only be asked about an email by its thread and message ids.` };
    const res = await postToVendor(crmGatewayProvider, account, signal, (settings) => ({
      url: crmGatewayThreadUrl(settings.endpointUrl, threadId),
      method: 'GET',
      headers: { Authorization: `Bearer ${account.secret}`, Accept: 'application/json' },
    }));
    return toVendorCheck(threadOutcome(res, threadId, messageId, [account.secret]));
  },
};
