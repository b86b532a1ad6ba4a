/** The composer feature as the app sees it. */
export { ComposerPage } from './ComposerPage.js';
export { composerIsPristine, useComposerStore } from './store.js';
export { UndoToast } from './UndoToast.js';
export { requestSend } from './send-request.js';
export { flushDraft } from './draft-sync.js';
export { attachRefusal } from './attach-refusal.js';
