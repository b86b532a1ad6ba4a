import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { triggerAt, type Trigger } from './template-trigger.js';

const same = (a: Trigger | null, b: Trigger | null) => a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to && a.query === b.query);

/**
 * The `/` or `;` being typed at the start of a word in the body, while the body has focus;
 * `dismiss` (Escape) leaves that one alone until the caret leaves it.
 */
export function useSlashTrigger(editor: Editor): { trigger: Trigger | null; dismiss(): void } {
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const dismissedAt = useRef<number | null>(null);
  const update = useCallback(() => {
    const found = editor.isFocused ? triggerAt(editor) : null;
    if (!found || found.from !== dismissedAt.current) dismissedAt.current = null;
    const shown = found && dismissedAt.current === null ? found : null;
    setTrigger((before) => (same(before, shown) ? before : shown));
  }, [editor]);
  useEffect(() => {
    const close = () => setTrigger(null);
    editor.on('transaction', update);
    editor.on('focus', update);
    editor.on('blur', close);
    return () => {
      editor.off('transaction', update);
      editor.off('focus', update);
      editor.off('blur', close);
    };
  }, [editor, update]);
  const dismiss = useCallback(() => {
    dismissedAt.current = triggerAt(editor)?.from ?? null;
    setTrigger(null);
  }, [editor]);
  return { trigger, dismiss };
}
