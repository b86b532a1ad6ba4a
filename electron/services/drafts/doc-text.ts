import type { DraftContent } from '../../../shared/drafts.js';
import { snippetFromText } from '../../../shared/snippet.js';

const SNIPPET_CHARS = 120;
const RECIPIENTS_CHARS = 300;

/** Node types that end a line of text in the TipTap/ProseMirror document. */
const LINE_BREAKING = new Set(['paragraph', 'heading', 'blockquote', 'codeBlock', 'listItem', 'hardBreak', 'horizontalRule', 'bulletList', 'orderedList']);

/**
 * The plain text of an editor document, for the snippet and the large-deletion check. Walks
 * with an explicit stack: a pasted document can nest deeper than the call stack allows.
 */
export function docText(doc: unknown, skip: ReadonlySet<string> = new Set()): string {
  const parts: string[] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof type === 'string' && skip.has(type)) continue;
    if (typeof text === 'string') parts.push(text);
    if (typeof type === 'string' && LINE_BREAKING.has(type)) parts.push('\n');
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
  }
  return parts.join('');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The first ~120 characters of the body's words, whitespace folded. */
export function snippetOf(text: string): string {
  return snippetFromText(text, SNIPPET_CHARS);
}

/** What the person wrote: the document's text without the signature block the composer adds. */
export function authoredText(doc: unknown): string {
  return docText(doc, new Set(['signature']));
}

/** "Ann, bob@y.org" from To, Cc and Bcc: a name where there is one, else the address as typed. */
export function recipientsLine(content: Pick<DraftContent, 'to' | 'cc' | 'bcc'>): string {
  const names = [...content.to, ...content.cc, ...content.bcc].map((r) => (r.name?.trim() || r.email.trim())).filter((n) => n.length > 0);
  return shorten(names.join(', '), RECIPIENTS_CHARS);
}
