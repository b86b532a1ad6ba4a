import type { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Only Electron's own app object is faked: the events the OS raises and the app's folder.
const fake = vi.hoisted(() => ({ app: null as unknown as EventEmitter }));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  fake.app = Object.assign(new EventEmitter(), { getAppPath: () => '/src/composer' });
  return { app: fake.app };
});

const { listenForIconFiles } = await import('./icon-files.js');
const originalArgv = process.argv;

beforeEach(() => {
  fake.app.removeAllListeners();
});
afterEach(() => {
  process.argv = originalArgv;
});

describe('listenForIconFiles', () => {
  it('holds files from the launch and early macOS drops until connected, then delivers them in order', () => {
    process.argv = ['/usr/bin/electron', '/src/composer', '/home/ann/a.pdf'];
    const files = listenForIconFiles();
    let prevented = false;
    fake.app.emit('open-file', { preventDefault: () => (prevented = true) }, '/Users/ann/b.png');
    expect(prevented).toBe(true);
    const delivered: [string[], number][] = [];
    let focused = 0;
    files.connect({ deliver: (paths, more) => delivered.push([paths, more]), focus: () => focused++ });
    expect(delivered).toEqual([
      [['/home/ann/a.pdf'], 0],
      [['/Users/ann/b.png'], 0],
    ]);
    fake.app.emit('open-file', { preventDefault: () => undefined }, '/Users/ann/c.txt');
    expect(delivered.at(-1)).toEqual([['/Users/ann/c.txt'], 0]);
    expect(focused).toBe(1);
  });

  it('takes files from a second launch’s argv, resolved against its folder, and ignores launches without files', () => {
    process.argv = ['/opt/Composer/composer'];
    const files = listenForIconFiles();
    const delivered: [string[], number][] = [];
    files.connect({ deliver: (paths, more) => delivered.push([paths, more]), focus: () => undefined });
    fake.app.emit('second-instance', {}, ['/opt/Composer/composer', '--flag', 'notes.txt', 'mailto:x@y.io'], '/home/ann', {});
    fake.app.emit('second-instance', {}, ['/opt/Composer/composer'], '/home/ann', {});
    expect(delivered).toEqual([[['/home/ann/notes.txt'], 0]]);
  });
});
