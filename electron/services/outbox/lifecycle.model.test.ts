import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutboxAction } from '../../../shared/outbox.js';
import { ServiceError } from '../../../shared/service-error.js';
import { DATABASE_FILE } from '../storage/database.js';
import { FAULTS, LATENCY_MS, lifecycleHarness, VENDORS, type Fault, type LifecycleHarness, type VendorId } from './lifecycle-harness.js';

/**
 * The lifecycle of messages as a state machine, tested against the real outbox service on a
 * real SQLite file: random sequences of writing, sending (now or later), Undo, Cancel, Edit,
 * Send now, Change time, Retry, Retry now, Send again anyway, Check with the vendor, vendor
 * faults, time passing, and crashes. After every step: one live row per message, a vendor
 * delivers a message at most once (more only after "Send again anyway"), and every row offers
 * exactly the actions its state calls for. At the end, with the vendors healthy again and time
 * run out, no message is lost or stuck.
 */

/** How many sequences one run checks (reported by the outbox bench as outbox.lifecycle_sequences). */
export const LIFECYCLE_RUNS = Number(process.env.LIFECYCLE_RUNS ?? 1_000);

interface Message {
  id: string;
  vendor: VendorId;
  /** Deliveries the person accepted: one, plus one per "Send again anyway". */
  allowed: number;
}
interface Model {
  messages: Message[];
}

type RowFacts = { id: string; message_id: string; state: string; attempts: number; error_kind: string | null; may_have_sent: number; account_id: string; last_error: string | null; idempotency_key: string };

const LIVE = ['scheduled', 'queued', 'sending', 'failed', 'unknown_outcome'];

function rows(real: LifecycleHarness): RowFacts[] {
  return real.db.prepare('SELECT id, message_id, state, attempts, error_kind, may_have_sent, account_id, last_error, idempotency_key FROM outbox_messages ORDER BY seq').all() as unknown as RowFacts[];
}
const liveOf = (real: LifecycleHarness, id: string) => rows(real).find((r) => r.message_id === id && LIVE.includes(r.state));
const vendorOf = (row: RowFacts): VendorId => (row.account_id === 'acct-stuut' ? 'stuut' : 'crm-gateway');

/** The actions issue 15 names for each state, written out here independently of the service. */
function expectedActions(row: RowFacts): OutboxAction[] {
  const guaranteed = vendorOf(row) === 'crm-gateway';
  const again: OutboxAction = guaranteed ? 'retry' : 'send_again';
  const auth = row.error_kind === 'auth';
  if (row.may_have_sent === 1 && row.state === 'queued') return ['retry_now'];
  if (row.may_have_sent === 1 && row.state === 'failed') return auth ? ['open_accounts', again] : [again];
  switch (row.state) {
    case 'scheduled':
      return ['send_now', 'reschedule', 'edit', 'cancel'];
    case 'queued':
      return row.attempts === 0 ? ['send_now', 'edit', 'cancel'] : ['retry_now', 'edit', 'cancel'];
    case 'failed':
      return auth ? ['open_accounts', 'retry', 'edit'] : row.error_kind === 'not_found' ? ['edit'] : ['retry', 'edit'];
    case 'unknown_outcome':
      return guaranteed ? ['retry'] : ['check', 'send_again'];
    default:
      return [];
  }
}

function checkInvariants(model: Model, real: LifecycleHarness): void {
  const all = rows(real);
  const live = all.filter((r) => LIVE.includes(r.state));
  expect(new Set(live.map((r) => r.message_id)).size, 'one live outbox row per message').toBe(live.length);
  for (const m of model.messages) {
    const delivered = real.vendors[m.vendor].deliveries.get(m.id) ?? 0;
    expect(delivered, `${m.id} delivered at most as often as the person chose`).toBeLessThanOrEqual(m.allowed);
  }
  const offered = new Map(real.outbox.list().map((r) => [r.id, r.actions]));
  for (const row of all) {
    if (offered.has(row.id)) expect(offered.get(row.id), `actions of a ${row.state} row`).toEqual(expectedActions(row));
    // A row that says "not sent" is telling the truth: its vendor has nothing under its key.
    if (row.state === 'failed' && row.may_have_sent === 0) expect(real.vendors[vendorOf(row)].keys.has(row.idempotency_key)).toBe(false);
    if (row.state === 'sent') expect(real.vendors[vendorOf(row)].keys.has(row.idempotency_key)).toBe(true);
  }
}

