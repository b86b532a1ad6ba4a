import { randomUUID } from 'node:crypto';
import { startVendorServer, stateSlot } from '../kit/server.js';
import type { RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from '../kit/types.js';
import { invalidFields, validateCreateEmailMessage, type InvalidField } from './schema.js';

/**
 * Rebilly's email messages, as its page and published definitions (openapi/paths/
 * email-messages@{id}.yaml in Rebilly/api-definitions) describe them: REB-APIKEY, JSON only,
 * the configured organization only, RFC 7807 problems on every error.
 * - `POST .../email-messages` checks the fields as the vendor page documents them and answers
 *   201 with the stored message; without `status: "outbox"` it is a draft, which is never sent.
 * - `GET .../email-messages/{id}` reads one back (404 when there is none).
 * - `PATCH .../email-messages/{id}` with `{"status":"outbox"}` queues a draft for sending (200).
 *   Queueing one already queued or sent changes nothing and answers it as it is, so a repeat is
 *   harmless; a failed one is a 409.
 * - `DELETE .../email-messages/{id}` removes a draft or failed message (204); one queued or sent
 *   is a 409.
 * Every message that went from draft (or straight) to outbox is listed in `rebillyQueued`.
 */

export interface RebillyOptions {
  apiKey?: string;
  organizationId?: string;
  /** The SMTP/ESP credentials the organization has; another credentialHash is a 422. */
  credentialHashes?: string[];
}

const PROBLEMS = 'https://api.rebilly.com/errors';

function problem(status: number, title: string, detail: string, fields?: InvalidField[]): VendorReply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: {
      type: `${PROBLEMS}/${title.toLowerCase().replace(/\s+/g, '-')}`,
      title,
      status,
      detail,
      ...(fields ? { invalidFields: fields } : {}),
    },
  };
}

type CreateBody = {
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  html: string;
  text: string;
  status?: 'outbox' | 'sent' | 'failed' | 'draft';
  credentialHash?: string;
  metadata?: Record<string, string>;
  responseCode?: number;
  responseBody?: string;
};

/** The adapter percent-encodes the organization id; a malformed escape is simply no match. */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

type Stored = Record<string, unknown> & { id: string; status: 'outbox' | 'sent' | 'failed' | 'draft'; subject: string };

interface RebillyState {
  messages: Map<string, Stored>;
  /** Messages queued for sending, in order: each one Rebilly's mailer would send once. */
  queued: { id: string; subject: string }[];
}

const ROUTE = /^\/organizations\/([^/]+)\/email-messages(?:\/([^/]+))?$/;

function handle(options: Required<RebillyOptions>, req: RecordedRequest, state: RebillyState): VendorReply {
  const match = ROUTE.exec(req.path);
  if (!match) return problem(404, 'Not Found', `No route for ${req.method} ${req.path}`);
  const id = match[2] === undefined ? undefined : decodePathSegment(match[2]);
  const allowed = match[2] === undefined ? ['POST', 'GET'] : ['GET', 'PATCH', 'DELETE'];
  if (!allowed.includes(req.method)) return problem(405, 'Method Not Allowed', `${req.method} is not allowed here`);
  if (req.headers['reb-apikey'] !== options.apiKey) {
    return problem(401, 'Unauthorized', 'The REB-APIKEY header is missing or the API key is not valid');
  }
  if (decodePathSegment(match[1] ?? '') !== options.organizationId) {
    return problem(404, 'Not Found', 'Organization not found');
  }
  if (id !== undefined) return byId(req, state, id);
  if (req.method === 'GET') return list(req, state);
  return create(options, req, state);
}

/** `GET .../email-messages?limit=N`: the newest messages as a plain array, as Rebilly's collections answer. */
function list(req: RecordedRequest, state: RebillyState): VendorReply {
  const limit = Number(req.query.limit ?? '100');
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return problem(422, 'Invalid data', 'limit must be an integer from 0 to 1000');
  return { status: 200, body: [...state.messages.values()].reverse().slice(0, limit) };
}

function byId(req: RecordedRequest, state: RebillyState, id: string): VendorReply {
  const stored = state.messages.get(id);
  if (!stored) return problem(404, 'Not Found', `Email message ${id} not found`);
  if (req.method === 'GET') return { status: 200, body: stored };
  if (req.method === 'DELETE') {
    if (stored.status === 'outbox' || stored.status === 'sent') return problem(409, 'Conflict', `Email message ${id} is ${stored.status} and cannot be deleted`);
    state.messages.delete(id);
    return { status: 204 };
  }
  if (!/^application\/json\b/i.test(req.contentType)) {
    return problem(415, 'Unsupported Media Type', `Content-Type "${req.contentType}" is not supported; use application/json`);
  }
  const body = req.body as { status?: unknown } | undefined;
  const extra = Object.keys(body ?? {}).filter((key) => key !== 'status');
  if (body?.status !== 'outbox' || extra.length > 0) {
    const fields = body?.status !== 'outbox' ? [{ field: 'status', message: 'The value you selected is not a valid choice.' }] : [];
    return problem(422, 'Invalid data', 'The request contains invalid fields', [...fields, ...extra.map((field) => ({ field, message: 'This field is not recognized.' }))]);
  }
  if (stored.status === 'failed') return problem(409, 'Conflict', `Email message ${id} failed and cannot be sent again`);
  if (stored.status === 'draft') queue(state, stored);
  return { status: 200, body: stored };
}

