import { describe, expect, it } from 'vitest';
import { buildAppMenu } from './app-menu.js';
import { flattenMenu, type MenuItemSpec } from './menu-spec.js';

const appName = 'Composer';
const byId = (items: MenuItemSpec[]) => new Map(flattenMenu(items).filter((i) => i.id).map((i) => [i.id, i]));
/** [id, label, role or renderer command, accelerator] */
type Row = [string, string, string, string | undefined];

function check(items: MenuItemSpec[], rows: Row[]) {
  const found = byId(items);
  for (const [id, label, action, accelerator] of rows) {
    const item = found.get(id);
    expect(item, id).toBeDefined();
    expect(item?.label, id).toBe(label);
    expect(item?.role ?? (item?.command?.kind === 'renderer' ? item.command.command : undefined), id).toBe(action);
    expect(item?.accelerator, id).toBe(accelerator);
  }
  // Nothing in the menu that the table does not name (besides the submenus themselves).
  const leaves = [...found.values()].filter((i) => !i.submenu).map((i) => i.id);
  expect(leaves.sort()).toEqual(rows.map((r) => r[0]).sort());
}

const common: Row[] = [
  ['new-message', 'New Message', 'new-message', 'CmdOrCtrl+N'],
  ['send', 'Send', 'send', 'CmdOrCtrl+Enter'],
  ['save-draft', 'Save Draft', 'save-draft', 'CmdOrCtrl+S'],
  ['undo', 'Undo', 'undo', 'CmdOrCtrl+Z'],
  ['cut', 'Cut', 'cut', 'CmdOrCtrl+X'],
  ['copy', 'Copy', 'copy', 'CmdOrCtrl+C'],
  ['paste', 'Paste', 'paste', 'CmdOrCtrl+V'],
  ['select-all', 'Select All', 'selectAll', 'CmdOrCtrl+A'],
  ['find-sent', 'Find in Sent…', 'find-sent', 'CmdOrCtrl+Shift+F'],
  ['zoom-in', 'Zoom In', 'zoomIn', 'CmdOrCtrl+Plus'],
  ['zoom-in-alt', 'Zoom In', 'zoomIn', 'CmdOrCtrl+='],
  ['zoom-out', 'Zoom Out', 'zoomOut', 'CmdOrCtrl+-'],
  ['reset-zoom', 'Actual Size', 'resetZoom', 'CmdOrCtrl+0'],
  ['about', 'About Composer', 'about', undefined],
];

