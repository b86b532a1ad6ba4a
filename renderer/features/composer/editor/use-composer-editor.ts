import { useEditor, type Editor } from '@tiptap/react';
import { useMemo } from 'react';
import { filesOf } from '../window-hooks.js';
import { scrollCaretClear } from './caret-in-view.js';
import { composerExtensions, type EditorHooks } from './extensions.js';
import { cleanPastedHtml } from './paste-clean.js';
import { caretAboveSignatureOnPress } from './signature.js';

/**
 * The message body's TipTap editor: Word and Docs paste cleaned, files pasted or dropped on it
 * handed to `acceptFiles` (true when it took them), the caret kept above the signature and clear
 * of the tools and Send bar that stay in view.
 */
export function useComposerEditor(hooks: { current: EditorHooks }, acceptFiles: (files: File[]) => boolean): Editor {
  const extensions = useMemo(() => composerExtensions(hooks), [hooks]);
  return useEditor({
    extensions,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'editor-surface', 'aria-label': 'Message body', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' },
      transformPastedHTML: (html) => cleanPastedHtml(html),
      handlePaste: (_view, event) => acceptFiles(filesOf(event.clipboardData)),
      handleDrop: (_view, event) => acceptFiles(filesOf(event.dataTransfer)),
      handleDOMEvents: { mousedown: caretAboveSignatureOnPress },
      handleScrollToSelection: scrollCaretClear,
    },
    // The CSP allows no inline styles; the editor's base rules are in renderer/styles/composer.css.
    injectCSS: false,
  });
}
