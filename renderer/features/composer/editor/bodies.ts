import type { Editor } from '@tiptap/react';
import type { EmailDocNode } from '../../../../shared/email-html.js';
import { unwrapSignature } from './signature.js';

/**
 * The html and text bodies, made from the editor's document only when they are needed.
 * The converters (html-to-text and its parser) load on the first send, not at start.
 */
export async function bodiesOf(editor: Editor): Promise<{ html: string; text: string }> {
  const { docToEmailHtml, htmlToPlainText } = await import('../../../../shared/email-html.js');
  // getJSON() always names each node's type; the editor's type only leaves it optional.
  const html = docToEmailHtml(unwrapSignature(editor.getJSON()) as EmailDocNode);
  return { html, text: htmlToPlainText(html) };
}
