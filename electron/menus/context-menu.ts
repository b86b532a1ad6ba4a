import { acceleratorsFor } from './accelerators.js';
import { pastePlainLabel } from './app-menu.js';
import { separator, type MenuItemSpec } from './menu-spec.js';

/**
 * The parts of Electron's `context-menu` params the menu needs, as plain data, so the
 * menu is built and tested without Electron.
 */
export interface ContextMenuInput {
  platform: string;
  isEditable: boolean;
  selectionText: string;
  /** The misspelled word under the pointer, or '' when there is none (or spellcheck is off). */
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
  editFlags: {
    canCut: boolean;
    canCopy: boolean;
    canPaste: boolean;
    canSelectAll: boolean;
  };
}

/** More suggestions than this crowd the menu without helping. */
export const MAX_SUGGESTIONS = 5;

function spellingItems(input: ContextMenuInput): MenuItemSpec[] {
  const word = input.misspelledWord.trim();
  if (!input.isEditable || word === '') return [];
  const suggestions = [...new Set(input.dictionarySuggestions.filter((s) => s.trim() !== ''))].slice(0, MAX_SUGGESTIONS);
  const replace: MenuItemSpec[] =
    suggestions.length > 0
      ? suggestions.map((suggestion, index) => ({
          id: `suggestion-${index}`,
          label: suggestion,
          command: { kind: 'replace-misspelling', word: suggestion },
        }))
      : [{ id: 'no-suggestions', label: 'No Spelling Suggestions', enabled: false }];
  return [
    ...replace,
    separator,
    { id: 'add-to-dictionary', label: `Add “${word}” to Dictionary`, command: { kind: 'add-to-dictionary', word } },
    separator,
  ];
}

/**
 * The right-click menu for text fields and the editor: spelling suggestions and Add to
 * dictionary (Electron offers them only through these params), then Cut, Copy, Paste,
 * Paste as plain text and Select all, each enabled as the field allows. Text that is only
 * selected, not editable, gets Copy alone; anything else gets no menu (an empty list).
 */
export function buildContextMenu(input: ContextMenuInput): MenuItemSpec[] {
  const keys = acceleratorsFor(input.platform);
  const flags = input.editFlags;
  if (!input.isEditable) {
    if (input.selectionText.trim() === '') return [];
    return [{ id: 'copy', role: 'copy', label: 'Copy', accelerator: keys.copy, enabled: flags.canCopy }];
  }
  return [
    ...spellingItems(input),
    { id: 'cut', role: 'cut', label: 'Cut', accelerator: keys.cut, enabled: flags.canCut },
    { id: 'copy', role: 'copy', label: 'Copy', accelerator: keys.copy, enabled: flags.canCopy },
    { id: 'paste', role: 'paste', label: 'Paste', accelerator: keys.paste, enabled: flags.canPaste },
    { id: 'paste-plain', role: 'pasteAndMatchStyle', label: pastePlainLabel(input.platform), accelerator: keys.pastePlain, enabled: flags.canPaste },
    separator,
    { id: 'select-all', role: 'selectAll', label: 'Select All', accelerator: keys.selectAll, enabled: flags.canSelectAll },
  ];
}
