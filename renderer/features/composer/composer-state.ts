/**
 * The composer's state and the pure updates on it (tested without a window); store.ts holds
 * the actions that reach main.
 */
import { extrasFor, NO_EXTRAS, type ExtrasFit, type TypedExtras } from '../../../shared/vendor-extras.js';
import type { JSONContent } from '@tiptap/react';
import type { EditableMessage } from '../../../shared/editable-message.js';
import type { AttachmentRef, SubmitMessage } from '../../../shared/message.js';
import type { ComposeAttach } from '../../../shared/compose-attach.js';
import type { AttachmentProgress } from '../../../shared/attachments.js';
import type { RequestPreview } from '../../../shared/preview.js';
import type { AutosaveStatus } from './draft-sync/autosave.js';
import type { BodyField } from './merge/merge-check.js';
import { fieldsOfDraft, type ReplyLink } from './draft-sync/draft-content.js';
import { addChips, addressesOf, chipsFrom, type RecipientField, type RecipientLists } from './recipients/recipients.js';

// State
export type SendStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'failed'; text: string; accountId: string | null };

/** Asked before Send goes ahead: an empty subject, a mention of an attachment with none attached. */
export interface PendingConfirm {
  questions: string[];
  /** Send later: the time chosen, kept while the person answers. */
  sendAt?: string;
}

export interface ComposerState {
  accountId: string | null;
  lists: RecipientLists;
  showCc: boolean;
  showBcc: boolean;
  subject: string;
  attachments: AttachmentRef[];
  /** Files added with 0 bytes, each waiting for "attach it anyway?" before joining `attachments`. */
  emptyFiles: AttachmentRef[];
  /** A picked file still on its way in (the browser harness uploads it): how much has arrived. */
  arriving: AttachmentProgress | null;
  status: SendStatus;
  /** A passing remark: merged duplicates, a signature left alone, an attachment refused. */
  remark: string | null;
  confirm: PendingConfirm | null;
  /** Bumped when the composer starts a new message or opens a draft, so the editor takes `doc`. */
  generation: number;
  /** What the editor shows after `generation` changed (a draft's JSON, or HTML); null starts empty. */
  doc: JSONContent | string | null;
  /** The draft being written, once saved, and the revision this window last saw. */
  draftId: string | null;
  revision: number | null;
  save: AutosaveStatus;
  /** Another window saved this draft first: the person chooses before anything is overwritten. */
  conflict: boolean;
  /** Why the last send of this draft failed, shown on it until it is sent. */
  draftError: string | null;
  /** The message just handed to the outbox, while Undo can still take it back. */
  lastSent: { id: string; summary: string; undoUntil: number; draftId: string | null } | null;
  /** A reply or copy opened from the Sent view: what keeps it in its thread when sent. */
  reply: ReplyLink | null;
  /** The table pasted for merge fields, as pasted; kept with the draft. */
  mergeTable: string;
  /** Send individually: one message per To recipient; `copies` says whether Cc/Bcc go on each or on none. */
  individually: boolean;
  copies: 'each' | 'none';
  /** "Preview request": what the vendor would receive for this message, or why it could not be built. */
  requestPreview: RequestPreview | null;
  /** Merge fields the body holds now (kept current from the editor), for the Send check. */
  bodyFields: BodyField[];
  /** "Log to" ids and tracking as typed, kept with the draft whatever the account. */
  extras: TypedExtras;
  /** What the chosen account's vendor carries of `extras` (set by the composer as the account changes). */
  extrasFit: ExtrasFit;
}

// Pure updates
export const emptyLists: RecipientLists = { to: [], cc: [], bcc: [] };

export const initialComposerState: ComposerState = {
  accountId: null,
  lists: emptyLists,
  showCc: false,
  showBcc: false,
  subject: '',
  attachments: [],
  emptyFiles: [],
  arriving: null,
  status: { kind: 'idle' },
  remark: null,
  confirm: null,
  generation: 0,
  doc: null,
  draftId: null,
  revision: null,
  save: { kind: 'idle' },
  conflict: false,
  draftError: null,
  lastSent: null,
  reply: null,
  mergeTable: '',
  individually: false,
  copies: 'each',
  requestPreview: null,
  bodyFields: [],
  extras: NO_EXTRAS,
  extrasFit: { crmLinks: 'none', tracking: false },
};

