import { createCrmGatewayHandler, CRM_GATEWAY_PATH } from '../e2e/vendors/crm-gateway/simulator.js';
import { startVendorServer, type Fault, type SimulatorHandler, type VendorReply, type VendorSimulator } from '../e2e/vendors/kit/server.js';
import { createRebillyHandler, rebillyQueued } from '../e2e/vendors/rebilly/simulator.js';
import { createRolloutHandler } from '../e2e/vendors/rollout/simulator.js';
import { createStuutHandler } from '../e2e/vendors/stuut/simulator.js';
import { createUnipileHandler } from '../e2e/vendors/unipile/simulator.js';

/** A small seeded generator (mulberry32), so a chaos run can be repeated exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RETRY_AFTER_S = 1;

/**
 * One request in five fails. Half of those after the vendor has accepted the message (a 504
 * page or a cut mid-answer: the answer is lost); the rest split between a 429 with
 * Retry-After, a 503, and a connection dropped before any answer.
 */
const MIX: { fault: Fault; share: number }[] = [
  { fault: { kind: 'lost-response', as: 'gateway-timeout' }, share: 0.05 },
  { fault: { kind: 'lost-response', as: 'reset' }, share: 0.05 },
  { fault: { kind: 'status', status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) }, body: { error: { code: 'rate_limited', message: 'Slow down' } } }, share: 0.1 / 3 },
  { fault: { kind: 'status', status: 503, body: { error: { code: 'unavailable', message: 'Try again' } } }, share: 0.1 / 3 },
  { fault: { kind: 'reset', beforeHeaders: true }, share: 0.1 / 3 },
];

/** Per-subject count of messages a vendor accepted for real (an idempotent replay is not a new one). */
export interface Acceptances {
  bySubject: Map<string, number>;
  retryAfterWaitsS: number;
}

const SUBJECT = /chaos #(\d+)/;

/**
 * Wraps a simulator's handler to count what it accepted. The gateway and Unipile answer a
 * repeated key with the very reply object they stored, so a reply seen before is a replay.
 */
function counted(handler: SimulatorHandler, tally: Acceptances): SimulatorHandler {
  const replies = new WeakSet<VendorReply>();
  return {
    ...handler,
    async handle(req, state) {
      const reply = await handler.handle(req, state);
      const subject = SUBJECT.exec(JSON.stringify(req.body ?? ''))?.[0];
      if (subject && reply.status >= 200 && reply.status < 300 && !replies.has(reply)) {
        tally.bySubject.set(subject, (tally.bySubject.get(subject) ?? 0) + 1);
      }
      replies.add(reply);
      return reply;
    },
  };
}

export interface ChaosVendor {
  name: string;
  sim: VendorSimulator;
  tally: Acceptances;
  /** Per subject, how many times the vendor took the message to send it. */
  acceptances(): Map<string, number>;
  account: { label: string; settings: Record<string, unknown>; secret: string };
}

/** The five vendors' simulators with the chaos mix, each with the account that sends through it. */
export async function startChaosVendors(seed: number): Promise<ChaosVendor[]> {
  const specs: { name: string; handler: SimulatorHandler; account: (sim: VendorSimulator) => ChaosVendor['account'] }[] = [
    { name: 'rollout', handler: createRolloutHandler(), account: (s) => ({ label: 'Rollout', settings: { provider: 'rollout', baseUrl: s.url, credentialId: s.info.credentialId }, secret: s.info.jwt ?? '' }) },
    { name: 'rebilly', handler: createRebillyHandler(), account: (s) => ({ label: 'Rebilly', settings: { provider: 'rebilly', baseUrl: s.url, organizationId: s.info.organizationId }, secret: s.info.apiKey ?? '' }) },
    { name: 'stuut', handler: createStuutHandler(), account: (s) => ({ label: 'Stuut', settings: { provider: 'stuut', baseUrl: s.url, emailSender: 'sndr_bench' }, secret: s.info.token ?? '' }) },
    { name: 'unipile', handler: createUnipileHandler(), account: (s) => ({ label: 'Unipile', settings: { provider: 'unipile', baseUrl: s.url, accountId: s.info.accountId }, secret: s.info.apiKey ?? '' }) },
    { name: 'crm-gateway', handler: createCrmGatewayHandler({ dailyLimit: 100_000 }), account: (s) => ({ label: 'Gateway', settings: { provider: 'crm-gateway', endpointUrl: `${s.url}${CRM_GATEWAY_PATH}` }, secret: s.info.apiKey ?? '' }) },
  ];
  const vendors: ChaosVendor[] = [];
  for (const [index, spec] of specs.entries()) {
    const tally: Acceptances = { bySubject: new Map(), retryAfterWaitsS: 0 };
    // A Rebilly create is a draft, which sends nothing: what counts is each draft queued by PATCH.
    const queues = spec.name === 'rebilly';
    const sim = await startVendorServer(queues ? spec.handler : counted(spec.handler, tally));
    const random = seeded(seed + index);
    let taken = 0;
    for (const { fault, share } of MIX) {
      // Rated faults are tried in order: each rate is conditional on the ones before not firing.
      const rate = share / (1 - taken);
      taken += share;
      const isRateLimit = fault.kind === 'status' && fault.status === 429;
      sim.injectFaultRate(fault, rate, () => {
        const r = random();
        if (isRateLimit && r < rate) tally.retryAfterWaitsS += RETRY_AFTER_S;
        return r;
      });
    }
    const acceptances = (): Map<string, number> => {
      if (!queues) return tally.bySubject;
      const bySubject = new Map<string, number>();
      for (const { subject } of rebillyQueued(sim)) bySubject.set(subject, (bySubject.get(subject) ?? 0) + 1);
      return bySubject;
    };
    vendors.push({ name: spec.name, sim, tally, acceptances, account: spec.account(sim) });
  }
  return vendors;
}
