import { randomBytes } from 'node:crypto';
import { isValidEmail } from '../../../shared/address.js';
import { startVendorServer, stateSlot } from '../kit/server.js';
import type { RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from '../kit/types.js';
import { describeErrors, validateSendEmailRequest } from './openapi.js';

/**
 * Unipile, `POST /api/v1/emails`, as strict as the vendor's definition: X-API-KEY, multipart
 * only, every JSON-encoded field decoded and the result checked against the vendor's own
 * OpenAPI schema, errors as `{ title, detail, type: 'errors/…', status }`, and
 * `{ object: 'EmailSent', tracking_id }` on 201. Choices the page leaves open: README.md.
 */

export interface UnipileOptions {
  apiKey?: string;
  accountId?: string;
  /** Ids a `reply_to` may name besides the tracking ids this simulator issued. */
  knownEmailIds?: string[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  422: 'Unprocessable Entity',
};

function problem(status: number, type: string, detail: string): VendorReply {
  return { status, body: { title: TITLES[status] ?? 'Error', detail, type: `errors/${type}`, status } };
}

const invalid = (detail: string) => problem(400, 'invalid_parameters', detail);

/** Fields that hold one plain string, one JSON value, or any number of JSON attendees. */
const TEXT_FIELDS = ['account_id', 'subject', 'body', 'reply_to'] as const;
const JSON_FIELDS = ['from', 'custom_headers', 'tracking_options'] as const;
const ATTENDEE_FIELDS = ['to', 'cc', 'bcc'] as const;
/** Header names the vendor allows besides `X-…` (its spelling of Unscribe-List kept). */
const ALLOWED_HEADERS = new Set(['unscribe-list', 'reply-to', 'content-type']);

type Decoded = { ok: true; request: Record<string, unknown> } | { ok: false; reply: VendorReply };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Multipart fields back into the request object the schema describes. An attendee field holds
 * one JSON object (the SDK sends one field per attendee); a JSON array of them is flattened,
 * as a later SDK version sends that. A plain string is not an attendee.
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
  for (const name of ATTENDEE_FIELDS) {
    const values = fields[name];
    if (!values) continue;
    const attendees: unknown[] = [];
    for (const [index, value] of values.entries()) {
      const parsed = parseJson(value);
      if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') {
        return { ok: false, reply: invalid(`${name}[${index}] must be a JSON-encoded attendee {"display_name", "identifier"}`) };
      }
      if (Array.isArray(parsed.value)) attendees.push(...(parsed.value as unknown[]));
      else attendees.push(parsed.value);
    }
    request[name] = attendees;
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

/** Beyond the schema: what a mail relay checks before it accepts a message. */
function semanticError(body: SendEmailRequest, options: Required<UnipileOptions>, sent: Set<string>): VendorReply | undefined {
  if (body.account_id !== options.accountId) return problem(404, 'resource_not_found', `Account not found: ${body.account_id}`);
  if (body.to.length === 0) return invalid('to must name at least one recipient');
  for (const name of ATTENDEE_FIELDS) {
    const bad = (body[name] ?? []).find((attendee) => !isValidEmail(attendee.identifier));
    if (bad) return problem(422, 'invalid_recipient', `The recipient "${bad.identifier}" in ${name} is not a valid email address.`);
  }
  if (body.from && !isValidEmail(body.from.identifier)) return invalid(`from.identifier "${body.from.identifier}" is not an email address`);
  const header = (body.custom_headers ?? []).find((h) => !/^x-/i.test(h.name) && !ALLOWED_HEADERS.has(h.name.toLowerCase()));
  if (header) return problem(422, 'invalid_headers', `The header "${header.name}" cannot be set.`);
  if (body.reply_to !== undefined && !sent.has(body.reply_to) && !options.knownEmailIds.includes(body.reply_to)) {
    return problem(422, 'parent_mail_not_found', 'The parent mail could not be found.');
  }
  return undefined;
}

function handle(options: Required<UnipileOptions>, req: RecordedRequest, state: Map<string, unknown>): VendorReply {
  if (req.path !== '/api/v1/emails') return problem(404, 'resource_not_found', `Cannot ${req.method} ${req.path}`);
  if (req.method !== 'POST') return problem(405, 'method_not_allowed', `Method ${req.method} not allowed on /api/v1/emails`);
  const key = req.headers['x-api-key'];
  if (key === undefined || key === '') return problem(401, 'missing_credentials', 'Some credentials are necessary to perform the request.');
  if (key !== options.apiKey) return problem(401, 'invalid_credentials', 'The provided credentials are invalid.');
  if (!/^multipart\/form-data\b/i.test(req.contentType)) return invalid(`Content type must be multipart/form-data, got "${req.contentType}"`);

  const decoded = decode(req);
  if (!decoded.ok) return decoded.reply;
  if (!validateSendEmailRequest(decoded.request)) return invalid(describeErrors(validateSendEmailRequest.errors));

  const sent = stateSlot(state, 'sent', () => new Set<string>());
  const refused = semanticError(decoded.request as unknown as SendEmailRequest, options, sent);
  if (refused) return refused;
  const trackingId = randomBytes(12).toString('base64url');
  sent.add(trackingId);
  return { status: 201, body: { object: 'EmailSent', tracking_id: trackingId } };
}

export function createUnipileHandler(options: UnipileOptions = {}): SimulatorHandler {
  const opts: Required<UnipileOptions> = {
    apiKey: options.apiKey ?? 'unipile_test_key',
    accountId: options.accountId ?? 'acc_test',
    knownEmailIds: options.knownEmailIds ?? [],
  };
  return {
    name: 'unipile',
    parse: 'multipart',
    handle: (req, state) => handle(opts, req, state),
    onInvalidBody: (reason) => invalid(`Request body is not valid multipart/form-data: ${reason}`),
    info: { endpoint: 'POST /api/v1/emails', apiKey: opts.apiKey, accountId: opts.accountId },
  };
}

export const unipileHandler: SimulatorHandler = createUnipileHandler();

export function startUnipile(options: UnipileOptions = {}): Promise<VendorSimulator> {
  return startVendorServer(createUnipileHandler(options));
}

/** Every error type the vendor documents for this route, per status (for tests and the CLI). */
