/** The app's one toast system: at most one toast of each kind, each dismissible, each ending with what it tells. */
export { Toasts } from './Toasts.js';
export { dismissToast, showToast, useToastsStore, type ToastKind } from './store.js';
