/** The composer feature as the app sees it. */
export { ComposerPage } from './ComposerPage.js';
export { composerIsPristine, flushDraft, requestSend, useComposerStore } from './store.js';
export { followSentMessage } from './sending/send-toast.js';
export { requestComposerFocus } from './composer-focus.js';
export { attachRefusal } from './attachments/attach-refusal.js';
export { toIsoWithOffset } from './sending/SendLater.js';
