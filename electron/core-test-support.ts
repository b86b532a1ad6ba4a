import type { Core } from './core.js';

/** The origin tests trust, and a top frame on it: what the app window looks like to the dispatcher. */
export const TEST_ORIGIN = 'http://127.0.0.1:1';
export const testWindow = { url: `${TEST_ORIGIN}/`, isTopFrame: true };

/** Calls a channel as the window would; a refusal fails the test with its kind and sentence. */
export async function call<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(channel, input, testWindow);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}
