import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../kit/canonical.js';
import { startVendorServer, stateSlot, type RecordedRequest, type SimulatorHandler, type VendorReply, type VendorSimulator } from '../kit/server.js';
import { validatePayload } from './validate.js';

/**
 * A simulator of the CRM gateway's "Send Email" endpoint (crm-gateway.send-email.md).
 *
 * The seed page names no path and shows no answer; LeadLex publishes the same page word for word
 * and fills both in, so the simulator follows it: POST /v1/email/send, `Authorization: Bearer
 * <key>`, and 200 `{ data: { id, thread_id, provider, status, sent_at } }`. Our choices where
 * both are silent, each a plausible reading:
 * - Error body shape is not given: `{ error: { code, message, details? } }`.
 * - The success status code is not given: 200; `provider` is "gmail", `status` "sent".
 * - 403 is reachable with a second key that lacks `write:email`.
 * - The per-day cap is a daily count per key, reset at UTC midnight; X-RateLimit-Reset is
 *   that moment in epoch seconds, and a 429 carries Retry-After in seconds.
 * - Idempotency: only 2xx answers are stored for replay (a fixed request should be able to
 *   succeed under the same key); a replay repeats status, headers and body byte for byte.
 *   Payloads compare as canonical JSON (key order does not matter).
 * - No attachment size limit is documented, so none is enforced here.
 */

export const CRM_GATEWAY_PATH = '/v1/email/send';
export const CRM_GATEWAY_TEST_KEY = 'gw_test_key';
export const CRM_GATEWAY_READONLY_KEY = 'gw_readonly_key';
const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface CrmGatewayOptions {
  apiKey?: string;
  /** A key that authenticates but lacks write:email: answers 403. */
  readOnlyKey?: string;
  dailyLimit?: number;
  now?: () => number;
}

interface StoredReply {
  fingerprint: string;
  at: number;
  reply: VendorReply;
}

interface GatewayState {
  replies: Map<string, StoredReply>;
  /** key -> { day, count } */
  usage: Map<string, { day: number; count: number }>;
  sent: { id: string; threadId: string; body: Record<string, unknown>; sentAt: string }[];
}

const THREAD_PATH = /^\/v1\/email\/threads\/([^/]+)$/;

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

function error(status: number, code: string, message: string, headers: Record<string, string>, details?: { field: string; message: string }[]): VendorReply {
  return { status, headers, body: { error: { code, message, ...(details ? { details } : {}) } } };
}