/** The account's signature below an HTML body, as a signature block (switching account replaces it). */
function signed(html: string, signatureHtml: string): string {
  return signatureHtml.trim() === '' ? html : `${html}<div data-signature>${signatureHtml}</div>`;
}

/**
 * The composer showing a message main opened: a draft exactly as it was saved, a reply or
 * copy from the Sent view, a `mailto:` link (signed with `signatureHtml`), or a message taken
 * back from the outbox. Invalid recipients come back as invalid chips, with their reason.
 */
export function withMessage(state: ComposerState, message: EditableMessage, signatureHtml = ''): ComposerState {
  const { doc, draft, sign, notice, lastError, ...content } = message;
  return {
    ...initialComposerState,
    ...fieldsOfDraft({ ...content, doc: { type: 'doc' } }),
    accountId: message.accountId ?? state.accountId,
    generation: state.generation + 1,
    doc: typeof doc === 'string' ? (sign ? signed(doc, signatureHtml) : doc) : (doc as JSONContent),
    draftId: draft?.id ?? null,
    revision: draft?.revision ?? null,
    save: draft ? { kind: 'saved', at: draft.updatedAt } : { kind: 'idle' },
    draftError: lastError,
    remark: notice,
    lastSent: state.lastSent,
    extrasFit: state.extrasFit,
  };
}

/** A fresh message on the same account. */
export function withNewMessage(state: ComposerState): ComposerState {
  return { ...initialComposerState, accountId: state.accountId, extrasFit: state.extrasFit, generation: state.generation + 1, lastSent: state.lastSent };
}

export function withTypedRecipients(state: ComposerState, field: RecipientField, input: string): ComposerState {
  const { lists, merged } = addChips(state.lists, field, chipsFrom(input));
  const remark = merged.length > 0 ? `${merged.join(', ')} ${merged.length === 1 ? 'is' : 'are'} already a recipient, so ${merged.length === 1 ? 'it was' : 'they were'} not added twice.` : null;
  return { ...state, lists, remark: remark ?? state.remark };
}

export function withAttachments(state: ComposerState, added: AttachmentRef[]): ComposerState {
  const known = new Set([...state.attachments, ...state.emptyFiles].map((a) => a.token));
  const fresh = added.filter((a) => !known.has(a.token));
  // An empty file is usually a mistake (a file still being written, a failed export): it is asked about first.
  return {
    ...state,
    attachments: [...state.attachments, ...fresh.filter((a) => a.size > 0)],
    emptyFiles: [...state.emptyFiles, ...fresh.filter((a) => a.size === 0)],
  };
}

/** The answer to "“empty.txt” is empty — attach it anyway?". */
export function withEmptyFileAnswer(state: ComposerState, token: string, attach: boolean): ComposerState {
  const file = state.emptyFiles.find((a) => a.token === token);
  if (!file) return state;
  const emptyFiles = state.emptyFiles.filter((a) => a.token !== token);
  return attach ? { ...state, emptyFiles, attachments: [...state.attachments, file] } : { ...state, emptyFiles };
}

/**
 * Files dropped on the app's icon, already copied by main: added to the message with main's
 * notice about any left out, or, when the account's provider takes no files (`refusal`),
 * left out with the composer's refusal sentence.
 */
export function withIconFiles(state: ComposerState, payload: ComposeAttach, refusal: string | null): ComposerState {
  if (refusal) return { ...state, remark: `${refusal} Choose another account to attach files.` };
  return { ...withAttachments(state, payload.attachments), remark: payload.notice ?? state.remark };
}

/** The message as `outbox:submit` takes it; bodies come from the editor at the moment of sending. */
export function toSubmitMessage(state: ComposerState, accountId: string, bodies: { html: string; text: string }): SubmitMessage {
  return {
    accountId,
    to: addressesOf(state.lists.to),
    cc: addressesOf(state.lists.cc),
    bcc: addressesOf(state.lists.bcc),
    subject: state.subject.trim(),
    html: bodies.html,
    text: bodies.text,
    attachments: state.attachments,
    ...(state.reply?.inReplyTo ? { inReplyTo: state.reply.inReplyTo } : {}),
    ...(state.reply?.replyToHistoryId ? { replyToHistoryId: state.reply.replyToHistoryId } : {}),
    ...extrasFor(state.extras, state.extrasFit),
  };
}

