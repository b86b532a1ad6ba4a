import { Selection } from '@tiptap/pm/state';
import type { CommandProps, Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import type { AccountView } from '../../../../shared/accounts.js';
import { useComposerStore } from '../store.js';
import { startFreshHistory } from './editor-history.js';
import { currentSignature, swapSignature } from './signature.js';

function caretAtStart({ tr }: CommandProps): boolean {
  tr.setSelection(Selection.atStart(tr.doc));
  return true;
}

/**
 * Shows in the editor each message the store opens (new, draft, reply, mailto, back from
 * another view), and keeps the From account's signature at the end: a new message or another
 * account puts that account's signature where the old one was.
 */
export function useShownMessage(editor: Editor, account: AccountView | null, generation: number): void {
  const inserted = useRef<ReturnType<typeof swapSignature>['inserted']>(null);
  // A message opened or written before this editor existed (a mailto: link at start, text from before Outbox was shown) is shown when it mounts.
  const shownGeneration = useRef(useComposerStore.getState().doc === null ? generation : -1);
  useEffect(() => {
    const opening = shownGeneration.current !== generation;
    shownGeneration.current = generation;
    const opened = opening ? useComposerStore.getState().doc : null;
    if (opening) {
      // Opening a draft is not an edit: no update event, so it is not saved back at once; and nothing in it is linked
      // anew (a web address ending its first paragraph was, and the link finder's set-up held up the start). The caret
      // starts at the top, where the message is read from, not after the last line of a long quoted thread.
      if (opened) editor.chain().setMeta('preventAutolink', true).setContent(opened, { emitUpdate: false }).command(caretAtStart).run();
      else editor.commands.clearContent(false);
      // The draft carries its account's signature; switching account later replaces that one.
      inserted.current = opened ? currentSignature(editor) : null;
    }
    if (account && !opened) {
      const result = swapSignature(editor, account.signatureHtml, inserted.current);
      inserted.current = result.inserted;
      if (result.outcome === 'kept-edited') {
        useComposerStore.getState().setRemark(`You edited the signature, so it was left as it is; ${account.label}'s signature was not added.`);
      }
    }
    // Each message opened (new, draft, reply, mailto, back from another view) has its own undo history.
    if (opening) startFreshHistory(editor);
  }, [editor, account?.id, account?.signatureHtml, generation]);
}
