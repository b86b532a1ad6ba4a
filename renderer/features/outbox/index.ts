/** The outbox feature as the app sees it: the view and the waiting count for the sidebar. */
export { OutboxView } from './OutboxView.js';
export { liveRowOf, selectWaiting, useOutboxStore } from './store.js';
export { NotifySetting, OutboxSettingsError, UndoDelaySetting } from './OutboxSettings.js';
export { PaceSettings } from './PaceSettings.js';
