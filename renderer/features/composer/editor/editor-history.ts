import { EditorState } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';

/**
 * Makes what the editor shows now the start of its undo history: Undo can take back only what
 * is typed from here, never the message shown before (another draft, the last one sent) nor the
 * opening itself. ProseMirror's history has no "clear", so the state is made anew with the same
 * document, selection and plugins (whose own state, the history's included, starts fresh).
 */
export function startFreshHistory(editor: Editor): void {
  if (editor.isDestroyed) return;
  const { doc, selection, plugins } = editor.state;
  editor.view.updateState(EditorState.create({ doc, selection, plugins }));
  // updateState is not a transaction; an empty one tells the toolbar that Undo is no longer possible.
  editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
}
