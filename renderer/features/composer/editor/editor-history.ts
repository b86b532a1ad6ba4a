import type { Plugin } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';

/** ProseMirror names a plugin's state field by its key, `history$` for the undo history (TipTap's unregisterPlugin reads it the same way). */
const isHistory = (plugin: Plugin) => (plugin as unknown as { key: string }).key.startsWith('history$');

/**
 * Makes what the editor shows now the start of its undo history: Undo can take back only what
 * is typed from here, never the message shown before (another draft, the last one sent) nor the
 * opening itself. ProseMirror's history has no "clear"; reconfiguring without its plugin and
 * then with it again starts that one field afresh and keeps every other plugin's state, so a
 * long document is not scanned and redrawn a second time.
 */
export function startFreshHistory(editor: Editor): void {
  if (editor.isDestroyed) return;
  const { state } = editor;
  const withoutHistory = state.reconfigure({ plugins: state.plugins.filter((plugin) => !isHistory(plugin)) });
  editor.view.updateState(withoutHistory.reconfigure({ plugins: state.plugins }));
  // updateState is not a transaction; an empty one tells the toolbar that Undo is no longer possible.
  editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
}
