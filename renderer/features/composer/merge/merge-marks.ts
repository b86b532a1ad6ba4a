import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { Extension } from '@tiptap/react';
import { findMergeFields } from '../../../../shared/merge-fields.js';

/**
 * Shows each `{{field}}` in the body as a chip; a field that has no value for some recipient
 * and no fallback is a marked chip (named for screen readers too) until the person adds a
 * column or a fallback. The composer tells the plugin which names are missing with a
 * transaction meta; typing re-scans only the paragraphs a change touched.
 */
export const mergeMarksKey = new PluginKey<MarksState>('mergeMarks');

interface MarksState {
  missing: ReadonlySet<string>;
  decorations: DecorationSet;
}

function decorationsIn(node: PmNode, pos: number, missing: ReadonlySet<string>): Decoration[] {
  const out: Decoration[] = [];
  node.descendants((child, offset) => {
    if (!child.isText || !child.text?.includes('{{')) return;
    const at = pos + 1 + offset;
    for (const field of findMergeFields(child.text)) {
      const unfilled = field.fallback === undefined && missing.has(field.name);
      const attrs: Record<string, string> = unfilled
        ? { class: 'merge-chip merge-chip-missing', role: 'mark', title: `{{${field.name}}} has no value for a recipient and no fallback` }
        : { class: 'merge-chip', title: field.fallback === undefined ? 'Filled for each recipient' : `Filled for each recipient, “${field.fallback}” when there is no value` };
      out.push(Decoration.inline(at + field.start, at + field.end, attrs));
    }
  });
  return out;
}

function build(doc: PmNode, missing: ReadonlySet<string>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => decorations.push(...decorationsIn(block, offset, missing)));
  return DecorationSet.create(doc, decorations);
}

/** After an edit: the old chips moved with the text, the touched text blocks scanned again. */
function rescan(tr: Transaction, state: MarksState): DecorationSet {
  let decorations = state.decorations.map(tr.mapping, tr.doc);
  const touched: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const rest = tr.mapping.slice(i + 1);
      touched.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  // A message opened or pasted whole: one pass over the new document, not a set edited block by block.
  const touchedSize = touched.reduce((sum, [from, to]) => sum + Math.max(0, to - from), 0);
  if (touchedSize > tr.doc.content.size / 2) return build(tr.doc, state.missing);
  for (const [from, to] of touched) {
    const start = Math.max(0, Math.min(from, tr.doc.content.size));
    const end = Math.max(start, Math.min(to, tr.doc.content.size));
    tr.doc.nodesBetween(start, end, (node, pos) => {
      if (!node.isTextblock) return true;
      decorations = decorations.remove(decorations.find(pos, pos + node.nodeSize));
      decorations = decorations.add(tr.doc, decorationsIn(node, pos, state.missing));
      return false;
    });
  }
  return decorations;
}

export const MergeMarks = Extension.create({
  name: 'mergeMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<MarksState>({
        key: mergeMarksKey,
        state: {
          init: (_config, state) => ({ missing: new Set(), decorations: build(state.doc, new Set()) }),
          apply(tr, value, _old, next) {
            const missing = tr.getMeta(mergeMarksKey) as ReadonlySet<string> | undefined;
            if (missing) return { missing, decorations: build(next.doc, missing) };
            return tr.docChanged ? { missing: value.missing, decorations: rescan(tr, value) } : value;
          },
        },
        props: {
          decorations: (state) => mergeMarksKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
