import path from 'node:path';
import { app, BrowserWindow, safeStorage } from 'electron';
import { createCore } from './core.js';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './platform/app-protocol.js';
import { hardenWebContents } from './platform/harden.js';
import { createDialogFilePicker } from './platform/file-picker.js';
import { bindIpc } from './platform/ipc-bridge.js';
import { createMainWindow } from './platform/main-window.js';
import { attachContextMenu, installAppMenu } from './platform/menus.js';
import { createSafeStorageCipher } from './platform/safe-storage-cipher.js';
import { buildCsp } from './security/csp.js';

// e2e runs give every test a fresh data folder.
if (process.env.COMPOSER_DATA_DIR) app.setPath('userData', path.resolve(process.env.COMPOSER_DATA_DIR));

registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

const devServerUrl = process.env.VITE_DEV_SERVER_URL;
const here = import.meta.dirname;

void app.whenReady().then(() => {
  const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
  hardenWebContents(appOrigin);
  serveRenderer(path.join(here, '../dist/renderer'), buildCsp());

  const core = createCore({
    info: {
      name: app.getName(),
      version: app.getVersion(),
      dataDir: app.getPath('userData'),
      platform: process.platform,
      runtime: 'electron',
    },
    trustedOrigins: [appOrigin],
    filePicker: createDialogFilePicker(),
    cipher: createSafeStorageCipher(safeStorage),
    logError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error instanceof Error ? error.message : 'unknown error'),
  });
  bindIpc(core);
  // Closing checkpoints the database's log into the main file.
  app.on('will-quit', () => core.close());

  const open = () => {
    const window = createMainWindow({
      preloadPath: path.join(here, 'preload.cjs'),
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      title: 'Composer',
    });
    attachContextMenu(window.webContents);
  };
  // Menu actions reach the page as the contract's `menu:command` event, never as injected script.
  installAppMenu({ sendCommand: (command) => core.bus.emit('menu:command', command), openWindow: open }, { devTools: Boolean(devServerUrl) });
  open();
  // macOS keeps the app alive without windows; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
