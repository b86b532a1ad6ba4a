import { create } from 'zustand';
import type { DraftVersion } from '../../../shared/drafts.js';
import type { ExtrasFit, TypedExtras } from '../../../shared/vendor-extras.js';
import type { EditableMessage } from '../../../shared/editable-message.js';
import { oneLine } from '../../../shared/inert-text.js';
import { bridge } from '../../lib/bridge.js';
import { attachmentActions, type AttachmentActions } from './attachments/attachment-actions.js';
import { dismissToast, showToast } from '../toasts/index.js';
import { requestComposerFocus } from './composer-focus.js';
import type { EditorLink } from './editor-link.js';
import { showSendToast } from './sending/send-toast.js';
import { personalize, readTable } from './merge/merge-check.js';
import { removeChip, type RecipientField } from './recipients/recipients.js';
import { withTemplateFields } from './templates/template-fields.js';
import type { Template } from '../../../shared/templates.js';
import {
  initialComposerState,
  toSubmitMessage,
  withMessage,
  withNewMessage,
  withTypedRecipients,
  type ComposerState,
} from './composer-state.js';

export * from './composer-state.js';

// Actions
interface ComposerActions extends AttachmentActions {
  /** The mounted composer lends its editor; the returned function takes it back. */
  lendEditor(link: EditorLink): () => void;
  /** Saves the open draft now; resolves at once when no composer is open. */
  flushDraft(): Promise<void>;
  /** Sends the open message exactly as its Send button does; nothing when no composer is open. */
  requestSend(): void;
  setAccount(id: string | null): void;
  addRecipients(field: RecipientField, input: string): void;
  removeRecipient(field: RecipientField, id: string): void;
  removeLastRecipient(field: RecipientField): void;
  showField(field: 'cc' | 'bcc'): void;
  setSubject(subject: string): void;
  /** The pasted merge table, kept as pasted. */
  setMergeTable(text: string): void;
  /** A template's subject, Cc, Bcc and files (its body is the editor's part). */
  applyTemplate(template: Template): void;
  setIndividually(on: boolean): void;
  /** Asks main for the request the account's adapter would make for this message (as the first recipient gets it). */
  previewRequest(bodies: { html: string; text: string }): Promise<void>;
  closePreview(): void;
  setCopies(copies: 'each' | 'none'): void;
  /** "Log to" ids and tracking as typed. */
  setExtras(extras: TypedExtras): void;
  /** What the chosen account's vendor carries of them. */
  fitExtras(fit: ExtrasFit): void;
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
  /**
   * Saves the open draft, then shows a message main opened (a draft, a reply, a link, a message
   * back from the outbox). `keep` saves it as a draft at once (a link's message, so a second
   * link or a crash does not lose it); `signatureHtml` signs a message that asks for it.
   */
  open(message: EditableMessage, options?: { signatureHtml?: string; keep?: boolean }): Promise<void>;
  /** Saves the open draft, then shows draft `id` exactly as it was saved. */
  openDraft(id: string): Promise<void>;
  /**
   * At start, the newest draft (one not in the outbox) is shown, so a message being written
   * before the app closed is where it was left; only into a composer nobody has touched, before
   * and after the fetch: what was typed meanwhile is never replaced.
   */
  reopenNewestDraft(): Promise<void>;
  /** After a conflict: this window's text becomes a draft of its own beside the other window's. */
  keepBoth(): Promise<void>;
  forgetDraft(id: string): void;
  /** Puts an earlier version back; what was there is kept as a version first. */
  restoreVersion(version: DraftVersion): Promise<void>;
}

/** The message for `outbox:submit`, its merge fields filled for its one To recipient. */
function personalizedMessage(state: ComposerState, accountId: string, bodies: { html: string; text: string }) {
  const message = toSubmitMessage(state, accountId, bodies);
  const [only] = message.to;
  return only && message.to.length === 1 ? personalize(message, only, readTable(state.mergeTable).table) : message;
}

/** Send individually: main puts one outbox entry per To recipient, filled for them and paced. */
async function sendIndividually(state: ComposerState, accountId: string, bodies: { html: string; text: string }): Promise<void> {
  const message = { ...toSubmitMessage(state, accountId, bodies), ...(state.draftId ? { draftId: state.draftId } : {}) };
  const result = await bridge().outbox.submitBatch({ message, copies: state.copies, ...(state.mergeTable.trim() ? { mergeTable: state.mergeTable } : {}) });
  if (result.ok) useComposerStore.setState({ ...withNewMessage(useComposerStore.getState()), remark: `Queued: ${result.value.summary} See the Outbox for its progress.` });
  else useComposerStore.setState({ status: { kind: 'failed', text: result.error.message, accountId }, draftError: result.error.message });
}

/** The editor lent by the mounted composer: not part of the message, so opening one never resets it. */
interface ComposerLinks {
  editor: EditorLink | null;
}

