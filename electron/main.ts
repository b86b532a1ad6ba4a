import path from 'node:path';
import { app, BrowserWindow, safeStorage, session } from 'electron';
import { createCore } from './core.js';
import { readLaunchEnvironment } from './desktop/launch-environment.js';
import { createElectronNotifier } from './platform/notifier.js';
import { setAboutPanel } from './platform/about.js';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './platform/app-protocol.js';
import { hardenWebContents } from './platform/harden.js';
import { createDialogFilePicker } from './platform/file-picker.js';
import { bindIpc } from './platform/ipc-bridge.js';
import { claimSingleInstance } from './platform/mailto-links.js';
import { createMailtoRegistry } from './platform/mailto-registry.js';
import { listenForIconFiles, type IconFiles } from './platform/icon-files.js';
import { createMainWindow } from './platform/main-window.js';
import { attachContextMenu, installAppMenu } from './platform/menus.js';
import { installQuitGuard } from './platform/quit-guard.js';
import { createSafeStorageCipher } from './platform/safe-storage-cipher.js';
import { openElectronSettingsFile } from './platform/settings-file.js';
import { createSpellcheckEngine } from './platform/spellcheck.js';
import { buildCsp } from './security/csp.js';
import { openWindowStateStore } from './services/window-state/window-state-store.js';

// e2e runs give every test a fresh data folder; a packaged app ignores both switches (see launch-environment.ts).
const launch = readLaunchEnvironment(app.isPackaged, process.env);
if (launch.dataDir) app.setPath('userData', launch.dataDir);

registerAppScheme();
app.enableSandbox();
// A second launch hands its mailto: link to the running instance (which focuses its window) and quits.
const mailtoLinks = claimSingleInstance();
if (!mailtoLinks) app.quit();
else start(mailtoLinks, listenForIconFiles());

function start(links: NonNullable<typeof mailtoLinks>, iconFiles: IconFiles): void {
  const devServerUrl = launch.devServerUrl;
  const here = import.meta.dirname;

  void app.whenReady().then(() => {
    const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
    hardenWebContents(appOrigin);
    setAboutPanel();

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
      openSettingsFile: openElectronSettingsFile,
      mailtoRegistry: createMailtoRegistry(),
      notifier: createElectronNotifier(),
      // Applies the languages chosen in the app (or the system's) before the first window opens.
      spellcheck: createSpellcheckEngine(session.defaultSession),
      logError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error instanceof Error ? error.message : 'unknown error'),
    });
    // Sent messages' frames are documents of their own on app://, under their own policy.
    serveRenderer(path.join(here, '../dist/renderer'), buildCsp(), (pathname) => core.frames.respond(pathname));
    bindIpc(core);
    // Closing checkpoints the database's log into the main file.
    app.on('will-quit', () => core.close());
    const windowState = openWindowStateStore({ dir: app.getPath('userData'), onDamaged: (reason) => console.warn(`[window-state] ${reason}`) });

    const open = (): BrowserWindow => {
      const window = createMainWindow({
        preloadPath: path.join(here, 'preload.cjs'),
        url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
        title: 'Composer',
        windowState,
      });
      attachContextMenu(window.webContents);
      // A reloading page, or none (macOS keeps running with its window closed), is not listening:
      // links wait for the next page's compose:pending instead of going out to nobody.
      window.webContents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) core.compose.pageUnloaded();
      });
      window.on('closed', () => core.compose.pageUnloaded());
      return window;
    };
    const focus = () => {
      const window = BrowserWindow.getAllWindows()[0] ?? open();
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    };
    installQuitGuard(() => core.pendingWork, () => void open());
    // Menu actions reach the page as the contract's `menus:command` event, never as injected script.
    installAppMenu({ sendCommand: (command) => core.bus.emit('menus:command', command), openWindow: open }, { devTools: Boolean(devServerUrl) });
    open();
    links.connect({ deliver: (url) => core.compose.openMailto(url), focus });
    // Files dropped on the dock or taskbar icon go to the open composer, copied like picked ones.
    iconFiles.connect({
      deliver: (paths, more) => void core.compose.attachFiles(paths, more).catch((error: unknown) => console.error('[icon-files] could not attach:', error instanceof Error ? error.message : 'unknown error')),
      focus,
    });
    // macOS keeps the app alive without windows; clicking the dock icon brings one back.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
