import { describe, expect, it } from 'vitest';
import { systemTimers } from './timers.js';

describe('systemTimers', () => {
  it('does not fire at once for a send-later time months away (setTimeout would, past 24.8 days)', async () => {
    let fired = false;
    const handle = systemTimers.set(() => (fired = true), 90 * 24 * 60 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
    systemTimers.clear(handle);
  });

  it('fires a short timer, and a cleared one never', async () => {
    const fired: string[] = [];
    systemTimers.set(() => fired.push('kept'), 1);
    systemTimers.clear(systemTimers.set(() => fired.push('cleared'), 1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fired).toEqual(['kept']);
  });

  it('never keeps the process alive just by waiting (a test or a tool can exit with a message scheduled)', () => {
    const handle = systemTimers.set(() => undefined, 60_000) as NodeJS.Timeout;
    expect(handle.hasRef()).toBe(false);
    systemTimers.clear(handle);
  });
});