export const useComposerStore = create<ComposerState & ComposerLinks & ComposerActions>()((set, get) => ({
  ...initialComposerState,
  ...attachmentActions(set),
  editor: null,
  lendEditor(link) {
    set({ editor: link });
    return () => {
      if (get().editor === link) set({ editor: null });
    };
  },
  flushDraft() {
    return get().editor?.flush() ?? Promise.resolve();
  },
  requestSend() {
    get().editor?.send();
  },
  setAccount(id) {
    set({ accountId: id });
    void get().flushDraft();
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
    // A subject is one header line: VT, NEL and the Unicode separators go like CR and LF.
    set({ subject: oneLine(subject) });
  },
  setMergeTable(mergeTable) {
    set({ mergeTable });
  },
  applyTemplate(template) {
    set((state) => withTemplateFields(state, template));
  },
  setIndividually(individually) {
    set({ individually });
  },
  async previewRequest(bodies) {
    const state = get();
    if (!state.accountId) return;
    const message = personalizedMessage(state, state.accountId, bodies);
    // Sent individually, each recipient gets a message of their own: the first one's is shown.
    const [first] = message.to;
    const shown = state.individually && first ? personalize({ ...message, to: [first], ...(state.copies === 'none' ? { cc: [], bcc: [] } : {}) }, first, readTable(state.mergeTable).table) : message;
    const result = await bridge().preview.request(shown);
    if (result.ok) set({ requestPreview: result.value });
    else set({ requestPreview: null, remark: `The request could not be previewed: ${result.error.message}` });
  },
  closePreview() {
    set({ requestPreview: null });
  },
  setCopies(copies) {
    set({ copies });
  },
  setExtras(extras) {
    set({ extras });
  },
  fitExtras(fit) {
    const now = get().extrasFit;
    if (now.crmLinks !== fit.crmLinks || now.tracking !== fit.tracking) set({ extrasFit: fit });
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
    await get().flushDraft();
    const state = get();
    if (!state.accountId) return;
    if (state.individually) {
      await sendIndividually(state, state.accountId, bodies);
      return;
    }
    const message = { ...personalizedMessage(state, state.accountId, bodies), ...(state.draftId ? { draftId: state.draftId } : {}), ...(sendAt ? { sendAt } : {}) };
    const result = await bridge().outbox.submit(message);
    if (result.ok) {
      const { id, summary, undoUntil } = result.value;
      set({ ...withNewMessage(state), lastSent: { id, summary, undoUntil, draftId: state.draftId } });
      showSendToast({ id, summary, undoUntil, scheduled: sendAt !== undefined }, () => void get().undoSend());
    } else {
      // Everything typed stays: only the status changes, so the person can fix and resend.
      set({ status: { kind: 'failed', text: result.error.message, accountId: state.accountId }, draftError: result.error.message });
    }
  },
  async startNew() {
    await get().flushDraft();
    set((state) => withNewMessage(state));
    requestComposerFocus('to');
  },
  async open(message, options = {}) {
    await get().flushDraft();
    set((state) => withMessage(state, message, options.signatureHtml));
    if (options.keep) get().editor?.touch();
    // A reply is written above the quote; a message with no recipient yet starts in To.
    requestComposerFocus(message.reply || message.to.length > 0 ? 'body' : 'to');
  },
  async openDraft(id) {
    if (get().draftId === id) return;
    await get().flushDraft();
    const result = await bridge().drafts.get({ id });
    if (result.ok) set((state) => withMessage(state, result.value));
    else set({ remark: result.error.message });
  },
  async reopenNewestDraft() {
    if (!composerIsPristine(get())) return;
    // One round trip, asked as the window starts: main picks the draft, so the list and the outbox need not arrive first.
    const result = await bridge().drafts.newest();
    if (!composerIsPristine(get())) return;
    if (!result.ok) {
      set({ remark: `Your last draft was not reopened: ${result.error.message}` });
      return;
    }
    const newest = result.value;
    if (newest) set((state) => withMessage(state, newest));
  },
  async keepBoth() {
    await get().editor?.saveAsCopy();
  },
  async undoSend() {
    const sent = get().lastSent;
    if (!sent) return;
    const result = await bridge().outbox.cancel({ id: sent.id });
    dismissToast('send');
    if (!result.ok) {
      set({ lastSent: null });
      showToast({ kind: 'undo-send', text: result.error.message, tone: 'error', lastsMs: null });
      return;
    }
    await get().flushDraft();
    // Main answers the draft it was written in (the exact document), or what was submitted.
    set((state) => ({ ...withMessage(state, result.value), lastSent: null }));
    showToast({ kind: 'undo-send', text: 'Brought back to the composer. Nothing was sent.' });
    requestComposerFocus('body');
  },
  dismissSent() {
    set({ lastSent: null });
    dismissToast('send');
  },
  async restoreVersion(version) {
    await get().flushDraft();
    const { draftId, revision } = get();
    if (draftId !== version.draftId || revision === null) return;
    const saved = await bridge().drafts.save({ id: draftId, baseRevision: revision, content: version.content, keepVersion: true });
    if (!saved.ok) {
      set({ remark: saved.error.message, conflict: saved.error.kind === 'conflict' });
      return;
    }
    const draft = await bridge().drafts.get({ id: draftId });
    if (draft.ok) set((state) => withMessage(state, draft.value));
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
export function composerIsPristine(state: ComposerState & ComposerLinks = useComposerStore.getState()): boolean {
  return state.generation === 0 && state.draftId === null && (state.editor?.isBlank() ?? true);
}

/** Saves the open draft now (before the window goes, or another view takes over). */
export function flushDraft(): Promise<void> {
  return useComposerStore.getState().flushDraft();
}

/** The menu's Send: the open composer's message, through the Send button's checks. */
export function requestSend(): void {
  useComposerStore.getState().requestSend();
}
