import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChannelName } from '../../../shared/ipc.js';
import type { Result } from '../../../shared/result.js';
import { createCore, type Core } from '../../core.js';
import { createFileKeyCipher } from '../vault/file-key-cipher.js';
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

const trusted = { url: 'http://127.0.0.1:1', isTopFrame: true };

/** A core on a data folder with hand-moved time, and a typed call helper. */
export function outboxCore(dataDir: string, time: ManualTime, extra: { random?: () => number } = {}) {
  const core: Core = createCore({
    info: { name: 'Composer', version: '0.0.0', dataDir, platform: 'linux', runtime: 'harness' },
    trustedOrigins: [trusted.url],
    cipher: createFileKeyCipher(dataDir),
    clock: time.clock,
    timers: time.timers,
    random: extra.random ?? (() => 0.5),
  });
  const call = async <T = unknown>(channel: ChannelName, input?: unknown): Promise<Result<T>> =>
    (await core.dispatch(channel, input, trusted)) as Result<T>;
  const ok = async <T = unknown>(channel: ChannelName, input?: unknown): Promise<T> => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
    return result.value;
  };
  return { core, call, ok };
}

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
