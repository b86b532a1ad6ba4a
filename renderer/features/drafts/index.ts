/** The drafts feature as the app sees it: the list beside the composer, and the draft reopened at start. */
export { DraftsList, DraftsToggle } from './DraftsList.js';
export { restoreNewestDraft } from './restore-at-start.js';
export { useDraftsStore } from './store.js';
