/** The outbox feature as the app sees it: the waiting count for the sidebar and the settings; the view is in screen.ts. */
export { liveRowOf, selectWaiting, useOutboxStore } from './store.js';
export { NotifySetting, OutboxSettingsError, UndoDelaySetting } from './OutboxSettings.js';
export { PaceSettings } from './PaceSettings.js';
