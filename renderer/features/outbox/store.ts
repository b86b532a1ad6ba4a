import { create } from 'zustand';
import type { BatchRow } from '../../../shared/batch.js';
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
  return rows.filter((row) => row.state === 'queued' || row.state === 'sending' || row.state === 'failed' || row.state === 'unknown_outcome').length;
}

// Actions
interface OutboxActions {
  load(): Promise<void>;
  loadBatches(): Promise<void>;
  listen(): () => void;
  retry(id: string): Promise<void>;
  setUndoDelay(seconds: number): Promise<void>;
  setNotifyOnSent(on: boolean): Promise<void>;
}

const fresh = createFreshness();

export const useOutboxStore = create<OutboxViewState & OutboxActions>()((set, get) => ({
  ...initialOutboxState,
  async load() {
    const current = fresh.begin();
    const [rows, settings] = await Promise.all([bridge().outbox.list(), bridge().outbox['get-settings']()]);
    if (!rows.ok) set({ error: rows.error.message });
    else if (current()) set({ rows: rows.value });
    await get().loadBatches();
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
  async retry(id) {
    const result = await bridge().outbox.retry({ id });
    set({ error: result.ok ? null : result.error.message });
  },
  async setUndoDelay(seconds) {
    const result = await bridge().outbox['set-settings']({ undoDelayMs: Math.round(seconds * 1000) });
    if (result.ok) set({ undoDelayMs: result.value.undoDelayMs, error: null });
    else set({ error: result.error.message });
  },
  async setNotifyOnSent(on) {
    // The box shows the click at once (a controlled checkbox would otherwise flick back until main answers).
    const before = get().notifyOnSent;
    set({ notifyOnSent: on });
    const result = await bridge().outbox['set-settings']({ notifyOnSent: on });
    if (result.ok) set({ notifyOnSent: result.value.notifyOnSent, error: null });
    else set({ notifyOnSent: before, error: result.error.message });
  },
}));

// Selectors
export const selectRows = (state: OutboxViewState) => state.rows;
export const selectWaiting = (state: OutboxViewState) => waitingCount(state.rows);
