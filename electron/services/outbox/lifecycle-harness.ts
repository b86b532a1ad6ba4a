import type { AccountView, ProviderId } from '../../../shared/accounts.js';
import type { Capabilities } from '../../../shared/capabilities.js';
import type { Notice } from '../../../shared/ipc.js';
import type { SendResult } from '../../../shared/outgoing.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { Provider } from '../../providers/types.js';
import { openStorage, type Storage } from '../storage/database.js';
import { outboxMigrations } from './migrations.js';
import { createOutboxService, type OutboxService } from './outbox-service.js';
import type { Timers } from './timers.js';

/**
 * The outbox service on a real SQLite file, with hand-moved time and two in-process vendors
 * that take faults from a queue: `stuut` (no idempotency, offers a read) and `crm-gateway`
 * (drops a repeated key). A vendor counts what it delivered per message (the subject carries
 * the message id), so a test can tell a duplicate from a retry. For the lifecycle model test.
 */

/** What the vendor does with the next request: the chaos mix of bench/outbox-chaos.ts, in process. */
export type Fault = 'ok' | 'lost' | 'refused' | 'reject' | 'auth' | 'rate' | 'server';
export const FAULTS: readonly Fault[] = ['ok', 'lost', 'refused', 'reject', 'auth', 'rate', 'server'];
export type VendorId = 'stuut' | 'crm-gateway';
export const VENDORS: readonly VendorId[] = ['stuut', 'crm-gateway'];

/** How long a vendor takes to answer: long enough for a crash or a click to land in between. */
export const LATENCY_MS = 20_000;

interface Vendor {
  deliveries: Map<string, number>;
  keys: Map<string, SendResult>;
  faults: Fault[];
}

function fakeTime(start: number) {
  let now = start;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set(run, ms) {
      pending.set(next, { at: now + Math.max(0, ms), run });
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const settle = async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    clock: () => now,
    timers,
    settle,
    /** Moves time on, letting every due timer fire and every promise it frees run, in order. */
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        await settle();
        let due: [number, { at: number; run: () => void }] | undefined;
        for (const entry of pending) if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        pending.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = target;
      await settle();
    },
  };
}

const BASE: Capabilities = {
  cc: true,
  bcc: true,
  textPart: true,
  localAttachments: false,
  maxAttachmentBytes: 0,
  replyTo: true,
  threading: true,
  idempotency: 'none',
  displayNames: true,
  customFrom: true,
};

function failure(fault: Fault): ServiceError | null {
  switch (fault) {
    case 'refused':
      return new ServiceError({ kind: 'network', message: 'The connection was refused; nothing was sent.' });
    case 'reject':
      return new ServiceError({ kind: 'validation', message: 'The vendor refused the recipient.', status: 422 });
    case 'auth':
      return new ServiceError({ kind: 'auth', message: 'The key was rejected.', status: 401 });
    case 'rate':
      return new ServiceError({ kind: 'rate_limited', message: 'Too many requests.', status: 429, retryAfterMs: 2_000 });
    case 'server':
      return new ServiceError({ kind: 'provider', message: 'The vendor is unavailable.', status: 503 });
    default:
      return null;
  }
}

function fakeVendor(id: VendorId, vendor: Vendor, wait: (ms: number) => Promise<void>): Provider {
  const guaranteed = id === 'crm-gateway';
  const provider: Provider = {
    id,
    displayName: guaranteed ? 'CRM gateway' : 'Stuut',
    capabilities: { ...BASE, idempotency: guaranteed ? 'guaranteed' : 'none' },
    async send(message) {
      const fault = vendor.faults.shift() ?? 'ok';
      const refused = failure(fault);
      if (refused) throw refused;
      // The vendor acts on the request when it arrives; the answer comes later, or never.
      const known = guaranteed ? vendor.keys.get(message.idempotencyKey) : undefined;
      const result: SendResult = known ?? { remoteId: `r-${vendor.keys.size + 1}-${message.idempotencyKey}`, status: 'sent' };
      if (!known) {
        vendor.keys.set(message.idempotencyKey, result);
        vendor.deliveries.set(message.subject, (vendor.deliveries.get(message.subject) ?? 0) + 1);
      }
      await wait(LATENCY_MS);
      if (fault === 'lost') throw new ServiceError({ kind: 'unknown_outcome', message: 'No answer came in time.' });
      return result;
    },
  };
  if (!guaranteed) {
    provider.check = (query) => {
      const result = vendor.keys.get(query.idempotencyKey);
      return Promise.resolve(result ? { found: true, result } : { found: false });
    };
  }
  return provider;
}