/**
 * Main does what the row offers and refuses, with a sentence, what it does not; an offered
 * action may be refused only when the worker moved the row on meanwhile.
 */
async function decide(stateNow: () => string | undefined, offered: boolean, run: () => unknown): Promise<boolean> {
  const before = stateNow();
  let error: unknown = null;
  try {
    await run();
  } catch (thrown) {
    error = thrown;
  }
  if (error === null) {
    expect(offered, `main did what a ${before} row did not offer`).toBe(true);
    return true;
  }
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).failure.message.length).toBeGreaterThan(10);
  // A time in the past is refused as input; anything else offered is refused only if the row moved on.
  if (offered && (error as ServiceError).failure.kind !== 'invalid_input') expect(stateNow(), 'an offered action was refused while nothing changed').not.toBe(before);
  return false;
}

type Cmd = fc.AsyncCommand<Model, LifecycleHarness>;
const step = (name: string, check: (m: Model) => boolean, run: (m: Model, r: LifecycleHarness) => Promise<void>): Cmd => ({
  check,
  async run(m, r) {
    await run(m, r);
    checkInvariants(m, r);
  },
  toString: () => name,
});

const write = (vendor: VendorId) =>
  step(`write(${vendor})`, (m) => m.messages.length < 4, async (m, r) => {
    const id = `m${m.messages.length + 1}`;
    m.messages.push({ id, vendor, allowed: 1 });
    r.drafts.add(id);
  });

const send = (pick: number, laterMin: number | null) =>
  step(`send(${pick}, ${laterMin ?? 'now'})`, (m) => m.messages.length > 0, async (m, r) => {
    const msg = m.messages[pick % m.messages.length]!;
    if (!r.drafts.has(msg.id)) return; // sent and gone from Drafts: nothing to press Send on
    const sendAt = laterMin === null ? undefined : new Date(r.time.clock() + laterMin * 60_000).toISOString();
    const before = liveOf(r, msg.id);
    const blocked = before !== undefined && (before.state === 'sending' || before.state === 'unknown_outcome' || before.may_have_sent === 1);
    const message = { accountId: r.accountOf(msg.vendor), to: [{ email: 'bea@example.org' }], cc: [], bcc: [], subject: msg.id, html: '<p>x</p>', text: 'x', attachments: [], draftId: msg.id, ...(sendAt ? { sendAt } : {}) };
    await decide(() => liveOf(r, msg.id)?.state, !blocked, () => r.outbox.submit(message));
  });

const ROW_DECISIONS = ['cancel', 'edit', 'send_now', 'reschedule', 'retry_now', 'retry', 'send_again', 'check'] as const;
const act = (pick: number, action: (typeof ROW_DECISIONS)[number], minutes: number) =>
  step(`${action}(${pick})`, (m) => m.messages.length > 0, async (m, r) => {
    const msg = m.messages[pick % m.messages.length]!;
    const row = liveOf(r, msg.id);
    if (!row) return;
    const offered = (r.outbox.list().find((x) => x.id === row.id)?.actions ?? []).includes(action);
    const o = r.outbox;
    const run: Record<typeof action, () => unknown> = {
      cancel: () => o.cancel(row.id),
      edit: () => o.edit(row.id),
      send_now: () => o.sendNow(row.id),
      reschedule: () => o.reschedule(row.id, new Date(r.time.clock() + minutes * 60_000).toISOString()),
      retry_now: () => o.retryNow(row.id),
      retry: () => o.retry(row.id),
      send_again: () => o.sendAgain(row.id),
      check: () => o.check(row.id),
    };
    const done = await decide(() => rows(r).find((x) => x.id === row.id)?.state, offered, run[action]);
    if (done && action === 'send_again') msg.allowed += 1;
  });

const fault = (vendor: VendorId, f: Fault) => step(`fault(${vendor}, ${f})`, () => true, async (_m, r) => void r.vendors[vendor].faults.push(f));
const wait = (ms: number) => step(`wait(${ms})`, () => true, (_m, r) => r.time.advance(ms));
const crash = () => step('crash', () => true, (_m, r) => r.crash());