function queue(state: RebillyState, stored: Stored): void {
  const now = new Date().toISOString();
  stored.status = 'outbox';
  stored.initiatedTime = now;
  stored.updatedTime = now;
  state.queued.push({ id: stored.id, subject: stored.subject });
}

function create(options: Required<RebillyOptions>, req: RecordedRequest, state: RebillyState): VendorReply {
  if (!/^application\/json\b/i.test(req.contentType)) {
    return problem(415, 'Unsupported Media Type', `Content-Type "${req.contentType}" is not supported; use application/json`);
  }
  if (!validateCreateEmailMessage(req.body)) {
    return problem(422, 'Invalid data', 'The request contains invalid fields', invalidFields(validateCreateEmailMessage.errors));
  }

  const body = req.body as CreateBody;
  if (body.credentialHash !== undefined && !options.credentialHashes.includes(body.credentialHash)) {
    return problem(422, 'Invalid data', 'The request contains invalid fields', [
      { field: 'credentialHash', message: 'Email credential not found.' },
    ]);
  }
  const id = randomUUID();
  const now = new Date().toISOString();
  const stored: Stored = {
    id,
    status: 'draft',
    from: body.from,
    to: body.to,
    cc: body.cc ?? [],
    bcc: body.bcc ?? [],
    subject: body.subject,
    html: body.html,
    text: body.text,
    ...(body.credentialHash ? { credentialHash: body.credentialHash } : {}),
    metadata: body.metadata ?? {},
    ...(body.responseCode !== undefined ? { responseCode: body.responseCode } : {}),
    ...(body.responseBody !== undefined ? { responseBody: body.responseBody } : {}),
    attachments: [],
    createdTime: now,
    updatedTime: now,
    _links: [{ rel: 'self', href: `https://api.rebilly.com/organizations/${options.organizationId}/email-messages/${id}` }],
  };
  state.messages.set(id, stored);
  if (body.status === 'outbox') queue(state, stored);
  else if (body.status) stored.status = body.status;
  return { status: 201, body: stored };
}

function rebillyState(state: Map<string, unknown>): RebillyState {
  return stateSlot(state, 'rebilly', () => ({ messages: new Map(), queued: [] }));
}

/** The messages Rebilly queued for sending (each sent once by its mailer), in order. */
export function rebillyQueued(sim: VendorSimulator): { id: string; subject: string }[] {
  return [...rebillyState(sim.state).queued];
}

/**
 * Rebilly's mailer finishing a queued message: it went out (`sent`, with `sentTime`) or its
 * SMTP/ESP refused it (`failed`, with the server's `responseCode` and `responseBody`), as a later
 * `GET .../email-messages/{id}` shows. Returns false when no queued message has that subject.
 */
export function rebillyFinishes(sim: VendorSimulator, subject: string, outcome: { status: 'sent' } | { status: 'failed'; responseCode: number; responseBody: string }): boolean {
  const state = rebillyState(sim.state);
  const message = [...state.messages.values()].find((m) => m.subject === subject && m.status === 'outbox');
  if (!message) return false;
  const now = new Date().toISOString();
  Object.assign(message, outcome, outcome.status === 'sent' ? { sentTime: now } : {}, { updatedTime: now });
  return true;
}

export function createRebillyHandler(options: RebillyOptions = {}): SimulatorHandler {
  const opts: Required<RebillyOptions> = {
    apiKey: options.apiKey ?? 'reb_test_key',
    organizationId: options.organizationId ?? 'org_test',
    credentialHashes: options.credentialHashes ?? ['cred_hash_test'],
  };
  return {
    name: 'rebilly',
    parse: 'json',
    handle: (req, state) => handle(opts, req, rebillyState(state)),
    onInvalidBody: (reason) => problem(400, 'Bad Request', `The request body is not valid JSON: ${reason}`),
    info: { endpoint: `POST|GET|PATCH|DELETE /organizations/${opts.organizationId}/email-messages[/{id}]`, apiKey: opts.apiKey, organizationId: opts.organizationId, credentialHashes: opts.credentialHashes.join(', ') },
  };
}

export const rebillyHandler: SimulatorHandler = createRebillyHandler();

export function startRebilly(options: RebillyOptions = {}): Promise<VendorSimulator> {
  return startVendorServer(createRebillyHandler(options));
}