function account(id: VendorId): AccountView {
  // Only the provider id matters here: it picks the fake that stands in for that vendor.
  const settings = { provider: id, timeoutMs: 30_000 } as AccountView['settings'];
  return { id: `acct-${id}`, label: id, from: { email: `me@${id}.example` }, settings, signatureHtml: '', isDefault: false, hasSecret: true, secretHint: null, attention: null };
}

export function lifecycleHarness(dataDir: string) {
  const time = fakeTime(Date.UTC(2026, 5, 1, 9, 0, 0));
  const wait = (ms: number) => new Promise<void>((resolve) => time.timers.set(resolve, ms));
  const vendors: Record<VendorId, Vendor> = {
    stuut: { deliveries: new Map(), keys: new Map(), faults: [] },
    'crm-gateway': { deliveries: new Map(), keys: new Map(), faults: [] },
  };
  const fakes = { stuut: fakeVendor('stuut', vendors.stuut, wait), 'crm-gateway': fakeVendor('crm-gateway', vendors['crm-gateway'], wait) };
  const providers = new Proxy(fakes, { get: (target, key) => target[key as VendorId] }) as unknown as Record<ProviderId, Provider>;
  const accounts = VENDORS.map(account);
  const drafts = new Set<string>();
  const notices: Notice[] = [];

  function start(): { storage: Storage; outbox: OutboxService } {
    const storage = openStorage({ dataDir, clock: time.clock, notices: { post: (n) => void notices.push(n) }, migrations: [outboxMigrations] });
    // Thousands of short-lived files: durability against power loss is not what this test checks.
    storage.db.exec('PRAGMA synchronous = OFF');
    const outbox = createOutboxService({
      db: storage.db,
      clock: time.clock,
      timers: time.timers,
      random: () => 0.9,
      bus: { emit: () => undefined },
      notices: { post: (n) => void notices.push(n) },
      listAccounts: () => Promise.resolve(accounts),
      resolveAccount: (id) => {
        const found = accounts.find((a) => a.id === id);
        return found ? Promise.resolve({ account: found, secret: 'k' }) : Promise.reject(new ServiceError({ kind: 'not_found', message: 'No such account.' }));
      },
      openAttachment: () => Promise.reject(new ServiceError({ kind: 'not_found', message: 'No files here.' })),
      providers,
      drafts: {
        removeAfterSend: (id) => void drafts.delete(id),
        markSendFailed: () => undefined,
        get: (id) => {
          throw new ServiceError({ kind: 'not_found', message: `No draft ${id} is opened in this test.` });
        },
      },
      releaseAttachments: () => undefined,
    });
    return { storage, outbox };
  }

  let current = start();
  return {
    time,
    vendors,
    drafts,
    notices,
    get outbox() {
      return current.outbox;
    },
    get db() {
      return current.storage.db;
    },
    accountOf: (vendor: VendorId) => `acct-${vendor}`,
    /** The app dies (requests in flight are abandoned mid-answer) and starts again on the same file. */
    async crash() {
      current.outbox.stop();
      current.storage.close();
      current = start();
      await time.settle();
    },
    close() {
      current.outbox.stop();
      current.storage.close();
    },
  };
}

export type LifecycleHarness = ReturnType<typeof lifecycleHarness>;
