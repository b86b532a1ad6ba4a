/** The app feature as other features see it: navigation and the app-wide store. */
export { useAppStore, selectView, type View } from './store.js';
