/** The drafts feature as the app sees it: the list beside the composer. */
export { DraftsList, DraftsToggle } from './DraftsList.js';
export { useDraftsStore } from './store.js';
