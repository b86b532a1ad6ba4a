import { app, BrowserWindow, Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import type { MenuCommand } from '../../shared/menu-command.js';
import { buildAppMenu } from '../menus/app-menu.js';
import { buildContextMenu } from '../menus/context-menu.js';
import type { MenuAction, MenuItemSpec } from '../menus/menu-spec.js';

/** Where a renderer command goes: the core's event bus (`menus:command`), or a new window when none is open. */
export interface MenuTargets {
  sendCommand(command: MenuCommand): void;
  openWindow(): void;
}

function toElectron(items: readonly MenuItemSpec[], run: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return items.map(({ command, submenu, ...rest }) => ({
    ...rest,
    ...(submenu ? { submenu: toElectron(submenu, run) } : {}),
    ...(command ? { click: () => run(command) } : {}),
  }));
}

/** Installs the application menu and keeps it in step with whether a window is open (macOS keeps the bar without one). */
export function installAppMenu(targets: MenuTargets, options: { devTools: boolean }): void {
  const run = (action: MenuAction) => {
    if (action.kind !== 'renderer') return;
    if (BrowserWindow.getAllWindows().length === 0) {
      // Only New message is enabled without a window; a fresh window opens on an empty composer.
      targets.openWindow();
      return;
    }
    targets.sendCommand(action.command);
  };
  const apply = () => {
    const spec = buildAppMenu({
      platform: process.platform,
      appName: app.getName(),
      hasWindow: BrowserWindow.getAllWindows().length > 0,
      devTools: options.devTools,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(spec, run)));
  };
  apply();
  app.on('browser-window-created', (_event, window) => {
    apply();
    window.once('closed', () => setImmediate(apply));
  });
}

/** Electron shows no context menu of its own: this gives text fields and the editor theirs. */
export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const spec = buildContextMenu({
      platform: process.platform,
      isEditable: params.isEditable,
      selectionText: params.selectionText,
      misspelledWord: params.misspelledWord,
      dictionarySuggestions: params.dictionarySuggestions,
      editFlags: params.editFlags,
    });
    if (spec.length === 0) return;
    const run = (action: MenuAction) => {
      if (action.kind === 'replace-misspelling') contents.replaceMisspelling(action.word);
      else if (action.kind === 'add-to-dictionary') contents.session.addWordToSpellCheckerDictionary(action.word);
    };
    const window = BrowserWindow.fromWebContents(contents);
    Menu.buildFromTemplate(toElectron(spec, run)).popup(window ? { window } : {});
  });
}
