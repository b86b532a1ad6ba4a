import { randomBytes } from 'node:crypto';
import { startVendorServer } from '../kit/server.js';
import type { RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from '../kit/types.js';
import { firstProblem, validateCreateEmail } from './schema.js';

/**
 * Stuut, `POST /v1/emails`: Bearer token, JSON only, fields checked as the vendor page
 * documents them, threads kept (a reply joins its parent's thread_id; an unknown parent is a
 * 404), and the created email (object, id, thread_id, status) on 201. Stuut documents no error
 * statuses or bodies; the simulator answers in a plausible `{ error: { type, message } }` shape.
 */

export type StuutEmailStatus = 'draft' | 'pending' | 'sending' | 'sent';

export interface StuutOptions {
  token?: string;
  /** The status a created email comes back with; Stuut sends through the mailbox asynchronously. */
  status?: StuutEmailStatus;
  /** Senders whose mailbox connection has expired: Stuut creates the email with status "error". */
  disconnectedSenders?: string[];
}

function error(status: number, type: string, message: string, param?: string): VendorReply {
  return { status, body: { error: { type, message, ...(param ? { param } : {}) } } };
}

type CreateBody = {
  to: string[];
  cc?: string[];
  bcc?: string[];
  reply_to?: string[];
  subject?: string;
  body?: string;
  email_sender: string;
  parent_email?: string;
};

/** Stuut ids are a prefix and at most 32 characters. */
const newId = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

const ONE_EMAIL = /^\/v1\/emails\/([^/]+)$/;

function handle(options: Required<StuutOptions>, req: RecordedRequest, state: Map<string, unknown>): VendorReply {
  const one = ONE_EMAIL.exec(req.path);
  if (req.path !== '/v1/emails' && !one) return error(404, 'not_found', `Unrecognized request URL (${req.method} ${req.path})`);
  const allowed = one ? 'GET' : 'POST';
  if (req.method !== allowed) return error(405, 'invalid_request_error', `${req.method} is not allowed on ${req.path}`);
  if (req.headers.authorization !== `Bearer ${options.token}`) {
    return error(401, 'authentication_error', 'Invalid or missing bearer token');
  }
  if (one) {
    // `GET /v1/emails/{email_id}`: the email as it was created (Stuut's retrieve endpoint).
    const stored = state.get(`created:${one[1] ?? ''}`);
    return stored ? { status: 200, body: stored } : error(404, 'not_found', `No such email: ${one[1] ?? ''}`);
  }
  if (!/^application\/json\b/i.test(req.contentType)) {
    return error(415, 'invalid_request_error', `Content-Type "${req.contentType}" is not supported; use application/json`);
  }
  if (!validateCreateEmail(req.body)) {
    const { param, message } = firstProblem(validateCreateEmail.errors);
    return error(422, 'invalid_request_error', `${param} ${message}`, param);
  }

  const body = req.body as CreateBody;
  let threadId = newId('thrd_');
  if (body.parent_email !== undefined) {
    const parentThread = state.get(`email:${body.parent_email}`);
    if (typeof parentThread !== 'string') return error(404, 'not_found', `No such email: ${body.parent_email}`, 'parent_email');
    threadId = parentThread;
  }
  const id = newId('eml_');
  state.set(`email:${id}`, threadId);

  const disconnected = options.disconnectedSenders.includes(body.email_sender);
  const status = disconnected ? 'error' : options.status;
  const now = new Date().toISOString();
  const created = {
    object: 'email',
    id,
    thread_id: threadId,
    status,
    error_message: disconnected ? `The mailbox connection of email sender ${body.email_sender} has expired; reconnect it in Stuut` : null,
    direction: 'outbound',
    email_sender_id: body.email_sender,
    parent_email_id: body.parent_email ?? null,
    to: body.to,
    cc: body.cc ?? [],
    bcc: body.bcc ?? [],
    reply_to: body.reply_to ?? [],
    subject: body.subject ?? null,
    body: body.body ?? null,
    attachments: [],
    is_originated_in_stuut: true,
    is_automated: false,
    is_generated: false,
    created_at: now,
    modified_at: now,
    sent_at: status === 'sent' ? now : null,
  };
  state.set(`created:${id}`, created);
  return { status: 201, body: created };
}

export function createStuutHandler(options: StuutOptions = {}): SimulatorHandler {
  const opts: Required<StuutOptions> = {
    token: options.token ?? 'stuut_test_token',
    status: options.status ?? 'pending',
    disconnectedSenders: options.disconnectedSenders ?? ['sndr_disconnected'],
  };
  return {
    name: 'stuut',
    parse: 'json',
    handle: (req, state) => handle(opts, req, state),
    onInvalidBody: (reason) => error(400, 'invalid_request_error', `Invalid JSON body: ${reason}`),
    info: { endpoint: 'POST /v1/emails, GET /v1/emails/{id}', token: opts.token, emailSender: 'any sndr_… id', disconnectedSender: opts.disconnectedSenders.join(', ') },
  };
}

export const stuutHandler: SimulatorHandler = createStuutHandler();

export function startStuut(options: StuutOptions = {}): Promise<VendorSimulator> {
  return startVendorServer(createStuutHandler(options));
}
