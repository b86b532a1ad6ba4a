import type { JSONContent } from '@tiptap/react';
import { formatAddress } from '../../../../shared/address.js';
import type { DraftContent, DraftRecipient } from '../../../../shared/drafts.js';
import { NO_EXTRAS, type TypedExtras } from '../../../../shared/vendor-extras.js';
import { chipsFrom, type Chip, type RecipientLists } from '../recipients/recipients.js';
import { authoredText } from '../editor/signature.js';

/** A chip as a draft keeps it: valid ones as addresses, the rest exactly as typed. */
export function recipientOf(chip: Chip): DraftRecipient {
  if (chip.address) return chip.address.name ? { name: chip.address.name, email: chip.address.email } : { email: chip.address.email };
  return { email: chip.raw };
}

export function chipsOf(recipients: DraftRecipient[]): Chip[] {
  return recipients.flatMap((r) => chipsFrom(r.name ? formatAddress({ name: r.name, email: r.email }) : r.email));
}

/** What keeps a message written from the Sent view in its thread when it is sent. */
export type ReplyLink = NonNullable<DraftContent['reply']>;

/** What the composer holds apart from the editor, as much of it as a draft keeps. */
export interface ComposerFields {
  accountId: string | null;
  lists: RecipientLists;
  subject: string;
  showCc: boolean;
  showBcc: boolean;
  attachments: DraftContent['attachments'];
  reply: ReplyLink | null;
  /** The pasted merge table, as pasted ('' when none). */
  mergeTable: string;
  extras: TypedExtras;
}

export function draftContentOf(fields: ComposerFields, doc: JSONContent): DraftContent {
  return {
    accountId: fields.accountId,
    to: fields.lists.to.map(recipientOf),
    cc: fields.lists.cc.map(recipientOf),
    bcc: fields.lists.bcc.map(recipientOf),
    subject: fields.subject,
    doc: { ...doc, type: doc.type ?? 'doc' },
    showCc: fields.showCc,
    showBcc: fields.showBcc,
    attachments: fields.attachments,
    ...(fields.reply ? { reply: fields.reply } : {}),
    ...(fields.mergeTable.trim() !== '' ? { mergeTable: fields.mergeTable } : {}),
    ...(hasExtras(fields.extras) ? { extras: fields.extras } : {}),
  };
}

function hasExtras(extras: TypedExtras): boolean {
  return extras.tracking || Object.values(extras.crm).some((v) => (v ?? '').trim() !== '');
}

/** Nothing a person wrote: no draft is made for it (an untouched composer with its signature). */
export function isBlankDraft(content: DraftContent): boolean {
  return (
    content.to.length + content.cc.length + content.bcc.length === 0 &&
    content.subject.trim() === '' &&
    content.attachments.length === 0 &&
    (content.mergeTable ?? '').trim() === '' &&
    !(content.extras && hasExtras(content.extras)) &&
    authoredText(content.doc as JSONContent).trim() === ''
  );
}

/** The composer's fields as a saved draft had them; invalid chips come back invalid, with their reason. */
export function fieldsOfDraft(content: DraftContent): ComposerFields {
  return {
    accountId: content.accountId,
    lists: { to: chipsOf(content.to), cc: chipsOf(content.cc), bcc: chipsOf(content.bcc) },
    subject: content.subject,
    showCc: content.showCc || content.cc.length > 0,
    showBcc: content.showBcc || content.bcc.length > 0,
    attachments: content.attachments,
    reply: content.reply && (content.reply.inReplyTo || content.reply.replyToHistoryId) ? content.reply : null,
    mergeTable: content.mergeTable ?? '',
    extras: content.extras ?? NO_EXTRAS,
  };
}
