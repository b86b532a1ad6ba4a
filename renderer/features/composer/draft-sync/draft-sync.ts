import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { bridge } from '../../../lib/bridge.js';
import { createAutosave } from './autosave.js';
import { draftContentOf, isBlankDraft } from './draft-content.js';
import { useComposerStore, type ComposerState } from '../store.js';

/** The open composer's draft, reachable from the store's actions (send, switch draft, new). */
interface DraftSession {
  flush(): Promise<void>;
  /** Something not typed (a mailto: link's message) must be kept as a draft too. */
  touch(): void;
  /** After a conflict: keeps this window's text as a new draft beside the other one. */
  saveAsCopy(): Promise<void>;
  /** Nothing written: no recipient, subject, file or text of the person's own. */
  isBlank(): boolean;
}

let session: DraftSession | null = null;

/** Saves what is unsaved now; resolves once it is on disk (or the save failed and will retry). */
export function flushDraft(): Promise<void> {
  return session ? session.flush() : Promise.resolve();
}

/** True when the open composer holds nothing the person wrote (or no composer is open). */
export function composerIsBlank(): boolean {
  return session ? session.isBlank() : true;
}

/** Schedules a save of the open message as if it had been typed; nothing when no composer is open. */
export function markDraftChanged(): void {
  session?.touch();
}

export function saveDraftAsCopy(): Promise<void> {
  return session ? session.saveAsCopy() : Promise.resolve();
}

const AUTOSAVE_QUIET_MS = 400;
/** The promise: a draft is never more than a second behind typing. */
const AUTOSAVE_MAX_WAIT_MS = 1_000;

function fieldsChanged(a: ComposerState, b: ComposerState): boolean {
  return a.accountId !== b.accountId || a.lists !== b.lists || a.subject !== b.subject || a.showCc !== b.showCc || a.showBcc !== b.showBcc || a.attachments !== b.attachments || a.mergeTable !== b.mergeTable;
}

/**
 * Keeps the composer's draft saved: at most a second behind typing, at once on blur, on
 * switching draft or account, and when the window goes away. The editor's JSON is read at
 * save time only, never on each keystroke.
 */
export function useDraftSync(editor: Editor): void {
  useEffect(() => {
    const store = useComposerStore;
    const write = async (asCopy: boolean) => {
      const state = store.getState();
      const content = draftContentOf(state, editor.getJSON());
      if (!state.draftId && isBlankDraft(content)) return;
      const existing = !asCopy && state.draftId && state.revision ? { id: state.draftId, baseRevision: state.revision } : {};
      const result = await bridge().drafts.save({ ...existing, content });
      if (result.ok) {
        store.setState({ draftId: result.value.id, revision: result.value.revision, conflict: false });
      } else if (result.error.kind === 'conflict') {
        store.setState({ conflict: true });
      } else {
        throw new Error(result.error.message);
      }
    };
    const autosave = createAutosave({
      // While another window's save stands, nothing is written until the person chooses.
      save: () => (store.getState().conflict ? Promise.resolve() : write(false)),
      quietMs: AUTOSAVE_QUIET_MS,
      maxWaitMs: AUTOSAVE_MAX_WAIT_MS,
      onStatus: (save) => store.setState({ save }),
    });
    session = {
      flush: () => autosave.flush(),
      touch: () => autosave.touch(),
      saveAsCopy: async () => {
        await write(true);
      },
      isBlank: () => isBlankDraft(draftContentOf(store.getState(), editor.getJSON())),
    };
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) autosave.touch();
    };
    const onBlur = () => void autosave.flush();
    const onLeave = () => void autosave.flush();
    editor.on('update', onUpdate);
    editor.on('blur', onBlur);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    const stopWatching = store.subscribe((next, previous) => {
      // A draft being opened is not an edit; anything else the person changes is.
      if (next.generation === previous.generation && fieldsChanged(next, previous)) autosave.touch();
    });
    return () => {
      stopWatching();
      editor.off('update', onUpdate);
      editor.off('blur', onBlur);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      void autosave.flush().finally(() => autosave.dispose());
      session = null;
    };
  }, [editor]);
}
