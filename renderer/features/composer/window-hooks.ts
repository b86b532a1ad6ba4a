import type { Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useComposerStore } from './store.js';

/** The files a drag or paste carries, as a list. */
export function filesOf(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}

/** Files dropped anywhere on the window are attached, not opened (which would navigate away). */
export function useWindowFileDrop(accept: (files: File[]) => boolean): void {
  const latest = useRef(accept);
  latest.current = accept;
  useEffect(() => {
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      event.preventDefault();
      latest.current(filesOf(event.dataTransfer));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

/**
 * Ctrl/Cmd+Enter sends, Ctrl/Cmd+Shift+C / B show Cc / Bcc. Window-wide, so they work
 * wherever focus is (after a dialog closes it is on the page).
 */
export function useComposerShortcuts(editor: Editor, onSend: () => void): void {
  const send = useRef(onSend);
  send.current = onSend;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      if (key === 'enter') send.current();
      else if (event.shiftKey && key === 'c') useComposerStore.getState().showField('cc');
      // Inside the editor Ctrl+Shift+B is the quote shortcut.
      else if (event.shiftKey && key === 'b' && !editor.isFocused) useComposerStore.getState().showField('bcc');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
}
