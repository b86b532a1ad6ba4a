import { randomBytes } from 'node:crypto';
import { startVendorServer, stateSlot } from '../kit/server.js';
import type { RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from '../kit/types.js';
import { describeErrors, validateCreateEmailRequest } from './openapi.js';

/**
 * Rollout Universal CRM, `POST /emailMessages`, as strict as the vendor's definition:
 * Bearer JWT + X-Rollout-Credential-Id, JSON only, the body checked against the vendor's own
 * OpenAPI schema, `{ errorMessage }` on every error, and the full created message on 201.
 * `GET /emailMessages` lists what was created, newest first, in the vendor's page shape
 * (`_metadata` with `limit`, `offset`, `total` and a `next` cursor; `emailmessages`).
 */

export interface RolloutOptions {
  jwt?: string;
  credentialId?: string;
}

const error = (status: number, errorMessage: string): VendorReply => ({ status, body: { errorMessage } });

/** Loose on purpose: a CRM checks that it is an address, not every RFC 5322 corner. */
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

type Participant = { name: string; email: string | null };

function badAddress(body: { sender: Participant; recipients: Participant[] }): string | undefined {
  if (!body.sender.email || !ADDRESS.test(body.sender.email)) return `sender.email "${body.sender.email ?? ''}" is not an email address`;
  const bad = body.recipients.find((r) => !r.email || !ADDRESS.test(r.email));
  if (bad) return `recipients: "${bad.email ?? ''}" is not an email address`;
  return undefined;
}

const id = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;

const created = (state: Map<string, unknown>) => stateSlot<Record<string, unknown>[]>(state, 'created', () => []);

/** One page of the created messages, newest first; `next` is the offset of the following page. */
function listPage(req: RecordedRequest, state: Map<string, unknown>): VendorReply {
  const all = [...created(state)].reverse();
  const limit = Math.min(Math.max(Number(req.query.limit ?? 20) || 20, 1), 100);
  const offset = Math.max(Number(req.query.next ?? 0) || 0, 0);
  const page = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? String(offset + limit) : null;
  return { status: 200, body: { _metadata: { collection: 'emailmessages', offset, limit, total: all.length, next, nextLink: null }, emailmessages: page } };
}

/** `GET /people?limit=N`: a page of CRM people, the read Test connection makes with the send's headers. */
function listPeople(options: Required<RolloutOptions>, req: RecordedRequest): VendorReply {
  if (req.method !== 'GET') return error(405, `Method ${req.method} not allowed on /people`);
  if (req.headers.authorization !== `Bearer ${options.jwt}`) return error(401, 'Invalid or expired JWT');
  if (req.headers['x-rollout-credential-id'] !== options.credentialId) return error(401, 'Unknown credential id');
  const limit = Number(req.query.limit ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return error(400, 'limit must be an integer from 1 to 100');
  const person = { id: 'per_0001', firstName: 'Bea', lastName: 'Lee', emails: [{ email: 'bea@example.org', type: 'work' }] };
  return { status: 200, body: { data: [person].slice(0, limit), nextCursor: null } };
}

function handle(options: Required<RolloutOptions>, req: RecordedRequest, state: Map<string, unknown>): VendorReply {
  if (req.path === '/people') return listPeople(options, req);
  if (req.path !== '/emailMessages') return error(404, `Cannot ${req.method} ${req.path}`);
  if (req.method !== 'POST' && req.method !== 'GET') return error(405, `Method ${req.method} not allowed on /emailMessages`);
  if (req.headers.authorization !== `Bearer ${options.jwt}`) return error(401, 'Invalid or expired JWT');
  if (req.headers['x-rollout-credential-id'] !== options.credentialId) return error(401, 'Unknown credential id');
  if (req.method === 'GET') return listPage(req, state);
  if (!/^application\/json\b/i.test(req.contentType)) return error(400, `Unsupported content type "${req.contentType}"`);
  if (!validateCreateEmailRequest(req.body)) return error(400, describeErrors(validateCreateEmailRequest.errors));

  // The schema has proven the shape; these are the checks a CRM makes beyond it.
  const body = req.body as { subject: string; body: string; sender: Participant; recipients: Participant[]; threadId?: string; personId?: string; userId?: string };
  if (body.recipients.length === 0) return error(400, 'recipients must contain at least one recipient');
  const address = badAddress(body);
  if (address) return error(400, address);
  // A thread can only be continued if it exists: the documented 409 is the vendor's conflict answer.
  if (body.threadId !== undefined && !state.has(`thread:${body.threadId}`)) {
    return error(409, `Thread ${body.threadId} does not exist for this credential`);
  }

  const threadId = body.threadId ?? id('thr_');
  state.set(`thread:${threadId}`, true);
  const now = new Date().toISOString();
  const message = {
    id: id('em_'),
    personId: body.personId ?? null,
    userId: body.userId ?? null,
    threadId,
    subject: body.subject,
    body: body.body,
    sender: body.sender,
    recipients: body.recipients,
    isRead: true,
    isStarred: false,
    isIncoming: false,
    sent: now,
    received: null,
    created: now,
    updated: now,
    rolloutUpdated: now,
    originalIds: {},
    original: {},
  };
  created(state).push(message);
  return { status: 201, body: message };
}

export function createRolloutHandler(options: RolloutOptions = {}): SimulatorHandler {
  const opts = { jwt: options.jwt ?? 'rollout_test_jwt', credentialId: options.credentialId ?? 'cred_test' };
  return {
    name: 'rollout',
    parse: 'json',
    handle: (req, state) => handle(opts, req, state),
    onInvalidBody: (reason) => error(400, `Request body is not valid JSON: ${reason}`),
    info: { endpoint: 'POST|GET /emailMessages', jwt: opts.jwt, credentialId: opts.credentialId },
  };
}

export const rolloutHandler: SimulatorHandler = createRolloutHandler();

export function startRollout(options: RolloutOptions = {}): Promise<VendorSimulator> {
  return startVendorServer(createRolloutHandler(options));
}
