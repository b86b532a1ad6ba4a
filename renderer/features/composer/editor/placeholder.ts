import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { Extension } from '@tiptap/react';

const placeholderKey = new PluginKey<DecorationSet>('firstLinePlaceholder');

function placeholderFor(doc: PmNode, text: string): DecorationSet {
  const first = doc.firstChild;
  if (!first || first.type.name !== 'paragraph' || first.content.size > 0) return DecorationSet.empty;
  return DecorationSet.create(doc, [Decoration.node(0, first.nodeSize, { class: 'is-empty', 'data-placeholder': text })]);
}

/**
 * "Write your message…" in the body's first line while that line is empty, wherever the caret
 * is (the signature may follow it). Only the first block is ever looked at, so opening or
 * editing a long message costs nothing here; TipTap's placeholder scans every block to mark
 * each empty one, which the stylesheet never shows.
 */
export const FirstLinePlaceholder = Extension.create<{ text: string }>({
  name: 'firstLinePlaceholder',
  addOptions() {
    return { text: '' };
  },
  addProseMirrorPlugins() {
    const { text } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: placeholderKey,
        state: {
          init: (_config, state) => placeholderFor(state.doc, text),
          // The first block unchanged (the same node) keeps its decoration where it was: position 0.
          apply: (tr, previous, before, after) => (after.doc.firstChild === before.doc.firstChild ? previous : placeholderFor(tr.doc, text)),
        },
        props: {
          decorations: (state) => placeholderKey.getState(state),
        },
      }),
    ];
  },
});
