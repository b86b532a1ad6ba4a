import { create } from 'zustand';
import type { DraftSummary } from '../../../shared/drafts.js';
import { bridge } from '../../lib/bridge.js';
import { createFreshness } from '../../lib/freshness.js';
import { dismissToast, showToast } from '../toasts/index.js';

// State
export interface DraftsState {
  drafts: DraftSummary[];
  loaded: boolean;
  /** The last draft deleted, offered back with Undo until another is deleted. */
  deleted: DraftSummary | null;
  error: string | null;
  /** On a narrow window the list is folded behind a toggle; this says whether it is unfolded. */
  panelOpen: boolean;
}

// Pure updates
export const initialDraftsState: DraftsState = { drafts: [], loaded: false, deleted: null, error: null, panelOpen: false };

export function withDrafts(state: DraftsState, drafts: DraftSummary[]): DraftsState {
  return { ...state, drafts: [...drafts].sort((a, b) => b.updatedAt - a.updatedAt), loaded: true, error: null };
}

export function withDeleted(state: DraftsState, id: string): DraftsState {
  const draft = state.drafts.find((d) => d.id === id) ?? null;
  return { ...state, drafts: state.drafts.filter((d) => d.id !== id), deleted: draft };
}

// Actions
interface DraftsActions {
  load(): Promise<void>;
  listen(): () => void;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  dismissUndo(): void;
  setPanelOpen(open: boolean): void;
}

const fresh = createFreshness();

export const useDraftsStore = create<DraftsState & DraftsActions>()((set, get) => ({
  ...initialDraftsState,
  async load() {
    const current = fresh.begin();
    const result = await bridge().drafts.list();
    if (!current()) return set({ loaded: true });
    if (result.ok) set((state) => withDrafts(state, result.value));
    else set({ error: result.error.message, loaded: true });
  },
  listen() {
    return bridge().on('drafts:changed', (drafts) => {
      fresh.eventArrived();
      set((state) => withDrafts(state, drafts));
    });
  },
  async remove(id) {
    set((state) => withDeleted(state, id));
    const deleted = get().deleted;
    if (deleted) {
      // The toast ends on its own; the draft stays restorable from it until then.
      showToast({ kind: 'draft-deleted', text: `Draft “${deleted.subject.trim() || '(no subject)'}” deleted.`, action: { label: 'Undo', run: () => void get().undoRemove() } });
    }
    const result = await bridge().drafts.delete({ id });
    if (!result.ok) {
      set({ error: result.error.message, deleted: null });
      dismissToast('draft-deleted');
      await get().load();
    }
  },
  async undoRemove() {
    const draft = get().deleted;
    if (!draft) return;
    set({ deleted: null });
    dismissToast('draft-deleted');
    const result = await bridge().drafts.restore({ id: draft.id });
    if (!result.ok) set({ error: result.error.message });
  },
  setPanelOpen(open) {
    set({ panelOpen: open });
  },
  dismissUndo() {
    set({ deleted: null });
    dismissToast('draft-deleted');
  },
}));

// Selectors
export const selectDrafts = (state: DraftsState) => state.drafts;