export function createCrmGatewayHandler(options: CrmGatewayOptions = {}): SimulatorHandler {
  const apiKey = options.apiKey ?? CRM_GATEWAY_TEST_KEY;
  const readOnlyKey = options.readOnlyKey ?? CRM_GATEWAY_READONLY_KEY;

  /**
   * `GET /v1/email/threads/{id}` (LeadLex's copy of the page names it; the shape is ours):
   * `{ data: { id, messages: [{ id, thread_id, subject, to, status, sent_at }] } }`, 404 for a
   * thread it does not know. Reading needs no write permission, so both test keys may read.
   */
  const readThread = (req: RecordedRequest, state: GatewayState, threadId: string, base: Record<string, string>): VendorReply => {
    if (req.method !== 'GET') return error(405, 'method_not_allowed', 'Use GET.', { ...base, allow: 'GET' });
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (key !== apiKey && key !== readOnlyKey) return error(401, 'invalid_key', 'Invalid or expired API key.', base);
    const messages = state.sent.filter((m) => m.threadId === threadId);
    if (messages.length === 0) return error(404, 'not_found', `No thread ${threadId}.`, base);
    return {
      status: 200,
      headers: base,
      body: { data: { id: threadId, messages: messages.map((m) => ({ id: m.id, thread_id: m.threadId, subject: m.body.subject, to: m.body.to, status: 'sent', sent_at: m.sentAt })) } },
    };
  };
  const dailyLimit = options.dailyLimit ?? 1000;
  const now = options.now ?? Date.now;

  const handle = (req: RecordedRequest, stateMap: Map<string, unknown>): VendorReply => {
    const state = stateSlot<GatewayState>(stateMap, 'crm-gateway', () => ({ replies: new Map(), usage: new Map(), sent: [] }));
    const base = { 'x-request-id': `req_${hex(8)}` };
    const thread = THREAD_PATH.exec(req.path);
    if (thread) return readThread(req, state, decodeURIComponent(thread[1] ?? ''), base);
    if (req.method !== 'POST') return error(405, 'method_not_allowed', 'Use POST.', { ...base, allow: 'POST' });
    if (req.path !== CRM_GATEWAY_PATH) return error(404, 'not_found', `No route for ${req.path}.`, base);

    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (key === readOnlyKey) {
      return error(403, 'insufficient_permissions', 'The API key lacks the write:email permission.', base);
    }
    if (key !== apiKey) return error(401, 'invalid_key', 'Invalid or expired API key.', base);
    if (!/^application\/json\b/i.test(req.contentType)) {
      return error(400, 'validation_error', 'Content-Type must be application/json.', base);
    }

    const idempotencyKey = req.headers['idempotency-key'];
    const fingerprint = canonicalJson(req.body);
    if (idempotencyKey !== undefined) {
      const stored = state.replies.get(idempotencyKey);
      if (stored && now() - stored.at < REPLAY_WINDOW_MS) {
        if (stored.fingerprint === fingerprint) return stored.reply;
        return error(409, 'idempotency_conflict', 'This Idempotency-Key was already used with a different payload.', base);
      }
    }

    const details = validatePayload(req.body);
    if (details.length > 0) {
      return error(400, 'validation_error', 'Missing to, subject, or both body_html and body_text, or a field is invalid.', base, details);
    }

    const at = now();
    const day = Math.floor(at / 86_400_000);
    const resetEpochSeconds = (day + 1) * 86_400;
    const usage = state.usage.get(key) ?? { day, count: 0 };
    if (usage.day !== day) Object.assign(usage, { day, count: 0 });
    const limits = {
      'x-ratelimit-limit': String(dailyLimit),
      'x-ratelimit-reset': String(resetEpochSeconds),
    };
    if (usage.count >= dailyLimit) {
      return error(429, 'rate_limited', 'Per-day send cap exceeded.', {
        ...base,
        ...limits,
        'x-ratelimit-remaining': '0',
        'retry-after': String(Math.max(1, Math.ceil(resetEpochSeconds - at / 1000))),
      });
    }
    usage.count += 1;
    state.usage.set(key, usage);

    const body = req.body as Record<string, unknown>;
    const id = `msg_${hex(12)}`;
    const threadId = typeof body.thread_id === 'string' ? body.thread_id : `thr_${hex(12)}`;
    state.sent.push({ id, threadId, body, sentAt: new Date(at).toISOString() });
    const reply: VendorReply = {
      status: 200,
      headers: { ...base, ...limits, 'x-ratelimit-remaining': String(dailyLimit - usage.count) },
      body: { data: { id, thread_id: threadId, provider: 'gmail', status: 'sent', sent_at: new Date(at).toISOString() } },
    };
    if (idempotencyKey !== undefined) state.replies.set(idempotencyKey, { fingerprint, at, reply });
    return reply;
  };

  return {
    name: 'crm-gateway',
    parse: 'json',
    handle,
    onInvalidBody: (reason) => error(400, 'validation_error', `The request body is not valid JSON (${reason}).`, { 'x-request-id': `req_${hex(8)}` }),
    info: { endpoint: `POST ${CRM_GATEWAY_PATH}, GET /v1/email/threads/{id}`, apiKey, readOnlyKey: `${readOnlyKey} (answers 403)` },
  };
}

export const crmGatewayHandler: SimulatorHandler = createCrmGatewayHandler();

export function startCrmGateway(options: CrmGatewayOptions = {}): Promise<VendorSimulator> {
  return startVendorServer(createCrmGatewayHandler(options));
}

/** The messages the gateway accepted (replays not repeated), in order. */
export function crmGatewaySent(sim: VendorSimulator): { id: string; threadId: string; body: Record<string, unknown>; sentAt: string }[] {
  const state = sim.state.get('crm-gateway') as GatewayState | undefined;
  return state ? [...state.sent] : [];
}
