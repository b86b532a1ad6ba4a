import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { Node, mergeAttributes, type Editor, type JSONContent } from '@tiptap/react';
import { docText } from '../../../../shared/doc-text.js';

/**
 * The account's signature lives in its own block node, so switching accounts can find
 * exactly the signature it inserted and replace it, instead of stacking a second one.
 */
export const SignatureNode = Node.create({
  name: 'signature',
  group: 'block',
  content: 'block+',
  defining: true,
  parseHTML() {
    return [{ tag: 'div[data-signature]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-signature': '', class: 'composer-signature' }), 0];
  },
});

function hasTextBefore(doc: ProseMirrorNode, end: number): boolean {
  let found = false;
  doc.forEach((node, offset) => {
    if (!found && offset < end && node.textContent.trim() !== '') found = true;
  });
  return found;
}

/**
 * Until something has been written above it, a press anywhere in the body puts the caret
 * at the start of the message, never in the signature (where the browser would put it for
 * a click below the text). Returns true when it placed the caret itself.
 */
export function caretAboveSignatureOnPress(view: EditorView, event: MouseEvent): boolean {
  const start = signatureStart(view.state.doc);
  if (event.button !== 0 || start === null || hasTextBefore(view.state.doc, start)) return false;
  event.preventDefault();
  view.focus();
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1)));
  return true;
}

export type SignatureOutcome = 'inserted' | 'replaced' | 'removed' | 'kept-edited' | 'unchanged';

/** Where the signature block begins in a document, or null when it has none. */
export function signatureStart(doc: ProseMirrorNode): number | null {
  let start: number | null = null;
  doc.forEach((node, offset) => {
    if (start === null && node.type.name === 'signature') start = offset;
  });
  return start;
}

function locate(editor: Editor): { pos: number; json: JSONContent; size: number } | null {
  let found: { pos: number; json: JSONContent; size: number } | null = null;
  editor.state.doc.forEach((node, offset) => {
    if (!found && node.type.name === 'signature') found = { pos: offset, json: node.toJSON() as JSONContent, size: node.nodeSize };
  });
  return found;
}

function sameJson(a: JSONContent, b: JSONContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The signature block as it stands in the editor now, or null. */
export function currentSignature(editor: Editor): JSONContent | null {
  return locate(editor)?.json ?? null;
}

/**
 * Puts `nextHtml` where the previous account's signature was. `inserted` is the signature
 * as this composer last inserted it: when the one in the document differs, the person
 * edited it by hand and it is left alone. Returns what happened and the new signature as
 * inserted (to compare against next time).
 */
export function swapSignature(editor: Editor, nextHtml: string, inserted: JSONContent | null): { outcome: SignatureOutcome; inserted: JSONContent | null } {
  const current = locate(editor);
  const hasNext = nextHtml.trim() !== '';
  if (current && inserted && !sameJson(current.json, inserted)) return { outcome: 'kept-edited', inserted };
  if (current && !inserted) return { outcome: 'kept-edited', inserted: null };
  // Not an edit of the person's: Undo must not take the signature away (or bring an old one back).
  const chain = editor.chain().command(({ tr }) => {
    tr.setMeta('addToHistory', false);
    return true;
  });
  const at = current ? current.pos : editor.state.doc.content.size;
  if (current) chain.deleteRange({ from: current.pos, to: current.pos + current.size });
  if (hasNext) chain.insertContentAt(at, `<div data-signature>${nextHtml}</div>`, { updateSelection: false });
  chain.run();
  const now = locate(editor);
  const outcome: SignatureOutcome = current ? (hasNext ? 'replaced' : 'removed') : hasNext ? 'inserted' : 'unchanged';
  return { outcome, inserted: now ? now.json : null };
}

/** The document without the signature wrapper (its blocks kept), for the email bodies. */
export function unwrapSignature(doc: JSONContent): JSONContent {
  const content = (doc.content ?? []).flatMap((node) => (node.type === 'signature' ? (node.content ?? []) : [node]));
  return { ...doc, content };
}

const AUTHORED_ONLY: ReadonlySet<string> = new Set(['signature', 'blockquote']);

/** The document without the signature and quoted text: what the attachment reminder reads. */
export function authoredText(doc: JSONContent): string {
  return docText(doc, AUTHORED_ONLY);
}
