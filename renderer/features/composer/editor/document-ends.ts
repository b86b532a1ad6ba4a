import { Selection, TextSelection } from '@tiptap/pm/state';
import { Extension } from '@tiptap/react';
import { isMac } from '../../../lib/platform.js';

/**
 * Ctrl+Home and Ctrl+End (also ⌘↑ and ⌘↓ on a Mac), with Shift to select: the caret goes to
 * the message's first or last position by the document, not by the browser. Blocks out of
 * view are not laid out (composer.css, content-visibility), and there the browser stops at
 * the start of the last line instead of its end.
 */
export const DocumentEnds = Extension.create({
  name: 'documentEnds',
  addKeyboardShortcuts() {
    const go = (toEnd: boolean, extend: boolean) => () => {
      const { state, view } = this.editor;
      const target = toEnd ? Selection.atEnd(state.doc) : Selection.atStart(state.doc);
      view.dispatch(state.tr.setSelection(extend ? TextSelection.between(state.selection.$anchor, target.$head) : target).scrollIntoView());
      return true;
    };
    const keys = isMac ? ['Mod-ArrowUp', 'Mod-ArrowDown', 'Mod-Home', 'Mod-End'] : ['Mod-Home', 'Mod-End'];
    return Object.fromEntries(
      keys.flatMap((key) => {
        const toEnd = /End|Down/.test(key);
        return [
          [key, go(toEnd, false)],
          [`Shift-${key}`, go(toEnd, true)],
        ];
      }),
    );
  },
});
