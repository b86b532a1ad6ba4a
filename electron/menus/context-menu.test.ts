import { describe, expect, it } from 'vitest';
import { buildContextMenu, MAX_SUGGESTIONS, type ContextMenuInput } from './context-menu.js';

const allFlags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const field = (over: Partial<ContextMenuInput> = {}): ContextMenuInput => ({
  platform: 'linux',
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: allFlags,
  ...over,
});
const summary = (input: ContextMenuInput) =>
  buildContextMenu(input).map((i) => (i.type === 'separator' ? '---' : [i.id, i.label, i.role ?? i.command, i.accelerator, i.enabled ?? true]));

describe('context menu', () => {
  it('in a text field: Cut, Copy, Paste, Paste as plain text, Select all with their keys', () => {
    expect(summary(field())).toEqual([
      ['cut', 'Cut', 'cut', 'CmdOrCtrl+X', true],
      ['copy', 'Copy', 'copy', 'CmdOrCtrl+C', true],
      ['paste', 'Paste', 'paste', 'CmdOrCtrl+V', true],
      ['paste-plain', 'Paste as Plain Text', 'pasteAndMatchStyle', 'Ctrl+Shift+V', true],
      '---',
      ['select-all', 'Select All', 'selectAll', 'CmdOrCtrl+A', true],
    ]);
  });

  it('follows the field’s edit flags: nothing selected means no Cut or Copy, an empty clipboard means no Paste', () => {
    const items = summary(field({ editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: true } }));
    expect(items.filter((i) => i !== '---').map((i) => [i[0], i[4]])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', false],
      ['paste-plain', false],
      ['select-all', true],
    ]);
  });

  it('uses the macOS wording and key for pasting as plain text', () => {
    const plain = buildContextMenu(field({ platform: 'darwin' })).find((i) => i.id === 'paste-plain');
    expect(plain).toMatchObject({ label: 'Paste and Match Style', accelerator: 'Alt+Shift+Cmd+V' });
  });

  it('puts the spellchecker’s suggestions first, each replacing the word, then Add to dictionary', () => {
    const items = buildContextMenu(field({ misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'] }));
    expect(items.slice(0, 5)).toEqual([
      { id: 'suggestion-0', label: 'receive', command: { kind: 'replace-misspelling', word: 'receive' } },
      { id: 'suggestion-1', label: 'relieve', command: { kind: 'replace-misspelling', word: 'relieve' } },
      { type: 'separator' },
      { id: 'add-to-dictionary', label: 'Add “recieve” to Dictionary', command: { kind: 'add-to-dictionary', word: 'recieve' } },
      { type: 'separator' },
    ]);
    expect(items.slice(5).map((i) => i.id ?? i.type)).toEqual(['cut', 'copy', 'paste', 'paste-plain', 'separator', 'select-all']);
  });

  it('says when there are no suggestions (disabled) but still offers Add to dictionary', () => {
    const items = buildContextMenu(field({ misspelledWord: 'Zwxq' }));
    expect(items[0]).toEqual({ id: 'no-suggestions', label: 'No Spelling Suggestions', enabled: false });
    expect(items[2]).toMatchObject({ id: 'add-to-dictionary', command: { kind: 'add-to-dictionary', word: 'Zwxq' } });
  });

  it(`shows at most ${MAX_SUGGESTIONS} suggestions, without duplicates or blanks`, () => {
    const items = buildContextMenu(field({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'the', ' ', 'ten', 'tech', 'eh', 'tea', 'tee'] }));
    expect(items.filter((i) => i.command?.kind === 'replace-misspelling').map((i) => i.label)).toEqual(['the', 'ten', 'tech', 'eh', 'tea']);
  });

  it('outside text fields: Copy for selected text, and no menu at all otherwise', () => {
    expect(summary(field({ isEditable: false, selectionText: 'Hello' }))).toEqual([['copy', 'Copy', 'copy', 'CmdOrCtrl+C', true]]);
    expect(buildContextMenu(field({ isEditable: false, selectionText: '  ' }))).toEqual([]);
    // A misspelling reported outside an editable field cannot be replaced there.
    expect(buildContextMenu(field({ isEditable: false, misspelledWord: 'teh', dictionarySuggestions: ['the'] }))).toEqual([]);
  });
});
