import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../kit/canonical.js';
import { startVendorServer, stateSlot } from '../kit/server.js';
import type { RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from '../kit/types.js';
import { describeErrors, isEmailAddress, validateSendEmailRequest } from './openapi.js';

/**
 * Unipile, `POST /api/v1/emails`, as strict as the vendor: X-API-KEY, multipart only, each
 * field given once, every JSON-encoded field decoded and checked against the vendor's own
 * OpenAPI schema (so an attendee list must be ONE field holding a JSON array, as the SDK sends
 * it), `reply_to` only for an email it knows by its provider id, the Idempotency-Key honoured
 * as the current reference describes, errors as `{ title, detail, type: 'errors/…', status }`,
 * and `{ object: 'EmailSent', tracking_id, provider_id }` on 201. Choices the page leaves
 * open: README.md. It shares no code with the adapter it judges.
 */

export interface UnipileOptions {
  apiKey?: string;
  accountId?: string;
  /** Ids a `reply_to` may name besides the provider ids this simulator issued (emails received earlier). */
  knownEmailIds?: string[];
  /** Answer 201 with `tracking_id` alone, as the seed's older definition shows. */
  omitProviderId?: boolean;
  /** The connected mailbox's address, as `GET /api/v1/accounts/{id}` names it. */
  mailbox?: string;
  /** Its source's status there: `OK`, or what needs the person (`CREDENTIALS`, `STOPPED`…). */
  mailboxStatus?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
};

function problem(status: number, type: string, detail: string): VendorReply {
  return { status, body: { title: TITLES[status] ?? 'Error', detail, type: `errors/${type}`, status } };
}

const invalid = (detail: string) => problem(400, 'invalid_parameters', detail);

/** Fields that hold one plain string, and fields that hold one JSON value (attendee lists included). */
const TEXT_FIELDS = ['account_id', 'subject', 'body', 'reply_to'] as const;
const JSON_FIELDS = ['from', 'to', 'cc', 'bcc', 'custom_headers', 'tracking_options'] as const;
const ATTENDEE_FIELDS = ['to', 'cc', 'bcc'] as const;
/** Header names the vendor allows besides `X-…` (its spelling of Unscribe-List kept). */
const ALLOWED_HEADERS = new Set(['unscribe-list', 'reply-to', 'content-type']);
const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

type Decoded = { ok: true; request: Record<string, unknown> } | { ok: false; reply: VendorReply };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Multipart fields back into the request object the schema describes. Every field may come
 * once: a form with `to` twice is what an encoder sends when it gives each attendee its own
 * field, and a server reading one value per name keeps only the last — so it is refused here.
 */
function decode(req: RecordedRequest): Decoded {
  const fields = (req.body ?? {}) as Record<string, string[]>;
  const request: Record<string, unknown> = {};
  for (const name of [...TEXT_FIELDS, ...JSON_FIELDS]) {
    const values = fields[name];
    if (!values) continue;
    if (values.length > 1) return { ok: false, reply: invalid(`${name} must be given once, got ${values.length} values`) };
    const value = values[0] ?? '';
    if ((TEXT_FIELDS as readonly string[]).includes(name)) {
      request[name] = value;
      continue;
    }
    const parsed = parseJson(value);
    if (!parsed.ok) return { ok: false, reply: invalid(`${name} must be JSON-encoded`) };
    request[name] = parsed.value;
  }
  if (fields.attachments) return { ok: false, reply: invalid('attachments must be files, not text fields') };
  // Files are hashed by the kit, never kept: the schema's `binary` string stands for the content.
  const files = req.files.filter((file) => file.field === 'attachments');
  if (files.length > 0) request.attachments = files.map((file) => file.sha256);
  return { ok: true, request };
}

interface Attendee {
  display_name?: string;
  identifier: string;
}

interface SendEmailRequest {
  account_id: string;
  from?: Attendee;
  to: Attendee[];
  cc?: Attendee[];
  bcc?: Attendee[];
  reply_to?: string;
  custom_headers?: { name: string; value: string }[];
}

interface UnipileState {
  /** Provider ids of the emails this simulator sent: what a `reply_to` may name. */
  providerIds: Set<string>;
  /** Idempotency-Key -> the request it came with and the 201 it got. */
  replies: Map<string, { fingerprint: string; at: number; reply: VendorReply }>;
}

/** Beyond the schema: what a mail relay checks before it accepts a message. */
function semanticError(body: SendEmailRequest, options: Required<UnipileOptions>, state: UnipileState): VendorReply | undefined {
  if (body.account_id !== options.accountId) return problem(404, 'resource_not_found', `Account not found: ${body.account_id}`);
  if (body.to.length === 0) return invalid('to must name at least one recipient');
  for (const name of ATTENDEE_FIELDS) {
    const bad = (body[name] ?? []).find((attendee) => !isEmailAddress(attendee.identifier));
    if (bad) return problem(422, 'invalid_recipient', `The recipient "${bad.identifier}" in ${name} is not a valid email address.`);
  }
  if (body.from && !isEmailAddress(body.from.identifier ?? '')) return invalid(`from.identifier "${body.from.identifier}" is not an email address`);
  const header = (body.custom_headers ?? []).find((h) => !/^x-/i.test(h.name) && !ALLOWED_HEADERS.has(h.name.toLowerCase()));
  if (header) return problem(422, 'invalid_headers', `The header "${header.name}" cannot be set.`);
  // A tracking id names a send, not an email: the vendor cannot find a parent mail by it.
  if (body.reply_to !== undefined && !state.providerIds.has(body.reply_to) && !options.knownEmailIds.includes(body.reply_to)) {
    return problem(422, 'parent_mail_not_found', 'The parent mail could not be found.');
  }
  return undefined;
}

/** The request as a comparable string: its fields (order-free) and its files' names and hashes. */
function fingerprint(req: RecordedRequest): string {
  return canonicalJson({ fields: req.body ?? {}, files: req.files.map((f) => [f.field, f.filename, f.sha256]) });
}

const ACCOUNT_ROUTE = /^\/api\/v1\/accounts\/([^/]+)$/;

/** `GET /api/v1/accounts/{account_id}`: the connected mailbox, shaped as the vendor's SDK types it. */
function readAccount(options: Required<UnipileOptions>, req: RecordedRequest, encodedId: string): VendorReply {
  if (req.method !== 'GET') return problem(405, 'method_not_allowed', `Method ${req.method} not allowed on ${req.path}`);
  const key = req.headers['x-api-key'];
  if (key === undefined || key === '') return problem(401, 'missing_credentials', 'Some credentials are necessary to perform the request.');
  if (key !== options.apiKey) return problem(401, 'invalid_credentials', 'The provided credentials are invalid.');
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return problem(404, 'resource_not_found', `Account not found: ${encodedId}`);
  }
  if (id !== options.accountId) return problem(404, 'resource_not_found', `Account not found: ${id}`);
  return {
    status: 200,
    body: {
      object: 'Account',
      type: 'GOOGLE_OAUTH',
      id,
      name: options.mailbox,
      created_at: '2026-01-05T09:00:00.000Z',
      groups: [],
      sources: [{ id: `${id}_MAILS`, status: options.mailboxStatus }],
      connection_params: { mail: { id: options.mailbox, username: options.mailbox } },
    },
  };
}

