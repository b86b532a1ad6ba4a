import { create } from 'zustand';
import type { BatchRow } from '../../../shared/batch.js';
import type { EditableMessage } from '../../../shared/editable-message.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import { bridge } from '../../lib/bridge.js';
import { createFreshness } from '../../lib/freshness.js';

// State
export interface OutboxViewState {
  rows: OutboxRow[];
  /** Send individually batches, each shown as one row over its messages. */
  batches: BatchRow[];
  undoDelayMs: number | null;
  /** Whether a desktop notification says when a message went out; null until loaded. */
  notifyOnSent: boolean | null;
  error: string | null;
}

// Pure updates
export const initialOutboxState: OutboxViewState = { rows: [], batches: [], undoDelayMs: null, notifyOnSent: null, error: null };

/** Messages still to go out or needing the person: what the sidebar counts. */
export function waitingCount(rows: OutboxRow[]): number {
  return rows.filter((row) => row.state === 'scheduled' || row.state === 'queued' || row.state === 'sending' || row.state === 'failed' || row.state === 'unknown_outcome').length;
}

/** The live outbox row of a draft (scheduled, waiting, sending, failed or unknown), if it has one. */
export function liveRowOf(rows: OutboxRow[], draftId: string): OutboxRow | undefined {
  return rows.find((row) => row.draftId === draftId && row.state !== 'sent' && row.state !== 'accepted' && row.state !== 'cancelled');
}

type RowDecision = 'sendNow' | 'retryNow' | 'retry' | 'sendAgain' | 'check';

// Actions
interface OutboxActions {
  load(): Promise<void>;
  loadBatches(): Promise<void>;
  listen(): () => void;
  /** One of the row's decisions, made in main; a refusal is shown as its sentence. */
  decide(decision: RowDecision, id: string): Promise<void>;
  reschedule(id: string, sendAt: string): Promise<boolean>;
  /** Takes the message out of the outbox; answers it for the composer, or null (the error is shown). */
  edit(id: string): Promise<EditableMessage | null>;
  cancel(id: string): Promise<void>;
  setUndoDelay(seconds: number): Promise<void>;
  setNotifyOnSent(on: boolean): Promise<void>;
}

const fresh = createFreshness();

export const useOutboxStore = create<OutboxViewState & OutboxActions>()((set, get) => ({
  ...initialOutboxState,
  async load() {
    const current = fresh.begin();
    // All three asked at once: one wait, not three in a row.
    const [rows, settings] = await Promise.all([bridge().outbox.list(), bridge().outbox.getSettings(), get().loadBatches()]);
    if (!rows.ok) set({ error: rows.error.message });
    else if (current()) set({ rows: rows.value });
    if (settings.ok) set({ undoDelayMs: settings.value.undoDelayMs, notifyOnSent: settings.value.notifyOnSent });
  },
  listen() {
    return bridge().on('outbox:changed', (rows) => {
      fresh.eventArrived();
      set({ rows });
      // A batch's progress is counted in main from its messages' states.
      void get().loadBatches();
    });
  },
  async loadBatches() {
    const batches = await bridge().outbox.batches();
    if (batches.ok) set({ batches: batches.value });
  },
  async decide(decision, id) {
    const result = await bridge().outbox[decision]({ id });
    set({ error: result.ok ? null : result.error.message });
  },
  async reschedule(id, sendAt) {
    const result = await bridge().outbox.reschedule({ id, sendAt });
    set({ error: result.ok ? null : result.error.message });
    return result.ok;
  },
  async edit(id) {
    const result = await bridge().outbox.edit({ id });
    set({ error: result.ok ? null : result.error.message });
    return result.ok ? result.value : null;
  },
  async cancel(id) {
    const result = await bridge().outbox.cancel({ id });
    set({ error: result.ok ? null : result.error.message });
  },
  async setUndoDelay(seconds) {
    const result = await bridge().outbox.setSettings({ undoDelayMs: Math.round(seconds * 1000) });
    if (result.ok) set({ undoDelayMs: result.value.undoDelayMs, error: null });
    else set({ error: result.error.message });
  },
  async setNotifyOnSent(on) {
    // The box shows the click at once (a controlled checkbox would otherwise flick back until main answers).
    const before = get().notifyOnSent;
    set({ notifyOnSent: on });
    const result = await bridge().outbox.setSettings({ notifyOnSent: on });
    if (result.ok) set({ notifyOnSent: result.value.notifyOnSent, error: null });
    else set({ notifyOnSent: before, error: result.error.message });
  },
}));

// Selectors
export const selectRows = (state: OutboxViewState) => state.rows;
export const selectWaiting = (state: OutboxViewState) => waitingCount(state.rows);
