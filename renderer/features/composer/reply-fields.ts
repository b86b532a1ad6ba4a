import type { ReplyDraft } from '../../../shared/history.js';
import type { ReplyTarget } from '../../../shared/message.js';
import { chipFor, type RecipientLists } from './recipients.js';

/** What keeps a message written from the Sent view in its thread when it is sent. */
export interface ReplyLink {
  inReplyTo?: ReplyTarget;
  replyToHistoryId?: string;
}

export function replyLinkOf(source: { inReplyTo?: ReplyTarget | undefined; replyToHistoryId?: string | undefined }): ReplyLink | null {
  if (!source.inReplyTo && !source.replyToHistoryId) return null;
  return { ...(source.inReplyTo ? { inReplyTo: source.inReplyTo } : {}), ...(source.replyToHistoryId ? { replyToHistoryId: source.replyToHistoryId } : {}) };
}

function missingSentence(names: string[]): string | null {
  if (names.length === 0) return null;
  const one = names.length === 1;
  return `${names.join(', ')} ${one ? 'is' : 'are'} no longer stored, so ${one ? 'it was' : 'they were'} not attached; attach ${one ? 'it' : 'them'} again if needed.`;
}

/** The composer's fields for a reply, forward or copy: recipients, subject, quoted body, files, thread link and why it may not thread. */
export function replyFields(draft: ReplyDraft): {
  accountId: string;
  lists: RecipientLists;
  showCc: boolean;
  showBcc: boolean;
  subject: string;
  attachments: ReplyDraft['attachments'];
  doc: string;
  remark: string | null;
  reply: ReplyLink | null;
} {
  const remarks = [draft.note ?? null, missingSentence(draft.missingAttachments)].filter((r): r is string => r !== null);
  return {
    accountId: draft.accountId,
    lists: { to: draft.to.map(chipFor), cc: draft.cc.map(chipFor), bcc: draft.bcc.map(chipFor) },
    showCc: draft.cc.length > 0,
    showBcc: draft.bcc.length > 0,
    subject: draft.subject,
    attachments: draft.attachments,
    doc: draft.html,
    remark: remarks.length > 0 ? remarks.join(' ') : null,
    reply: replyLinkOf(draft),
  };
}
