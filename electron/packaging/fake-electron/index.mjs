// A stand-in for the `electron` module, for running the BUILT main bundle under plain Node.
// It records what main asks of Electron (setPath, the URL each window loads) and answers
// everything else with an inert stand-in, so main starts as far as opening its window.
const calls = [];
globalThis.__fakeElectronCalls = calls;
const record = (what, ...args) => calls.push([what, ...args]);

/** Anything: every property, call and `new` gives another; never a thenable; iterates as empty. */
function inert() {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* () {};
      return inert();
    },
    apply: () => inert(),
    construct: () => inert(),
  });
}
/** An object with these members and an inert stand-in for every other. */
function withMembers(members) {
  return new Proxy(members, { get: (target, key) => (key in target ? target[key] : key === 'then' ? undefined : inert()) });
}

const paths = new Map([['userData', process.env.FAKE_ELECTRON_USER_DATA ?? '']]);
export const app = withMembers({
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED === '1',
  setPath(name, value) {
    record('app.setPath', name, value);
    paths.set(name, value);
  },
  getPath: (name) => paths.get(name) ?? process.env.FAKE_ELECTRON_USER_DATA,
  whenReady: () => Promise.resolve(),
  requestSingleInstanceLock: () => true,
  getAppPath: () => process.cwd(),
  getName: () => 'Composer',
  getVersion: () => '0.0.0',
  on: () => app,
  once: () => app,
});

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 };
export const screen = withMembers({ getPrimaryDisplay: () => display, getAllDisplays: () => [display], getDisplayMatching: () => display });
export const safeStorage = withMembers({ isAsyncEncryptionAvailable: async () => false, getSelectedStorageBackend: () => 'basic_text' });

class FakeWindow {
  constructor(options) {
    record('new BrowserWindow', { webPreferences: options?.webPreferences ?? null });
    return withMembers({
      webContents: inert(),
      loadURL: async (url) => record('loadURL', url),
      isMinimized: () => false,
      on: () => undefined,
      once: () => undefined,
    });
  }
  static getAllWindows() {
    return [];
  }
}
export const BrowserWindow = new Proxy(FakeWindow, { get: (target, key) => (key in target ? target[key] : inert()) });

export const session = inert();
export const protocol = inert();
export const ipcMain = inert();
export const Menu = inert();
export const MenuItem = inert();
export const shell = inert();
export const dialog = inert();
export const Notification = inert();
export const nativeTheme = inert();
export const clipboard = inert();
export const webContents = inert();
export const contextBridge = inert();
export const ipcRenderer = inert();
export default { app, screen, safeStorage, BrowserWindow, session, protocol, ipcMain, Menu, MenuItem, shell, dialog, Notification, nativeTheme, clipboard, webContents };
