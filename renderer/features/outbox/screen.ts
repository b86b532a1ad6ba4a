/** The screen the app loads when it is first opened (renderer/screens.ts), apart from what a start needs. */
export { OutboxView } from './OutboxView.js';
