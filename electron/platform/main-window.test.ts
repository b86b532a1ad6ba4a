import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { displaySetKey } from '../desktop/window-clamp.js';
import { openWindowStateStore } from '../services/window-state/window-state-store.js';

// Only Electron's own BrowserWindow and screen are faked; the state file is real.
const fake = vi.hoisted(() => ({
  displays: [] as Array<{ id: number; bounds: object; workArea: object; scaleFactor: number }>,
  windows: [] as unknown[],
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWindow extends Emitter {
    options: { x: number; y: number; width: number; height: number };
    maximized = false;
    loaded = '';
    constructor(options: FakeWindow['options']) {
      super();
      this.options = options;
      fake.windows.push(this);
    }
    getNormalBounds() {
      const { x, y, width, height } = this.options;
      return { x, y, width, height };
    }
    isMaximized() {
      return this.maximized;
    }
    isFullScreen() {
      return false;
    }
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    maximize() {
      this.maximized = true;
    }
    setFullScreen() {}
    show() {}
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow: FakeWindow,
    screen: { getPrimaryDisplay: () => fake.displays[0], getAllDisplays: () => fake.displays },
  };
});

const { createMainWindow } = await import('./main-window.js');
type Fake = EventEmitter & { options: { x: number; y: number; width: number; height: number; webPreferences: { sandbox: boolean } }; maximized: boolean; loaded: string };

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 }, scaleFactor: 2 };
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-main-window-'));
  fake.displays = [laptop];
  fake.windows = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => createMainWindow({ preloadPath: '/app/preload.cjs', url: 'app://bundle/index.html', title: 'Composer', windowState: openWindowStateStore({ dir }) }) as unknown as Fake;

describe('main window placement', () => {
  it('opens centred at the default size the first time, sandboxed, and loads the app', () => {
    const window = open();
    expect(window.options).toMatchObject({ x: 130, y: 73, width: 1180, height: 780, minWidth: 720, minHeight: 520 });
    expect(window.options.webPreferences.sandbox).toBe(true);
    expect(window.loaded).toBe('app://bundle/index.html');
  });

  it('reopens where it was closed, maximized again once ready to show', () => {
    const first = open();
    first.options = { ...first.options, x: 40, y: 60, width: 900, height: 600 };
    first.maximized = true;
    first.emit('close');
    const second = open();
    expect(second.options).toMatchObject({ x: 40, y: 60, width: 900, height: 600 });
    expect(second.maximized).toBe(false);
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it('brings a window saved on a display that is gone back onto the one that is left', () => {
    const external = { id: 2, bounds: { x: 1440, y: 0, width: 2560, height: 1440 }, workArea: { x: 1440, y: 0, width: 2560, height: 1440 }, scaleFactor: 1 };
    openWindowStateStore({ dir }).save(displaySetKey([laptop, external]), { bounds: { x: 2000, y: 200, width: 1200, height: 800 }, maximized: false, fullScreen: false });
    expect(open().options).toMatchObject({ x: 120, y: 63, width: 1200, height: 800 });
  });
});
