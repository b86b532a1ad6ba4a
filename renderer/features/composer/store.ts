import { create } from 'zustand';
import type { AttachmentRef, SubmitMessage } from '../../../shared/message.js';
import { bridge } from '../../lib/bridge.js';
import { addChips, addressesOf, chipsFrom, removeChip, type RecipientField, type RecipientLists } from './recipients.js';

// State
export type SendStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; text: string }
  | { kind: 'failed'; text: string; accountId: string | null };

/** Asked before Send goes ahead: an empty subject, a mention of an attachment with none attached. */
export interface PendingConfirm {
  questions: string[];
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
  /** Bumped when the composer starts a new message, so the editor clears its document. */
  generation: number;
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
};

export function withTypedRecipients(state: ComposerState, field: RecipientField, input: string): ComposerState {
  const { lists, merged } = addChips(state.lists, field, chipsFrom(input));
  const remark = merged.length > 0 ? `${merged.join(', ')} ${merged.length === 1 ? 'is' : 'are'} already a recipient, so ${merged.length === 1 ? 'it was' : 'they were'} not added twice.` : null;
  return { ...state, lists, remark: remark ?? state.remark };
}

export function withAttachments(state: ComposerState, added: AttachmentRef[]): ComposerState {
  const known = new Set(state.attachments.map((a) => a.token));
  return { ...state, attachments: [...state.attachments, ...added.filter((a) => !known.has(a.token))] };
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
  setRemark(remark: string | null): void;
  askConfirm(questions: string[]): void;
  dismissConfirm(): void;
  send(bodies: { html: string; text: string }): Promise<void>;
  startNew(): void;
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
  setRemark(remark) {
    set({ remark });
  },
  askConfirm(questions) {
    set({ confirm: { questions } });
  },
  dismissConfirm() {
    set({ confirm: null });
  },
  async send(bodies) {
    const state = get();
    if (!state.accountId || state.status.kind === 'sending') return;
    set({ status: { kind: 'sending' }, confirm: null });
    const result = await bridge().outbox.submit(toSubmitMessage(state, state.accountId, bodies));
    if (result.ok) {
      set({ ...initialComposerState, accountId: state.accountId, generation: state.generation + 1, status: { kind: 'sent', text: result.value.summary } });
    } else {
      // Everything typed stays: only the status changes, so the person can fix and resend.
      set({ status: { kind: 'failed', text: result.error.message, accountId: state.accountId } });
    }
  },
  startNew() {
    set((state) => ({ ...initialComposerState, accountId: state.accountId, generation: state.generation + 1 }));
  },
}));

// Selectors
export const selectLists = (state: ComposerState) => state.lists;
export const selectStatus = (state: ComposerState) => state.status;
export const selectAttachments = (state: ComposerState) => state.attachments;
