import { z } from 'zod';
import { draftContentSchema, draftDocSchema, draftIdSchema, type Draft, type DraftRecipient } from './drafts.js';
import { escapeHtml } from './escape-html.js';
import type { AttachmentRef, ReplyTarget, SubmitMessage } from './message.js';

/**
 * The one shape the composer opens: a new message, a draft, a reply or forward, a `mailto:`
 * link, a message taken back from the outbox (Undo, Edit) or a copy to send again. Main turns
 * each of them into this, so the renderer has one `open(message)` and no converters. It holds
 * what the composer shows, including what is not valid yet (a recipient as typed).
 */
export const editableMessageSchema = draftContentSchema.omit({ doc: true }).extend({
  /** The editor's JSON document (a draft), or HTML (a quoted reply, a link's text, a message as it was sent). */
  doc: z.union([draftDocSchema, z.string().max(20 * 1024 * 1024)]),
  /** The draft it is kept in and the revision read; null until the composer first saves it. */
  draft: z.object({ id: draftIdSchema, revision: z.number().int().positive(), updatedAt: z.number() }).nullable(),
  /** Put the account's signature below the body (a new message from a link). */
  sign: z.boolean(),
  /** A sentence for beside the composer: what a link lacked, why a reply will not thread, that it left the outbox. */
  notice: z.string().nullable(),
  /** Why its last send failed, shown on it until it is sent. */
  lastError: z.string().nullable(),
});
export type EditableMessage = z.infer<typeof editableMessageSchema>;

const EMPTY_DOC = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * Plain text (a link's body) as editor HTML: a blank line starts a new paragraph, a single
 * line break stays a line break inside it, as the sender laid the text out.
 */
export function plainTextToHtml(body: string): string {
  const text = body.replace(/\r\n?/g, '\n').trim();
  if (text === '') return '';
  return text
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** What keeps a message written from the Sent view in its thread, when it has anything. */
export function replyLinkOf(source: { inReplyTo?: ReplyTarget | undefined; replyToHistoryId?: string | undefined }): EditableMessage['reply'] {
  if (!source.inReplyTo && !source.replyToHistoryId) return undefined;
  return { ...(source.inReplyTo ? { inReplyTo: source.inReplyTo } : {}), ...(source.replyToHistoryId ? { replyToHistoryId: source.replyToHistoryId } : {}) };
}

/** Files a copy could not carry because their stored copies are gone, as a sentence; null when none. */
export function missingFilesSentence(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const one = names.length === 1;
  return `${names.join(', ')} ${one ? 'is' : 'are'} no longer stored, so ${one ? 'it was' : 'they were'} not attached; attach ${one ? 'it' : 'them'} again if needed.`;
}

/** A message with these fields and nothing else: no draft yet, no notice, no signature. */
export function newEditable(fields: Partial<EditableMessage> & Pick<EditableMessage, 'doc'>): EditableMessage {
  const { to = [], cc = [], bcc = [] } = fields;
  return {
    accountId: null,
    subject: '',
    attachments: [],
    draft: null,
    sign: false,
    notice: null,
    lastError: null,
    ...fields,
    to,
    cc,
    bcc,
    showCc: fields.showCc ?? cc.length > 0,
    showBcc: fields.showBcc ?? bcc.length > 0,
  };
}

/** A saved draft, exactly as it was saved. */
export function editableFromDraft(draft: Draft, notice: string | null = null): EditableMessage {
  const { doc, ...content } = draft.content;
  return { ...content, doc, draft: { id: draft.id, revision: draft.revision, updatedAt: draft.updatedAt }, sign: false, notice, lastError: draft.lastError };
}

function recipients(list: readonly { name?: string | undefined; email: string }[]): DraftRecipient[] {
  return list.map((a) => (a.name ? { name: a.name, email: a.email } : { email: a.email }));
}

/**
 * A message as it went into the outbox (Undo, Edit): its draft when that is still kept (the
 * exact document, signature block included), else rebuilt from what was submitted.
 */
export function editableFromSubmitted(message: SubmitMessage, draft: Draft | null, notice: string | null): EditableMessage {
  const reply = replyLinkOf(message);
  if (draft) {
    const opened = editableFromDraft(draft, notice);
    return reply ? { ...opened, reply } : opened;
  }
  return newEditable({
    accountId: message.accountId,
    to: recipients(message.to),
    cc: recipients(message.cc),
    bcc: recipients(message.bcc),
    subject: message.subject,
    doc: message.html || EMPTY_DOC,
    attachments: message.attachments,
    ...(reply ? { reply } : {}),
    notice,
  });
}

/** Recipients, subject, body and files for a copy, reply or forward built from the history. */
export interface HistoryCopy {
  accountId: string;
  to: readonly { name?: string | undefined; email: string }[];
  cc: readonly { name?: string | undefined; email: string }[];
  bcc: readonly { name?: string | undefined; email: string }[];
  subject: string;
  html: string;
  /** A copy's plain-text body as it was sent (a reply's or forward's is written anew). */
  text?: string | undefined;
  inReplyTo?: ReplyTarget | undefined;
  replyToHistoryId?: string | undefined;
  note?: string | undefined;
  attachments: AttachmentRef[];
  missingAttachments: string[];
}

/** A reply, forward or copy of a recorded message, with why it may not thread and which files are gone. */
export function editableFromHistory(copy: HistoryCopy): EditableMessage {
  const notes = [copy.note ?? null, missingFilesSentence(copy.missingAttachments)].filter((n): n is string => n !== null);
  const reply = replyLinkOf(copy);
  return newEditable({
    accountId: copy.accountId,
    to: recipients(copy.to),
    cc: recipients(copy.cc),
    bcc: recipients(copy.bcc),
    subject: copy.subject,
    doc: copy.html || EMPTY_DOC,
    attachments: copy.attachments,
    ...(reply ? { reply } : {}),
    notice: notes.length > 0 ? notes.join(' ') : null,
  });
}
