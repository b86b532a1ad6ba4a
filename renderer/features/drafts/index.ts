/** The drafts feature as the app sees it: the list beside the composer. */
export { DraftsList } from './DraftsList.js';
