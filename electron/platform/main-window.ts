import { BrowserWindow, screen, type Display } from 'electron';
import { clampToDisplays, displaySetKey, type DisplayInfo, type SavedWindowState } from '../desktop/window-clamp.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import type { WindowStateStore } from '../services/window-state/window-state-store.js';

const LIMITS = { width: 1180, height: 780, minWidth: 720, minHeight: 520 };
/** Moving or resizing fires many events; the place is written once the hand stops. */
const SAVE_DELAY_MS = 500;

function currentDisplays(): DisplayInfo[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map(({ bounds, workArea, scaleFactor }: Display) => ({ bounds, workArea, scaleFactor }));
}

function stateOf(window: BrowserWindow): SavedWindowState {
  return { bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() };
}

export function createMainWindow(options: { preloadPath: string; url: string; title: string; windowState?: WindowStateStore }): BrowserWindow {
  const store = options.windowState;
  const placement = clampToDisplays(store?.load(displaySetKey(currentDisplays())) ?? null, currentDisplays(), LIMITS);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: LIMITS.minWidth,
    minHeight: LIMITS.minHeight,
    title: options.title,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    if (placement.fullScreen) window.setFullScreen(true);
    window.show();
  });
  if (store) {
    let timer: NodeJS.Timeout | undefined;
    const save = () => {
      clearTimeout(timer);
      if (!window.isDestroyed() && !window.isMinimized()) store.save(displaySetKey(currentDisplays()), stateOf(window));
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    window.on('resize', later);
    window.on('move', later);
    window.on('maximize', later);
    window.on('unmaximize', later);
    window.on('enter-full-screen', later);
    window.on('leave-full-screen', later);
    window.on('close', save);
  }
  void window.loadURL(options.url);
  return window;
}