function handle(options: Required<UnipileOptions>, req: RecordedRequest, stateMap: Map<string, unknown>): VendorReply {
  const account = ACCOUNT_ROUTE.exec(req.path);
  if (account) return readAccount(options, req, account[1] ?? '');
  if (req.path !== '/api/v1/emails') return problem(404, 'resource_not_found', `Cannot ${req.method} ${req.path}`);
  if (req.method !== 'POST') return problem(405, 'method_not_allowed', `Method ${req.method} not allowed on /api/v1/emails`);
  const key = req.headers['x-api-key'];
  if (key === undefined || key === '') return problem(401, 'missing_credentials', 'Some credentials are necessary to perform the request.');
  if (key !== options.apiKey) return problem(401, 'invalid_credentials', 'The provided credentials are invalid.');
  if (!/^multipart\/form-data\b/i.test(req.contentType)) return invalid(`Content type must be multipart/form-data, got "${req.contentType}"`);

  const state = stateSlot<UnipileState>(stateMap, 'unipile', () => ({ providerIds: new Set(), replies: new Map() }));
  const idempotencyKey = req.headers['idempotency-key'];
  const print = fingerprint(req);
  if (idempotencyKey !== undefined) {
    if (idempotencyKey.length < 1 || idempotencyKey.length > 255) return invalid('Idempotency-Key must be 1 to 255 characters');
    const stored = state.replies.get(idempotencyKey);
    if (stored && Date.now() - stored.at < REPLAY_WINDOW_MS) {
      if (stored.fingerprint === print) return stored.reply;
      return problem(409, 'conflict', 'The resource or idempotency key has already been used.');
    }
  }

  const decoded = decode(req);
  if (!decoded.ok) return decoded.reply;
  if (!validateSendEmailRequest(decoded.request)) return invalid(describeErrors(validateSendEmailRequest.errors));
  const refused = semanticError(decoded.request as unknown as SendEmailRequest, options, state);
  if (refused) return refused;

  const trackingId = randomBytes(12).toString('base64url');
  // Shaped like a Gmail message id: what the mailbox itself calls the email.
  const providerId = randomBytes(8).toString('hex');
  state.providerIds.add(providerId);
  const body = options.omitProviderId
    ? { object: 'EmailSent', tracking_id: trackingId }
    : { object: 'EmailSent', tracking_id: trackingId, provider_id: providerId };
  const reply: VendorReply = { status: 201, body };
  // Only a success is kept for replay: a refused request may be corrected and sent again.
  if (idempotencyKey !== undefined) state.replies.set(idempotencyKey, { fingerprint: print, at: Date.now(), reply });
  return reply;
}

export function createUnipileHandler(options: UnipileOptions = {}): SimulatorHandler {
  const opts: Required<UnipileOptions> = {
    apiKey: options.apiKey ?? 'unipile_test_key',
    accountId: options.accountId ?? 'acc_test',
    knownEmailIds: options.knownEmailIds ?? [],
    omitProviderId: options.omitProviderId ?? false,
    mailbox: options.mailbox ?? 'ann.lee@gmail.example',
    mailboxStatus: options.mailboxStatus ?? 'OK',
  };
  return {
    name: 'unipile',
    parse: 'multipart',
    handle: (req, state) => handle(opts, req, state),
    onInvalidBody: (reason) => invalid(`Request body is not valid multipart/form-data: ${reason}`),
    info: { endpoint: 'POST /api/v1/emails, GET /api/v1/accounts/{account_id}', apiKey: opts.apiKey, accountId: opts.accountId },
  };
}

export const unipileHandler: SimulatorHandler = createUnipileHandler();

export function startUnipile(options: UnipileOptions = {}): Promise<VendorSimulator> {
  return startVendorServer(createUnipileHandler(options));
}
