/**
 * The composer's state and the pure updates on it (tested without a window); store.ts holds
 * the actions that reach main.
 */
import type { JSONContent } from '@tiptap/react';
import type { Draft } from '../../../shared/drafts.js';
import type { ReplyDraft } from '../../../shared/history.js';
import type { AttachmentRef, SubmitMessage } from '../../../shared/message.js';
import type { ComposeOpen } from '../../../shared/compose-open.js';
import type { ComposeAttach } from '../../../shared/compose-attach.js';
import type { AutosaveStatus } from './autosave.js';
import type { BodyField } from './merge-check.js';
import { composeRequestFields } from './compose-request.js';
import { fieldsOfDraft } from './draft-content.js';
import { replyFields, replyLinkOf, type ReplyLink } from './reply-fields.js';
import { addChips, addressesOf, chipFor, chipsFrom, type RecipientField, type RecipientLists } from './recipients.js';

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
  /** Merge fields the body holds now (kept current from the editor), for the Send check. */
  bodyFields: BodyField[];
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
  bodyFields: [],
};

/** The composer showing a saved draft, exactly as it was saved. */
export function withOpenedDraft(state: ComposerState, draft: Draft): ComposerState {
  return {
    ...initialComposerState,
    ...fieldsOfDraft(draft.content),
    generation: state.generation + 1,
    doc: draft.content.doc as JSONContent,
    draftId: draft.id,
    revision: draft.revision,
    save: { kind: 'saved', at: draft.updatedAt },
    draftError: draft.lastError,
  };
}

/** A fresh message on the same account. */
export function withNewMessage(state: ComposerState): ComposerState {
  return { ...initialComposerState, accountId: state.accountId, generation: state.generation + 1, lastSent: state.lastSent };
}

/** A message Undo took back from the outbox, when its draft is gone: rebuilt from what was sent. */
export function withUnsentMessage(state: ComposerState, message: SubmitMessage): ComposerState {
  const chips = (addresses: SubmitMessage['to']) => addresses.map(chipFor);
  return {
    ...initialComposerState,
    accountId: message.accountId,
    lists: { to: chips(message.to), cc: chips(message.cc), bcc: chips(message.bcc) },
    showCc: message.cc.length > 0,
    showBcc: message.bcc.length > 0,
    subject: message.subject,
    attachments: message.attachments,
    generation: state.generation + 1,
    doc: message.html,
    reply: replyLinkOf(message),
  };
}

/** A new message from a `mailto:` link, on the same account, signed with `signatureHtml`. */
export function withComposeRequest(state: ComposerState, request: ComposeOpen, signatureHtml: string): ComposerState {
  return { ...initialComposerState, accountId: state.accountId, generation: state.generation + 1, lastSent: state.lastSent, ...composeRequestFields(request, signatureHtml) };
}

/** Reply, Reply all, Forward or a copy from the Sent view, ready to edit and send. */
export function withReplyDraft(state: ComposerState, draft: ReplyDraft): ComposerState {
  return { ...initialComposerState, ...replyFields(draft), generation: state.generation + 1, lastSent: state.lastSent };
}

export function withTypedRecipients(state: ComposerState, field: RecipientField, input: string): ComposerState {
  const { lists, merged } = addChips(state.lists, field, chipsFrom(input));
  const remark = merged.length > 0 ? `${merged.join(', ')} ${merged.length === 1 ? 'is' : 'are'} already a recipient, so ${merged.length === 1 ? 'it was' : 'they were'} not added twice.` : null;
  return { ...state, lists, remark: remark ?? state.remark };
}

export function withAttachments(state: ComposerState, added: AttachmentRef[]): ComposerState {
  const known = new Set(state.attachments.map((a) => a.token));
  return { ...state, attachments: [...state.attachments, ...added.filter((a) => !known.has(a.token))] };
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
  };
}

