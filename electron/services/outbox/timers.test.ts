import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, systemTimers } from './timers.js';

describe('systemTimers', () => {
  it('does not fire at once for a send-later time months away (setTimeout would, past 24.8 days)', async () => {
    let fired = false;
    const handle = systemTimers.set(() => (fired = true), 90 * 24 * 60 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
    systemTimers.clear(handle);
    expect(MAX_TIMER_MS).toBe(2_147_483_647);
  });
});
