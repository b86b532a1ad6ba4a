/** The Settings view as the app sees it. */
export { SettingsView } from './SettingsView.js';
