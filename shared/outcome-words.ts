import type { HistoryStatus } from './history.js';
import type { SettledState } from './outcome.js';

/**
 * One word for one state, wherever a message's fate is shown: the Outbox row, the Sent list and
 * the Sent card say the same thing for the same outcome. The names are the outcome's own
 * (`sent | accepted | failed | unknown_outcome`); `tip` is what the word means, for a tooltip.
 */
export const OUTCOME_WORDS: Record<SettledState, { word: string; tip: string }> = {
  sent: { word: 'Sent', tip: 'The vendor says it sent this message.' },
  accepted: { word: 'Accepted', tip: 'The vendor took this message and will send it; it has not yet said that it was sent.' },
  failed: { word: 'Failed', tip: 'This message was not sent.' },
  unknown_outcome: { word: 'Unknown outcome', tip: 'No answer came from the vendor: this message may or may not have been sent.' },
};

/** The history keeps `accepted` as a mark on a sent message. */
export function historyOutcome(status: HistoryStatus, accepted: boolean): SettledState {
  return status === 'sent' && accepted ? 'accepted' : status;
}
