/** The sent history as the app sees it: the Sent view. */
export { SentView } from './SentView.js';
