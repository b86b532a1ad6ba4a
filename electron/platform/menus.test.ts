import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Only the Electron binary's own APIs are faked: app events, windows, Menu.
const fake = vi.hoisted(() => ({
  windows: [] as unknown[],
  templates: [] as unknown[],
  popups: [] as unknown[],
  app: null as unknown as EventEmitter & { getName(): string },
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.app = Object.assign(new Emitter(), { getName: () => 'Composer' });
  return {
    app: fake.app,
    BrowserWindow: { getAllWindows: () => fake.windows, fromWebContents: () => null },
    Menu: {
      setApplicationMenu: () => undefined,
      buildFromTemplate: (template: unknown) => {
        fake.templates.push(template);
        return { popup: (options: unknown) => fake.popups.push([template, options]) };
      },
    },
  };
});

const { attachContextMenu, installAppMenu } = await import('./menus.js');

interface Item {
  id?: string;
  click?: () => void;
  submenu?: Item[];
  enabled?: boolean;
}
const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...(i.submenu ? flat(i.submenu) : [])]);
const item = (template: unknown, id: string) => flat(template as Item[]).find((i) => i.id === id);

beforeEach(() => {
  fake.windows = [];
  fake.templates = [];
  fake.popups = [];
  fake.app.removeAllListeners();
});

describe('application menu in Electron', () => {
  it('sends renderer commands through the targets, and opens a window for New message when none is open', () => {
    const sent: string[] = [];
    let opened = 0;
    fake.windows = [{}];
    installAppMenu({ sendCommand: (c) => sent.push(c), openWindow: () => opened++ }, { devTools: false });
    const template = fake.templates.at(-1);
    item(template, 'send')?.click?.();
    item(template, 'find-sent')?.click?.();
    expect(sent).toEqual(['send', 'find-sent']);
    fake.windows = [];
    item(template, 'new-message')?.click?.();
    expect(opened).toBe(1);
    expect(sent).toEqual(['send', 'find-sent']);
  });

  it('rebuilds the menu when a window opens and after it closes', async () => {
    installAppMenu({ sendCommand: () => undefined, openWindow: () => undefined }, { devTools: false });
    expect(item(fake.templates.at(-1), 'send')?.enabled).toBe(false);
    const window = new EventEmitter();
    fake.windows = [window];
    fake.app.emit('browser-window-created', {}, window);
    expect(item(fake.templates.at(-1), 'send')?.enabled).toBe(true);
    fake.windows = [];
    window.emit('closed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(item(fake.templates.at(-1), 'send')?.enabled).toBe(false);
  });
});

describe('context menu in Electron', () => {
  function contents() {
    const emitter = new EventEmitter();
    const calls: string[] = [];
    return Object.assign(emitter, {
      calls,
      replaceMisspelling: (word: string) => calls.push(`replace:${word}`),
      session: { addWordToSpellCheckerDictionary: (word: string) => calls.push(`add:${word}`) },
    });
  }
  const params = {
    isEditable: true,
    selectionText: '',
    misspelledWord: 'recieve',
    dictionarySuggestions: ['receive'],
    editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
  };

  it('pops up the built menu, whose suggestion and Add to dictionary act on the page’s web contents', () => {
    const target = contents();
    attachContextMenu(target as never);
    target.emit('context-menu', {}, params);
    const [template] = fake.popups[0] as [unknown];
    item(template, 'suggestion-0')?.click?.();
    item(template, 'add-to-dictionary')?.click?.();
    expect(target.calls).toEqual(['replace:receive', 'add:recieve']);
  });

  it('shows nothing where there is nothing to offer', () => {
    const target = contents();
    attachContextMenu(target as never);
    target.emit('context-menu', {}, { ...params, isEditable: false, misspelledWord: '' });
    expect(fake.popups).toEqual([]);
  });
});
