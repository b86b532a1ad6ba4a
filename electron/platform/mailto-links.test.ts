import type { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Only Electron's own app object is faked: the lock and the events the OS raises.
const fake = vi.hoisted(() => ({
  lock: true,
  lockData: [] as unknown[],
  app: null as unknown as EventEmitter,
}));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  fake.app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: (data: unknown) => {
      fake.lockData.push(data);
      return fake.lock;
    },
  });
  return { app: fake.app };
});

const { claimSingleInstance } = await import('./mailto-links.js');
const originalArgv = process.argv;

beforeEach(() => {
  fake.lock = true;
  fake.lockData = [];
  fake.app.removeAllListeners();
});
afterEach(() => {
  process.argv = originalArgv;
});

describe('claimSingleInstance', () => {
  it('a second launch passes its link to the lock and is told to quit', () => {
    fake.lock = false;
    process.argv = ['/opt/Composer/composer', 'mailto:ann@x.io'];
    expect(claimSingleInstance()).toBeNull();
    expect(fake.lockData).toEqual([{ mailto: 'mailto:ann@x.io' }]);
  });

  it('holds the launch link and early open-url links until connected, then delivers in order', () => {
    process.argv = ['/opt/Composer/composer', 'mailto:first@x.io'];
    const links = claimSingleInstance();
    let prevented = false;
    fake.app.emit('open-url', { preventDefault: () => (prevented = true) }, 'mailto:second@x.io');
    expect(prevented).toBe(true);
    const delivered: string[] = [];
    let focused = 0;
    links?.connect({ deliver: (url) => delivered.push(url), focus: () => focused++ });
    expect(delivered).toEqual(['mailto:first@x.io', 'mailto:second@x.io']);
    fake.app.emit('open-url', { preventDefault: () => undefined }, 'mailto:third@x.io');
    expect(delivered.at(-1)).toBe('mailto:third@x.io');
    expect(focused).toBe(1);
  });

  it('a second launch focuses the window and hands over its link, from its data first', () => {
    process.argv = ['/opt/Composer/composer'];
    const links = claimSingleInstance();
    const delivered: string[] = [];
    let focused = 0;
    links?.connect({ deliver: (url) => delivered.push(url), focus: () => focused++ });
    fake.app.emit('second-instance', {}, ['composer', 'mailto:argv@x.io'], '/home/ann', { mailto: 'mailto:data@x.io' });
    fake.app.emit('second-instance', {}, ['composer', '--flag', 'mailto:argv@x.io'], '/home/ann', {});
    // Launched again without a link: the window comes forward, nothing is delivered.
    fake.app.emit('second-instance', {}, ['composer'], '/home/ann', {});
    expect(delivered).toEqual(['mailto:data@x.io', 'mailto:argv@x.io']);
    expect(focused).toBe(3);
  });
});
