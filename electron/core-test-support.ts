import type { ChannelName } from '../shared/ipc.js';
import type { Result } from '../shared/result.js';
import { createCore, type Core, type CoreOptions } from './core.js';
import type { ManualTime } from './services/outbox/test-support.js';
import { createFileKeyCipher } from './services/vault/file-key-cipher.js';

/** The origin tests trust, and a top frame on it: what the app window looks like to the dispatcher. */
export const TEST_ORIGIN = 'http://127.0.0.1:1';
export const testWindow = { url: `${TEST_ORIGIN}/`, isTopFrame: true };

/** Calls a channel as the window would; a refusal fails the test with its kind and sentence. */
export async function call<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(channel, input, testWindow);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

/** A core as the harness starts it, on `dataDir` with a key-file cipher and the test origin trusted; `extra` adds or overrides options. */
export function testCore(dataDir: string, extra: Partial<Omit<CoreOptions, 'info'>> = {}): Core {
  return createCore({
    info: { name: 'Composer', version: '0.0.0', dataDir, platform: 'linux', runtime: 'harness' },
    trustedOrigins: [TEST_ORIGIN],
    cipher: createFileKeyCipher(dataDir),
    ...extra,
  });
}

/** A core on a data folder with hand-moved time, and a typed call helper (the outbox's tests drive it). */
export function outboxCore(dataDir: string, time: ManualTime, extra: { random?: () => number } = {}) {
  const core = testCore(dataDir, { clock: time.clock, timers: time.timers, random: extra.random ?? (() => 0.5) });
  const call = async <T = unknown>(channel: ChannelName, input?: unknown): Promise<Result<T>> =>
    (await core.dispatch(channel, input, testWindow)) as Result<T>;
  const ok = async <T = unknown>(channel: ChannelName, input?: unknown): Promise<T> => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
    return result.value;
  };
  return { core, call, ok };
}
