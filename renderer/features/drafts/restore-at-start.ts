import { composerIsPristine, useComposerStore } from '../composer/index.js';
import { liveRowOf, useOutboxStore } from '../outbox/index.js';
import { useDraftsStore } from './store.js';

/**
 * At start, the newest draft opens in the composer, so a message being written before the app
 * closed is where it was left. Asked for as the window starts, not when the drafts column
 * mounts (after the accounts have arrived): the draft is in the editor a round trip sooner.
 */
export async function restoreNewestDraft(outboxLoaded: Promise<void>): Promise<void> {
  await Promise.all([useDraftsStore.getState().load(), outboxLoaded]);
  // A message waiting in the outbox is not reopened as an ordinary draft.
  const rows = useOutboxStore.getState().rows;
  const newest = useDraftsStore.getState().drafts.find((draft) => !liveRowOf(rows, draft.id));
  // Only into a composer nobody has touched yet, before and after the fetch: what was typed meanwhile is never replaced.
  if (newest && composerIsPristine()) await useComposerStore.getState().openDraft(newest.id, { onlyIntoPristine: true });
}
