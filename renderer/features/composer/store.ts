import type { JSONContent } from '@tiptap/react';
import { create } from 'zustand';
import type { Draft, DraftVersion } from '../../../shared/drafts.js';
import type { ReplyDraft } from '../../../shared/history.js';
import type { AttachmentRef, SubmitMessage } from '../../../shared/message.js';
import { bridge } from '../../lib/bridge.js';
import type { ComposeOpen } from '../../../shared/compose-open.js';
import type { ComposeAttach } from '../../../shared/compose-attach.js';
import type { AutosaveStatus } from './autosave.js';
import { composeRequestFields } from './compose-request.js';
import { fieldsOfDraft } from './draft-content.js';
import { composerIsBlank, flushDraft, markDraftChanged, saveDraftAsCopy } from './draft-sync.js';
import { replyFields, replyLinkOf, type ReplyLink } from './reply-fields.js';
import { addChips, addressesOf, chipFor, chipsFrom, removeChip, type RecipientField, type RecipientLists } from './recipients.js';

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

// Actions
interface ComposerActions {
  setAccount(id: string | null): void;
  addRecipients(field: RecipientField, input: string): void;
  removeRecipient(field: RecipientField, id: string): void;
  removeLastRecipient(field: RecipientField): void;
  showField(field: 'cc' | 'bcc'): void;
  setSubject(subject: string): void;
  pickAttachments(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  removeAttachment(token: string): void;
  /** Attaches files main copied (dropped on the app's icon); with a `refusal` their copies are let go. */
  attach(payload: ComposeAttach, refusal: string | null): Promise<void>;
  setRemark(remark: string | null): void;
  askConfirm(questions: string[], sendAt?: string): void;
  dismissConfirm(): void;
  /** Hands the message to the outbox: now (after the undo delay) or at `sendAt` (ISO). */
  send(bodies: { html: string; text: string }, sendAt?: string): Promise<void>;
  /** Takes the last sent message back from the outbox into the composer, as it was. */
  undoSend(): Promise<void>;
  dismissSent(): void;
  /** Saves the open draft, then starts an empty message. */
  startNew(): Promise<void>;
  /** Saves the open draft, then starts a message filled from a `mailto:` link. */
  openCompose(request: ComposeOpen, signatureHtml: string): Promise<void>;
  /** Saves the open draft, then shows draft `id` exactly as it was saved. */
  openDraft(id: string): Promise<void>;
  /** After a conflict: this window's text becomes a draft of its own beside the other window's. */
  keepBoth(): Promise<void>;
  forgetDraft(id: string): void;
  /** Puts an earlier version back; what was there is kept as a version first. */
  restoreVersion(version: DraftVersion): Promise<void>;
  /** Saves the open draft, then opens a reply, forward or copy built from the Sent view. */
  openReply(draft: ReplyDraft): Promise<void>;
}

const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

export const useComposerStore = create<ComposerState & ComposerActions>()((set, get) => ({
  ...initialComposerState,
  setAccount(id) {
    set({ accountId: id });
    void flushDraft();
  },
  addRecipients(field, input) {
    if (input.trim() === '') return;
    set((state) => withTypedRecipients(state, field, input));
  },
  removeRecipient(field, id) {
    set((state) => ({ lists: removeChip(state.lists, field, id) }));
  },
  removeLastRecipient(field) {
    const last = get().lists[field].at(-1);
    if (last) get().removeRecipient(field, last.id);
  },
  showField(field) {
    set(field === 'cc' ? { showCc: true } : { showBcc: true });
  },
  setSubject(subject) {
    set({ subject });
  },
  async pickAttachments() {
    const result = await bridge().attachments.pick();
    if (result.ok) set((state) => withAttachments(state, result.value));
    else set({ remark: result.error.message });
  },
  async importFiles(files) {
    for (const file of files) {
      if (file.size > MAX_IMPORT_BYTES) {
        set({ remark: `“${file.name}” is larger than 25 MB and was not attached.` });
        continue;
      }
      const result = await bridge().attachments.import({ filename: file.name || 'pasted-file', mimeType: file.type || 'application/octet-stream', dataBase64: await fileToBase64(file) });
      if (result.ok) set((state) => withAttachments(state, [result.value]));
      else set({ remark: `“${file.name}” could not be attached: ${result.error.message}` });
    }
  },
  removeAttachment(token) {
    set((state) => ({ attachments: state.attachments.filter((a) => a.token !== token) }));
  },
  async attach(payload, refusal) {
    set((state) => withIconFiles(state, payload, refusal));
    const tokens = payload.attachments.map((a) => a.token);
    if (refusal && tokens.length > 0) await bridge().attachments.discard({ tokens });
  },
  setRemark(remark) {
    set({ remark });
  },
  askConfirm(questions, sendAt) {
    set({ confirm: sendAt ? { questions, sendAt } : { questions } });
  },
  dismissConfirm() {
    set({ confirm: null });
  },
  async send(bodies, sendAt) {
    if (!get().accountId || get().status.kind === 'sending') return;
    set({ status: { kind: 'sending' }, confirm: null });
    // The draft is on disk before the message leaves, so a failed send can never lose it.
    await flushDraft();
    const state = get();
    if (!state.accountId) return;
    const message = { ...toSubmitMessage(state, state.accountId, bodies), ...(state.draftId ? { draftId: state.draftId } : {}), ...(sendAt ? { sendAt } : {}) };
    const result = await bridge().outbox.submit(message);
    if (result.ok) {
      const { id, summary, undoUntil } = result.value;
      set({ ...withNewMessage(state), lastSent: { id, summary, undoUntil, draftId: state.draftId } });
    } else {
      // Everything typed stays: only the status changes, so the person can fix and resend.
      set({ status: { kind: 'failed', text: result.error.message, accountId: state.accountId }, draftError: result.error.message });
    }
  },
  async startNew() {
    await flushDraft();
    set((state) => withNewMessage(state));
  },
  async openCompose(request, signatureHtml) {
    await flushDraft();
    set((state) => withComposeRequest(state, request, signatureHtml));
    // A link's message is kept like typed text, so a second link or a crash does not lose it.
    markDraftChanged();
  },
  async openDraft(id) {
    if (get().draftId === id) return;
    await flushDraft();
    const result = await bridge().drafts.get({ id });
    if (result.ok) set((state) => withOpenedDraft(state, result.value));
    else set({ remark: result.error.message });
  },
  async keepBoth() {
    await saveDraftAsCopy();
  },
  async undoSend() {
    const sent = get().lastSent;
    if (!sent) return;
    const result = await bridge().outbox.cancel({ id: sent.id });
    if (!result.ok) {
      set({ lastSent: null, remark: result.error.message });
      return;
    }
    await flushDraft();
    set({ lastSent: null });
    // The draft (kept until the vendor accepts) holds the exact document, signature block included.
    const draft = sent.draftId ? await bridge().drafts.get({ id: sent.draftId }) : null;
    // A draft does not keep the reply link; the message Undo took back does.
    if (draft?.ok) set((state) => ({ ...withOpenedDraft(state, draft.value), reply: replyLinkOf(result.value) }));
    else set((state) => withUnsentMessage(state, result.value));
  },
  dismissSent() {
    set({ lastSent: null });
  },
  async restoreVersion(version) {
    await flushDraft();
    const { draftId, revision } = get();
    if (draftId !== version.draftId || revision === null) return;
    const saved = await bridge().drafts.save({ id: draftId, baseRevision: revision, content: version.content, keepVersion: true });
    if (!saved.ok) {
      set({ remark: saved.error.message, conflict: saved.error.kind === 'conflict' });
      return;
    }
    const draft = await bridge().drafts.get({ id: draftId });
    if (draft.ok) set((state) => withOpenedDraft(state, draft.value));
  },
  async openReply(draft) {
    await flushDraft();
    set((state) => withReplyDraft(state, draft));
  },
  forgetDraft(id) {
    // The open draft was deleted from the list: start over rather than save it back.
    if (get().draftId === id) set((state) => withNewMessage(state));
  },
}));

// Selectors
export const selectLists = (state: ComposerState) => state.lists;
export const selectStatus = (state: ComposerState) => state.status;
export const selectAttachments = (state: ComposerState) => state.attachments;

/** Nothing opened or written since the app started. */
export function composerIsPristine(state: ComposerState = useComposerStore.getState()): boolean {
  return state.generation === 0 && state.draftId === null && composerIsBlank();
}
