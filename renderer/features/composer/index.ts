/** The composer feature as the app sees it. */
export { ComposerPage } from './ComposerPage.js';
export { useComposerStore } from './store.js';
