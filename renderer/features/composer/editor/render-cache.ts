import type { Attrs, DOMOutputSpec, Mark, Node as PmNode, Schema } from '@tiptap/pm/model';
import { Extension } from '@tiptap/react';

/** Node and mark types whose drawing depends on their attributes alone (never their text, never the editor's state). */
const NODES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'codeBlock', 'horizontalRule', 'hardBreak'];
const MARKS = ['bold', 'italic', 'strike', 'underline', 'code'];

type ToDom<T> = (item: T, ...rest: boolean[]) => DOMOutputSpec;

/**
 * One drawing spec per attribute object: ProseMirror shares the attributes of every node (mark)
 * of a type that has the default ones, so the thousands of plain paragraphs of a long quoted
 * thread ask TipTap's renderHTML (which merges every extension's attributes) once instead of
 * once each. A spec that is a DOM node can be inserted only once and is never kept.
 */
function cachedByAttrs<T extends { attrs: Attrs }>(toDOM: ToDom<T>): ToDom<T> {
  const specs = new WeakMap<Attrs, DOMOutputSpec>();
  return (item, ...rest) => {
    const known = specs.get(item.attrs);
    if (known) return known;
    const spec = toDOM(item, ...rest);
    if (Array.isArray(spec)) specs.set(item.attrs, spec);
    return spec;
  };
}

/** Wraps the listed types' toDOM in `schema` (an editor's own schema, made for it alone). */
export function cacheRenderedSpecs(schema: Schema): void {
  for (const name of NODES) {
    const spec = schema.nodes[name]?.spec;
    if (spec?.toDOM) spec.toDOM = cachedByAttrs<PmNode>(spec.toDOM);
  }
  for (const name of MARKS) {
    const spec = schema.marks[name]?.spec;
    if (spec?.toDOM) spec.toDOM = cachedByAttrs<Mark>(spec.toDOM);
  }
}

/** Draws plain blocks and marks from a cached spec (see cachedByAttrs). */
export const RenderCache = Extension.create({
  name: 'renderCache',
  onBeforeCreate() {
    cacheRenderedSpecs(this.editor.schema);
  },
});
