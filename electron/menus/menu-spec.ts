import type { MenuCommand } from '../../shared/menu-command.js';

/** The Electron menu roles this app uses: Electron performs them itself, no click handler needed. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'window'
  | 'minimize'
  | 'zoom'
  | 'front';

/** What an item without a role does when clicked; electron/platform/ runs it. */
export type MenuAction =
  | { kind: 'renderer'; command: MenuCommand }
  | { kind: 'replace-misspelling'; word: string }
  | { kind: 'add-to-dictionary'; word: string };

/**
 * A menu item as plain data, shaped like Electron's MenuItemConstructorOptions but with a
 * `command` instead of a click closure, so the whole menu can be built and tested without
 * Electron and handed over unchanged apart from the clicks.
 */
export interface MenuItemSpec {
  id?: string;
  type?: 'normal' | 'separator' | 'submenu';
  label?: string;
  role?: MenuRole;
  accelerator?: string;
  enabled?: boolean;
  visible?: boolean;
  /** macOS: a hidden item's accelerator still works (the second zoom-in key). */
  acceleratorWorksWhenHidden?: boolean;
  submenu?: MenuItemSpec[];
  command?: MenuAction;
}

export const separator: MenuItemSpec = Object.freeze({ type: 'separator' });

/** Every item of a menu tree, depth first, for lookups and tests. */
export function flattenMenu(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...(item.submenu ? flattenMenu(item.submenu) : [])]);
}