const commands = fc.commands(
  [
    fc.constantFrom(...VENDORS).map(write),
    fc.tuple(fc.nat(), fc.option(fc.integer({ min: 1, max: 24 * 60 }), { nil: null })).map(([p, later]) => send(p, later)),
    fc.tuple(fc.nat(), fc.constantFrom(...ROW_DECISIONS), fc.integer({ min: -5, max: 600 })).map(([p, a, min]) => act(p, a, min)),
    fc.tuple(fc.constantFrom(...VENDORS), fc.constantFrom(...FAULTS)).map(([v, f]) => fault(v, f)),
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(100, 900, 5_000, LATENCY_MS, 60_000, 10 * 60_000).map(wait) }, { weight: 1, arbitrary: fc.constant(null).map(crash) }),
  ],
  { maxCommands: 25 },
);

/** With the vendors healthy and a day and more gone by, every message has come to rest. */
async function settleAndCheckNothingLost(model: Model, real: LifecycleHarness): Promise<void> {
  for (const v of VENDORS) real.vendors[v].faults.length = 0;
  for (let i = 0; i < 12; i++) await real.time.advance(4 * 60 * 60_000);
  checkInvariants(model, real);
  const all = rows(real);
  for (const m of model.messages) {
    const mine = all.filter((r) => r.message_id === m.id);
    const last = mine.at(-1);
    const live = mine.find((r) => LIVE.includes(r.state));
    expect(['scheduled', 'queued', 'sending'].includes(live?.state ?? ''), `${m.id} is not stuck (${live?.state})`).toBe(false);
    const ended =
      last === undefined ? real.drafts.has(m.id) // never sent: still a draft
      : last.state === 'sent' || last.state === 'accepted' ? !real.drafts.has(m.id)
      : last.state === 'failed' || last.state === 'unknown_outcome' ? (last.last_error ?? '').length > 0 && real.drafts.has(m.id)
      : last.state === 'cancelled' && real.drafts.has(m.id); // cancelled by the person: back in Drafts
    expect(ended, `${m.id} ended ${last?.state ?? 'unsent'} and is accounted for`).toBe(true);
  }
}

// Memory-backed where the system has it: a thousand databases, each a real SQLite file.
const root = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'composer-lifecycle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// Every run starts from a copy of one migrated database, instead of migrating a thousand times.
const template = mkdtempSync(path.join(root, 'template-'));
lifecycleHarness(template).close();

async function runScenario(cmds: Cmd[]): Promise<void> {
  const dir = mkdtempSync(path.join(root, 'scenario-'));
  copyFileSync(path.join(template, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  const real = lifecycleHarness(dir);
  const model: Model = { messages: [] };
  try {
    await fc.asyncModelRun(() => ({ model, real }), cmds);
    await settleAndCheckNothingLost(model, real);
  } finally {
    real.close();
  }
}

describe('the life of a message (model-based)', () => {
  it('a message whose answer was lost waits to go again under its key only: no Edit, no Cancel, no second copy', async () => {
    // Sent after the 5 s undo delay, answered never (20 s later): it waits out a back-off.
    const lost = [write('crm-gateway'), fault('crm-gateway', 'lost'), send(0, null), wait(5_000), wait(LATENCY_MS)];
    await runScenario([...lost, act(0, 'edit', 0), send(0, null), wait(60_000)]);
    await runScenario([...lost, act(0, 'cancel', 0), send(0, null), wait(60_000)]);
  });

  it('a message cut off mid-send by a crash goes again under its key, once', async () => {
    await runScenario([write('crm-gateway'), send(0, null), wait(5_000), crash(), act(0, 'edit', 0), send(0, null), wait(60_000)]);
  });

  it('a scheduled message edited, sent again and cancelled never reaches the vendor twice', async () => {
    await runScenario([write('stuut'), send(0, 60), act(0, 'edit', 0), send(0, 30), send(0, null), act(0, 'cancel', 0), send(0, null), wait(60_000), wait(10 * 60_000)]);
  });

  it(`keeps one live copy, delivers once and offers the right actions over ${LIFECYCLE_RUNS} random sequences`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const dir = mkdtempSync(path.join(root, `run-${run++}-`));
        copyFileSync(path.join(template, DATABASE_FILE), path.join(dir, DATABASE_FILE));
        const real = lifecycleHarness(dir);
        const model: Model = { messages: [] };
        try {
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          await settleAndCheckNothingLost(model, real);
        } finally {
          real.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: LIFECYCLE_RUNS },
    );
  }, 300_000);
});
