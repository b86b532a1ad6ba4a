/** The composer feature as the app sees it. */
export { ComposerPage } from './ComposerPage.js';
export { composerIsPristine, useComposerStore } from './store.js';
export { followSentMessage } from './sending/send-toast.js';
export { requestComposerFocus } from './composer-focus.js';
export { requestSend } from './sending/send-request.js';
export { flushDraft } from './draft-sync/draft-sync.js';
export { attachRefusal } from './attachments/attach-refusal.js';
export { toIsoWithOffset } from './sending/SendLater.js';
