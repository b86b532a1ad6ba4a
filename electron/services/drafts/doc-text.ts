import type { DraftContent } from '../../../shared/drafts.js';
import { docText } from '../../../shared/doc-text.js';
import { snippetFromText } from '../../../shared/snippet.js';

const SNIPPET_CHARS = 120;
const RECIPIENTS_CHARS = 300;

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
