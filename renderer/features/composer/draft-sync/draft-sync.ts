import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
import { bridge } from '../../../lib/bridge.js';
import type { DraftLink } from '../editor-link.js';
import { createAutosave } from './autosave.js';
import { draftContentOf, isBlankDraft } from './draft-content.js';
import { useComposerStore, type ComposerState } from '../store.js';

const AUTOSAVE_QUIET_MS = 400;
/** The promise: a draft is never more than a second behind typing. */
const AUTOSAVE_MAX_WAIT_MS = 1_000;

function fieldsChanged(a: ComposerState, b: ComposerState): boolean {
  return a.accountId !== b.accountId || a.lists !== b.lists || a.subject !== b.subject || a.showCc !== b.showCc || a.showBcc !== b.showBcc || a.attachments !== b.attachments || a.mergeTable !== b.mergeTable || a.extras !== b.extras;
}

/**
 * Keeps the composer's draft saved: at most a second behind typing, at once on blur, on
 * switching draft or account, and when the window goes away. The editor's JSON is read at
 * save time only, never on each keystroke. Answers the draft's saving for the store's
 * actions (send, switch draft, new), which the composer lends the store.
 */
export function useDraftSync(editor: Editor): DraftLink {
  const live = useRef<DraftLink | null>(null);
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
    live.current = {
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
      live.current = null;
    };
  }, [editor]);
  // Stable for the editor's life; before the effect ran or after it ended, nothing is unsaved.
  return useMemo<DraftLink>(
    () => ({
      flush: () => live.current?.flush() ?? Promise.resolve(),
      touch: () => live.current?.touch(),
      saveAsCopy: () => live.current?.saveAsCopy() ?? Promise.resolve(),
      isBlank: () => live.current?.isBlank() ?? true,
    }),
    [],
  );
}
