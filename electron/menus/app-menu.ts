import type { MenuCommand } from '../../shared/menu-command.js';
import { acceleratorsFor } from './accelerators.js';
import { separator, type MenuItemSpec } from './menu-spec.js';

export interface AppMenuOptions {
  /** `process.platform`: macOS gets its own app menu and Window menu. */
  platform: string;
  /** The product name, shown in the macOS app menu and in About/Quit. */
  appName: string;
  /**
   * False on macOS after the last window closed: the menu bar stays, but sending, saving,
   * editing and zoom have nothing to act on. New message still works (it opens a window).
   */
  hasWindow: boolean;
  /** Development builds only: the developer tools item. */
  devTools?: boolean;
}

function rendererItem(id: MenuCommand, label: string, accelerator: string, enabled: boolean): MenuItemSpec {
  return { id, label, accelerator, enabled, command: { kind: 'renderer', command: id } };
}

/**
 * The application menu as plain data: File (New message, Send, Save draft), Edit, View (zoom,
 * full screen), and About/Quit where each platform keeps them: the app menu on macOS,
 * Help and File elsewhere.
 */
export function buildAppMenu(options: AppMenuOptions): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const keys = acceleratorsFor(options.platform);
  const on = options.hasWindow;
  const about: MenuItemSpec = { id: 'about', role: 'about', label: `About ${options.appName}` };
  const quit: MenuItemSpec = {
    id: 'quit',
    role: 'quit',
    label: mac ? `Quit ${options.appName}` : options.platform === 'win32' ? 'Exit' : 'Quit',
    ...(keys.quit ? { accelerator: keys.quit } : {}),
  };

  const file: MenuItemSpec = {
    id: 'file',
    label: 'File',
    submenu: [
      rendererItem('new-message', 'New Message', keys.newMessage, true),
      rendererItem('send', 'Send', keys.send, on),
      rendererItem('save-draft', 'Save Draft', keys.saveDraft, on),
      separator,
      ...(mac ? [{ id: 'close-window', role: 'close', label: 'Close Window', accelerator: keys.closeWindow, enabled: on } satisfies MenuItemSpec] : [quit]),
    ],
  };

  const edit: MenuItemSpec = {
    id: 'edit',
    label: 'Edit',
    submenu: [
      { id: 'undo', role: 'undo', label: 'Undo', accelerator: keys.undo, enabled: on },
      { id: 'redo', role: 'redo', label: 'Redo', accelerator: keys.redo, enabled: on },
      separator,
      { id: 'cut', role: 'cut', label: 'Cut', accelerator: keys.cut, enabled: on },
      { id: 'copy', role: 'copy', label: 'Copy', accelerator: keys.copy, enabled: on },
      { id: 'paste', role: 'paste', label: 'Paste', accelerator: keys.paste, enabled: on },
      { id: 'paste-plain', role: 'pasteAndMatchStyle', label: pastePlainLabel(options.platform), accelerator: keys.pastePlain, enabled: on },
      { id: 'select-all', role: 'selectAll', label: 'Select All', accelerator: keys.selectAll, enabled: on },
      separator,
      rendererItem('find-sent', 'Find in Sent…', keys.findSent, on),
      // macOS keeps Settings in the app menu; Windows calls it Settings, Linux desktops Preferences.
      ...(mac ? [] : [separator, rendererItem('settings', options.platform === 'win32' ? 'Settings' : 'Preferences', keys.settings, on)]),
    ],
  };

  const view: MenuItemSpec = {
    id: 'view',
    label: 'View',
    submenu: [
      { id: 'zoom-in', role: 'zoomIn', label: 'Zoom In', accelerator: keys.zoomIn, enabled: on },
      // Ctrl/Cmd with the unshifted "=" key is how most people zoom in; the menu shows "+" only.
      { id: 'zoom-in-alt', role: 'zoomIn', label: 'Zoom In', accelerator: keys.zoomInAlt, enabled: on, visible: false, acceleratorWorksWhenHidden: true },
      { id: 'zoom-out', role: 'zoomOut', label: 'Zoom Out', accelerator: keys.zoomOut, enabled: on },
      { id: 'reset-zoom', role: 'resetZoom', label: 'Actual Size', accelerator: keys.resetZoom, enabled: on },
      separator,
      { id: 'full-screen', role: 'togglefullscreen', label: 'Toggle Full Screen', accelerator: keys.fullScreen, enabled: on },
      ...(options.devTools ? [separator, { id: 'dev-tools', role: 'toggleDevTools', label: 'Toggle Developer Tools', enabled: on } satisfies MenuItemSpec] : []),
    ],
  };

  if (!mac) return [file, edit, view, { id: 'help', label: 'Help', submenu: [about] }];

  const appMenu: MenuItemSpec = {
    id: 'app',
    label: options.appName,
    submenu: [
      about,
      separator,
      rendererItem('settings', 'Settings…', keys.settings, on),
      separator,
      { id: 'services', role: 'services', label: 'Services' },
      separator,
      { id: 'hide', role: 'hide', label: `Hide ${options.appName}`, accelerator: keys.hide },
      { id: 'hide-others', role: 'hideOthers', label: 'Hide Others', accelerator: keys.hideOthers },
      { id: 'show-all', role: 'unhide', label: 'Show All' },
      separator,
      quit,
    ],
  };
  const window: MenuItemSpec = {
    id: 'window',
    role: 'window',
    label: 'Window',
    submenu: [
      { id: 'minimize', role: 'minimize', label: 'Minimize', accelerator: keys.minimize, enabled: on },
      { id: 'zoom-window', role: 'zoom', label: 'Zoom', enabled: on },
      separator,
      { id: 'front', role: 'front', label: 'Bring All to Front' },
    ],
  };
  return [appMenu, file, edit, view, window];
}

/** macOS calls it Paste and Match Style; elsewhere people know it as paste as plain text. */
export function pastePlainLabel(platform: string): string {
  return platform === 'darwin' ? 'Paste and Match Style' : 'Paste as Plain Text';
}
