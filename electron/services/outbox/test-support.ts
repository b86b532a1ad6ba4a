import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Timers } from './timers.js';

/** A clock and timers that move only when the test says so. */
export function manualTime(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let now = start;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    set(callback, ms) {
      const handle = nextHandle++;
      pending.set(handle, { at: now + Math.max(0, ms), callback });
      return handle;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    clock: () => now,
    timers,
    /** Moves time forward, firing every timer that falls due on the way, in order. */
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const next = [...pending.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        pending.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].callback();
      }
      now = target;
    },
    set(ms: number) {
      now = ms;
    },
  };
}

export type ManualTime = ReturnType<typeof manualTime>;

export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-outbox-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A plain message to `to`, from the given account. */
export function message(accountId: string, overrides: Record<string, unknown> = {}) {
  return {
    to: [{ name: 'Bea Lee', email: 'bea@example.org' }],
    cc: [],
    bcc: [],
    subject: 'Quarterly numbers',
    html: '<p>Hello Bea</p>',
    text: 'Hello Bea',
    accountId,
    attachments: [],
    ...overrides,
  };
}

/** Saves an account on a Rebilly simulator through `accounts:save`; answers its id. */
export async function saveRebillyAccount(
  ok: <T>(channel: 'accounts:save', input: unknown) => Promise<T>,
  sim: { url: string; info: Record<string, string | undefined> },
): Promise<string> {
  const saved = await ok<{ id: string }>('accounts:save', {
    label: 'Billing',
    from: { name: 'Ann', email: 'ann@example.com' },
    settings: { provider: 'rebilly', baseUrl: sim.url, organizationId: sim.info.organizationId },
    secret: sim.info.apiKey,
  });
  return saved.id;
}
