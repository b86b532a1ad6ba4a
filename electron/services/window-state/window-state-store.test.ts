import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DISPLAY_SETS, openWindowStateStore, WINDOW_STATE_FILE } from './window-state-store.js';

let dir = '';
let clock = 0;
let damaged: string[] = [];
const open = () => openWindowStateStore({ dir, now: () => ++clock, onDamaged: (reason) => damaged.push(reason) });
const state = (x: number, maximized = false) => ({ bounds: { x, y: 40, width: 1000, height: 700 }, maximized, fullScreen: false });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-window-state-'));
  damaged = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('window state store', () => {
  it('starts empty without a file, and remembers a state per display set across restarts', () => {
    expect(open().load('laptop')).toBeNull();
    const store = open();
    store.save('laptop', state(10));
    store.save('docked', state(2000, true));
    const again = open();
    expect(again.load('laptop')).toEqual(state(10));
    expect(again.load('docked')).toEqual(state(2000, true));
    expect(damaged).toEqual([]);
  });

  it('falls back to the last saved state for a display set it has not seen', () => {
    const store = open();
    store.save('laptop', state(10));
    store.save('docked', state(2000));
    expect(open().load('projector')).toEqual(state(2000));
  });

  it(`keeps the ${MAX_DISPLAY_SETS} most recently used display sets`, () => {
    const store = open();
    for (let i = 0; i <= MAX_DISPLAY_SETS; i++) store.save(`set-${i}`, state(i));
    const again = open();
    expect(again.load('set-1')).toEqual(state(1));
    // set-0 was dropped: the fallback (the last saved) answers for it.
    expect(again.load('set-0')).toEqual(state(MAX_DISPLAY_SETS));
  });

  it('writes the file whole, leaving no temporary file behind', async () => {
    open().save('laptop', state(10));
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE]);
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ version: 1, last: 'laptop' });
  });

  it('opens at the default place when the file is damaged or holds something else, says why, and replaces it on the next save', async () => {
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"version":1,"sets":{"lap');
    expect(open().load('laptop')).toBeNull();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ version: 1, last: 'a', sets: { a: { state: { bounds: { x: 'far' } }, savedAt: 1 } } }));
    const store = open();
    expect(store.load('a')).toBeNull();
    expect(damaged).toEqual([expect.stringContaining('could not be read'), expect.stringContaining('does not hold window positions')]);
    store.save('a', state(5));
    expect(open().load('a')).toEqual(state(5));
  });

  it('refuses to save a state with impossible bounds', () => {
    expect(() => open().save('laptop', { bounds: { x: 0, y: 0, width: -1, height: 10 }, maximized: false, fullScreen: false })).toThrow();
    expect(open().load('laptop')).toBeNull();
  });
});