describe('application menu', () => {
  it('Linux: File, Edit, View, Help; Quit in File with Ctrl+Q, redo on Ctrl+Shift+Z, full screen on F11', () => {
    const menu = buildAppMenu({ platform: 'linux', appName, hasWindow: true });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    check(menu, [
      ...common,
      ['redo', 'Redo', 'redo', 'Ctrl+Shift+Z'],
      ['paste-plain', 'Paste as Plain Text', 'pasteAndMatchStyle', 'Ctrl+Shift+V'],
      ['full-screen', 'Toggle Full Screen', 'togglefullscreen', 'F11'],
      ['quit', 'Quit', 'quit', 'Ctrl+Q'],
      ['settings', 'Preferences', 'settings', 'CmdOrCtrl+,'],
    ]);
  });

  it('Windows: Exit without a key of its own (Alt+F4 is the system’s), redo on Ctrl+Y', () => {
    const menu = buildAppMenu({ platform: 'win32', appName, hasWindow: true });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    check(menu, [
      ...common,
      ['redo', 'Redo', 'redo', 'Ctrl+Y'],
      ['paste-plain', 'Paste as Plain Text', 'pasteAndMatchStyle', 'Ctrl+Shift+V'],
      ['full-screen', 'Toggle Full Screen', 'togglefullscreen', 'F11'],
      ['quit', 'Exit', 'quit', undefined],
      ['settings', 'Settings', 'settings', 'CmdOrCtrl+,'],
    ]);
  });

  it('macOS: the app menu (About, Services, Hide, Quit) comes first, File closes the window, and a Window menu closes the bar', () => {
    const menu = buildAppMenu({ platform: 'darwin', appName, hasWindow: true });
    expect(menu.map((m) => m.label)).toEqual(['Composer', 'File', 'Edit', 'View', 'Window']);
    expect(menu[0]?.submenu?.map((i) => i.id ?? i.type)).toEqual(['about', 'separator', 'settings', 'separator', 'services', 'separator', 'hide', 'hide-others', 'show-all', 'separator', 'quit']);
    expect(menu[4]?.role).toBe('window');
    check(menu, [
      ...common,
      ['redo', 'Redo', 'redo', 'Shift+Cmd+Z'],
      ['paste-plain', 'Paste and Match Style', 'pasteAndMatchStyle', 'Alt+Shift+Cmd+V'],
      ['full-screen', 'Toggle Full Screen', 'togglefullscreen', 'Ctrl+Cmd+F'],
      ['close-window', 'Close Window', 'close', 'CmdOrCtrl+W'],
      ['services', 'Services', 'services', undefined],
      ['hide', 'Hide Composer', 'hide', 'Cmd+H'],
      ['hide-others', 'Hide Others', 'hideOthers', 'Alt+Cmd+H'],
      ['show-all', 'Show All', 'unhide', undefined],
      ['quit', 'Quit Composer', 'quit', 'Cmd+Q'],
      ['settings', 'Settings…', 'settings', 'CmdOrCtrl+,'],
      ['minimize', 'Minimize', 'minimize', 'Cmd+M'],
      ['zoom-window', 'Zoom', 'zoom', undefined],
      ['front', 'Bring All to Front', 'front', undefined],
    ]);
  });

  it('sends New message, Send, Save draft, Find in Sent and Preferences to the renderer as menu commands, and nothing else', () => {
    const commands = flattenMenu(buildAppMenu({ platform: 'linux', appName, hasWindow: true })).flatMap((i) => (i.command ? [i.command] : []));
    expect(commands).toEqual([
      { kind: 'renderer', command: 'new-message' },
      { kind: 'renderer', command: 'send' },
      { kind: 'renderer', command: 'save-draft' },
      { kind: 'renderer', command: 'find-sent' },
      { kind: 'renderer', command: 'settings' },
    ]);
  });

  it('enables every item while a window is open', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const disabled = flattenMenu(buildAppMenu({ platform, appName, hasWindow: true })).filter((i) => i.enabled === false);
      expect(disabled, platform).toEqual([]);
    }
  });

  it('with no window (macOS after closing it) keeps New message, About, Quit and the app items, and disables what needs a window', () => {
    const items = flattenMenu(buildAppMenu({ platform: 'darwin', appName, hasWindow: false })).filter((i) => i.id && !i.submenu);
    const enabled = items.filter((i) => i.enabled !== false).map((i) => i.id);
    expect(enabled.sort()).toEqual(['about', 'front', 'hide', 'hide-others', 'new-message', 'quit', 'services', 'show-all']);
  });

  it('keeps the second zoom-in key hidden but working, and shows developer tools only when asked', () => {
    const menu = buildAppMenu({ platform: 'darwin', appName, hasWindow: true });
    const alt = byId(menu).get('zoom-in-alt');
    expect(alt).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
    expect(byId(menu).has('dev-tools')).toBe(false);
    const dev = byId(buildAppMenu({ platform: 'linux', appName, hasWindow: true, devTools: true })).get('dev-tools');
    expect(dev).toMatchObject({ role: 'toggleDevTools', enabled: true });
  });

  it('gives no two visible items the same accelerator', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const keys = flattenMenu(buildAppMenu({ platform, appName, hasWindow: true, devTools: true }))
        .filter((i) => i.accelerator)
        .map((i) => i.accelerator);
      expect(new Set(keys).size, platform).toBe(keys.length);
    }
  });
});
