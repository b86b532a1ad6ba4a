import type { ComposeOpen } from '../../../shared/compose-open.js';
import { chipFor, chipsFrom, type Chip } from './recipients.js';
import type { ComposerState } from './store.js';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A link's plain-text body as editor HTML: a blank line starts a new paragraph, a single line
 * break stays a line break inside it, as the sender laid the text out.
 */
export function plainTextToHtml(body: string): string {
  const text = body.replace(/\r\n?/g, '\n').trim();
  if (text === '') return '';
  return text
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/**
 * The fields of a composer opened from a `mailto:` link: its recipients, subject and body, the
 * account's signature below the body (as a signature block, so switching account replaces it),
 * and the link's notice as the remark. Recipients the link held that are not addresses come
 * back as invalid To chips, so the person sees and fixes them instead of losing them.
 */
export function composeRequestFields(request: ComposeOpen, signatureHtml: string): Pick<ComposerState, 'lists' | 'showCc' | 'showBcc' | 'subject' | 'doc' | 'remark'> {
  const chips = (addresses: ComposeOpen['to']): Chip[] => addresses.map(chipFor);
  const invalid = request.invalid.flatMap((raw) => chipsFrom(raw));
  const body = plainTextToHtml(request.body);
  const signature = signatureHtml.trim() === '' ? '' : `<div data-signature>${signatureHtml}</div>`;
  return {
    lists: { to: [...chips(request.to), ...invalid], cc: chips(request.cc), bcc: chips(request.bcc) },
    showCc: request.cc.length > 0,
    showBcc: request.bcc.length > 0,
    subject: request.subject,
    // Never an empty string: that reads as "nothing opened" and would keep the previous text.
    doc: `${body || '<p></p>'}${signature}`,
    remark: request.notice,
  };
}
