import { rebilly } from '../../shared/providers/rebilly.js';
import type { AccountSettings } from '../../shared/accounts.js';
import { httpFailure, readVendorWords, vendorSays, type VendorWords } from './errors.js';
import { redact, type VendorResponse } from './http.js';
import { preflight } from './preflight.js';
import { probeFailure, readFromVendor } from './probe.js';
import type { ConnectionTest } from '../../shared/connection-test.js';
import { ServiceError } from '../../shared/service-error.js';
import { isSendFailure, type OutgoingMessage, type SendFailure, type SendResult, type SentQuery, type VendorCheck } from '../../shared/outgoing.js';
import type { HttpProvider, SendAccount } from './types.js';
import { noIdToAsk, toVendorCheck, type LookupOutcome } from './vendor-check.js';
import { isSuccess, postToVendor, requestFor, vendorUrl } from './vendor-post.js';

type RebillySettings = Extract<AccountSettings, { provider: 'rebilly' }>;

/** The request body of `POST /organizations/{organizationId}/email-messages`: the email as a draft. */
export function rebillyBody(message: OutgoingMessage, settings: RebillySettings): Record<string, unknown> {
  const emails = (list: { email: string }[]) => list.map((a) => a.email);
  const body: Record<string, unknown> = {
    // Rebilly takes plain addresses only: display names have nowhere to go.
    from: message.from.email,
    to: emails(message.to),
    subject: message.subject,
    html: message.html,
    text: message.text,
    // A draft sends nothing, so creating one is safe to repeat; `queueDraft` then sends it by id.
    status: 'draft',
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

/** The message as Rebilly answered it (create, PATCH or GET), or an empty record. */
function record(res: VendorResponse): Record<string, unknown> {
  return res.json && typeof res.json === 'object' ? (res.json as Record<string, unknown>) : {};
}

/** A failure while creating the draft: whatever happened, nothing can have been sent. */
function draftFailure(error: unknown): unknown {
  if (!(error instanceof ServiceError) || error.failure.kind !== 'unknown_outcome') return error;
  return new ServiceError({
    kind: 'network',
    message: 'The connection to Rebilly broke while it stored the email as a draft. The email was not sent (a Rebilly draft is never sent).',
  });
}

/** What Rebilly's read of message `id` says became of it; `draft` is left to the caller. */
function outcomeOf(json: Record<string, unknown>, id: string, secrets: string[]): LookupOutcome | 'draft' {
  switch (json.status) {
    case 'draft':
      return 'draft';
    case 'failed': {
      const why = typeof json.responseBody === 'string' && json.responseBody ? `: ${json.responseBody}` : '';
      return { state: 'failed', failure: { kind: 'provider', remoteRef: id, message: redact(`Rebilly could not send the email (${id})${why}`, secrets) } };
    }
    case 'sent':
      return { state: 'sent', result: { remoteId: id, status: 'sent', ...(typeof json.sentTime === 'string' ? { sentAt: json.sentTime } : {}) } };
    default:
      // "outbox" is a queue: Rebilly's mailer sends it later, so the honest status is 'accepted'.
      return { state: 'accepted', result: { remoteId: id, status: 'accepted' } };
  }
}

type Call = (request: { path: string; method: 'POST' | 'PATCH' | 'GET' | 'DELETE'; body?: unknown }) => Promise<VendorResponse>;

function caller(account: SendAccount<RebillySettings>, signal: AbortSignal | undefined): Call {
  return ({ path, method, body }) =>
    postToVendor(rebillyProvider, account, signal, (settings) => ({
      url: vendorUrl(settings.baseUrl, `/organizations/${encodeURIComponent(settings.organizationId)}/email-messages${path}`),
      method,
      headers: { 'REB-APIKEY': account.secret, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }));
}

const PATCH_TRIES = 3;
/** A vendor wait longer than this is left to the outbox's own retry rather than held here. */
const PATCH_WAIT_CAP_MS = 2_000;

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** Worth repeating the PATCH at once: repeating it cannot send twice, it queues one message by id. */
function transient(failure: SendFailure): boolean {
  if (failure.kind === 'unknown_outcome' || failure.kind === 'network') return true;
  if (failure.kind === 'rate_limited') return (failure.retryAfterMs ?? 0) <= PATCH_WAIT_CAP_MS;
  return failure.kind === 'provider' && (failure.status ?? 0) >= 500;
}

/** Reads message `id` back; a draft is deleted so that it can never go out late, then called not sent. */
async function readBack(call: Call, id: string, secrets: string[]): Promise<LookupOutcome> {
  const path = `/${encodeURIComponent(id)}`;
  const res = await call({ path, method: 'GET' });
  if (res.status === 404) return { state: 'not_sent', reason: `Rebilly has no email message ${id}, so it was never queued for sending.` };
  if (!isSuccess(res)) throw httpFailure(rebillyProvider.displayName, res, rebillyWords(res.json), secrets);
  const outcome = outcomeOf(record(res), id, secrets);
  if (outcome !== 'draft') return outcome;
  const removed = await call({ path, method: 'DELETE' });
  if (removed.status === 204 || removed.status === 404) {
    return { state: 'not_sent', reason: `Rebilly still held it as a draft (${id}), which is never sent; Composer removed that draft.` };
  }
  // 409: it was queued between the read and the delete.
  const again = await call({ path, method: 'GET' });
  const settled = isSuccess(again) ? outcomeOf(record(again), id, secrets) : 'draft';
  if (settled === 'draft') throw httpFailure(rebillyProvider.displayName, removed, rebillyWords(removed.json), secrets);
  return settled;
}

function toResult(outcome: LookupOutcome): SendResult {
  if (outcome.state === 'failed') throw new ServiceError(outcome.failure);
  if (outcome.state === 'not_sent') throw new ServiceError({ kind: 'provider', message: `${outcome.reason} The email was not sent; try again.` });
  return outcome.result;
}

/**
 * `PATCH .../email-messages/{id}` with `{"status":"outbox"}`: queues the draft. Repeated at once
 * when its answer is lost or Rebilly is briefly unavailable (by id, so never twice). When it
 * stays unknown, the failure names the draft so the outbox can ask Rebilly later (`check`).
 */
async function queueDraft(call: Call, id: string, secrets: string[], signal: AbortSignal | undefined): Promise<SendResult> {
  let failure: SendFailure | undefined;
  for (let attempt = 1; attempt <= PATCH_TRIES; attempt++) {
    if (attempt > 1) await pause(failure?.retryAfterMs ?? 250 * attempt, signal);
    let res: VendorResponse;
    try {
      res = await call({ path: `/${encodeURIComponent(id)}`, method: 'PATCH', body: { status: 'outbox' } });
    } catch (error) {
      if (!(error instanceof ServiceError) || !isSendFailure(error.failure)) throw error;
      const thrown: SendFailure = error.failure;
      failure = thrown;
      if (thrown.kind === 'cancelled' || !transient(thrown)) break;
      continue;
    }
    if (isSuccess(res)) {
      const outcome = outcomeOf(record(res), id, secrets);
      return toResult(outcome === 'draft' ? await readBack(call, id, secrets) : outcome);
    }
    // A conflict says the message is no longer a draft: what it became is Rebilly's to tell.
    if (res.status === 409) return toResult(await readBack(call, id, secrets));
    const refused = httpFailure(rebillyProvider.displayName, res, rebillyWords(res.json), secrets).failure;
    if (!isSendFailure(refused)) throw new ServiceError(refused);
    failure = refused;
    if (!transient(refused)) break;
  }
  const last = failure ?? { kind: 'unknown_outcome' as const, message: 'Rebilly did not confirm the send.' };
  if (last.kind === 'unknown_outcome' || last.kind === 'cancelled') {
    throw new ServiceError({ ...last, remoteRef: id, message: `${last.message} Rebilly holds the email as message ${id}; Composer will ask Rebilly what became of it.` });
  }
  // A definite refusal leaves a draft behind: read back (and remove) it, so what Rebilly says decides.
  const outcome = await readBack(call, id, secrets).catch(() => undefined);
  if (outcome && outcome.state !== 'not_sent') return toResult(outcome);
  throw new ServiceError({ ...last, remoteRef: id });
}

export const rebillyProvider: HttpProvider<RebillySettings> = {
  id: 'rebilly',
  displayName: rebilly.name,
  capabilities: rebilly.capabilities,
  /** The first of the two steps (the draft), as the request preview shows it. */
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
    const call = caller(account, signal);
    // Step 1: a draft, which sends nothing, so any failure here leaves nothing sent.
    const res = await call({ path: '', method: 'POST', body: rebillyBody(message, account.settings) }).catch((error: unknown) => {
      throw draftFailure(error);
    });
    if (!isSuccess(res)) throw draftFailure(httpFailure(rebillyProvider.displayName, res, rebillyWords(res.json), secrets));
    const id = record(res).id;
    if (typeof id !== 'string' || id === '') {
      throw new ServiceError({ kind: 'provider', status: res.status, message: `Rebilly answered (HTTP ${res.status}) without the draft's id. The email was not sent; try again.` });
    }
    // Step 2: queue that draft by id.
    return queueDraft(call, id, secrets, signal);
  },
  /** `GET .../email-messages/{id}` of the draft this send created (the failure's `remoteRef`). */
  checkNeedsId: true,
  async check(query: SentQuery, account: SendAccount<RebillySettings>, signal?: AbortSignal): Promise<VendorCheck> {
    if (!query.remoteId) return noIdToAsk(rebillyProvider.displayName);
    return toVendorCheck(await readBack(caller(account, signal), query.remoteId, [account.secret]));
  },
  /** `GET .../email-messages?limit=1`: a read of the organization's email list, which sends nothing. */
  async probe(account: SendAccount<RebillySettings>, signal?: AbortSignal): Promise<ConnectionTest> {
    const res = await readFromVendor(rebillyProvider, account, signal, (settings) => ({
      url: vendorUrl(settings.baseUrl, `/organizations/${encodeURIComponent(settings.organizationId)}/email-messages?limit=1`),
      headers: { 'REB-APIKEY': account.secret, Accept: 'application/json' },
    }));
    const organization = redact(account.settings.organizationId, [account.secret]);
    if (res.status === 404) {
      const failure = probeFailure(rebillyProvider.displayName, res, rebillyWords(res.json), [account.secret]).failure;
      throw new ServiceError({ ...failure, message: `Rebilly found no organization "${organization}" for this key${vendorSays(res, rebillyWords(res.json), [account.secret])}. Check the organization id and the environment.` });
    }
    if (!isSuccess(res)) throw probeFailure(rebillyProvider.displayName, res, rebillyWords(res.json), [account.secret]);
    if (!Array.isArray(res.json)) {
      return { outcome: 'vendor', sentence: `Something answered at this address (HTTP ${res.status}), but not as Rebilly's API does. Check the environment.` };
    }
    return { outcome: 'ok', sentence: `Connected: Rebilly accepted the key for organization "${organization}". Nothing was sent.` };
  },
};
