import { closeHistory } from '@tiptap/pm/history';
import type { ChainedCommands, Editor } from '@tiptap/react';
import { signatureStart } from '../editor/signature.js';

/** The body as written, without the account's signature: what a template keeps. */
export function authoredHtml(editor: Editor): string {
  const body = new DOMParser().parseFromString(editor.getHTML(), 'text/html').body;
  for (const signature of body.querySelectorAll('[data-signature]')) signature.remove();
  return body.textContent?.trim() === '' && body.querySelector('img, hr') === null ? '' : body.innerHTML;
}

/** Each template or snippet put in is one step of its own for Undo, never merged with the typing around it. */
function ownStep(editor: Editor): ChainedCommands {
  return editor
    .chain()
    .focus()
    .command(({ tr }) => {
      closeHistory(tr);
      return true;
    });
}

/** Where the written part ends: the signature's start, or the document's end. */
function authoredEnd(editor: Editor): number {
  return signatureStart(editor.state.doc) ?? editor.state.doc.content.size;
}

/** A template's body in place of what was written above the signature (one step for Undo). */
export function replaceBody(editor: Editor, html: string): void {
  ownStep(editor)
    .insertContentAt({ from: 0, to: authoredEnd(editor) }, html.trim() === '' ? '<p></p>' : html)
    .run();
}

/** A template's body below what was written, above the signature. */
export function appendBody(editor: Editor, html: string): void {
  ownStep(editor).insertContentAt(authoredEnd(editor), html).run();
}

/** A one-paragraph snippet is words within the line it goes into, not a paragraph of its own. */
export function inlineIfOneParagraph(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const [only] = body.children;
  const onlyParagraph = body.children.length === 1 && only?.tagName === 'P' && body.childNodes.length === 1;
  return onlyParagraph ? only.innerHTML : html;
}

/** A snippet where the caret is (or in place of the `/name` typed to find it). */
export function insertAt(editor: Editor, range: { from: number; to: number }, html: string): void {
  ownStep(editor).insertContentAt(range, inlineIfOneParagraph(html)).run();
}
