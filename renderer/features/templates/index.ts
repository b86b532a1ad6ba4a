/** Templates and snippets as the app and the composer see them. */
export { TemplatesScreen } from './TemplatesScreen.js';
export { useTemplatesStore, selectTemplates } from './store.js';
