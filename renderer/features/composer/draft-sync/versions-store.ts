import { create } from 'zustand';
import type { DraftVersion, DraftVersionSummary } from '../../../../shared/drafts.js';
import { bridge } from '../../../lib/bridge.js';
import { useComposerStore } from '../store.js';

interface VersionsState {
  /** The draft whose versions the open panel shows; null when it is closed. */
  draftId: string | null;
  /** The open draft's saved versions, newest first; null while they load. */
  versions: DraftVersionSummary[] | null;
  /** The version being looked at, with its whole content. */
  chosen: DraftVersion | null;
  error: string | null;
  /** Saves what is typed first, so the newest version is the text on screen. */
  load(draftId: string): Promise<void>;
  look(draftId: string, versionId: number): Promise<void>;
  close(): void;
}

const closed = { draftId: null, versions: null, chosen: null, error: null };

/** The Versions panel's state: what main keeps of the open draft's earlier versions. */
export const useVersionsStore = create<VersionsState>()((set, get) => ({
  ...closed,
  async load(draftId) {
    set({ ...closed, draftId });
    await useComposerStore.getState().flushDraft();
    const result = await bridge().drafts.versions({ id: draftId });
    // The panel may have closed, or moved to another draft, while main answered.
    if (get().draftId !== draftId) return;
    if (result.ok) set({ versions: result.value });
    else set({ error: result.error.message });
  },
  async look(draftId, versionId) {
    const result = await bridge().drafts.version({ draftId, versionId });
    if (get().draftId !== draftId) return;
    if (result.ok) set({ chosen: result.value });
    else set({ error: result.error.message });
  },
  close() {
    set(closed);
  },
}));
