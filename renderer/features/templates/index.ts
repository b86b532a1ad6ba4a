/** Templates and snippets as the app and the composer see them; the Templates screen is in screen.ts. */
export { useTemplatesStore, selectTemplates } from './store.js';
