import { historyOutcome, OUTCOME_WORDS } from '../../../shared/outcome-words.js';
import type { HistoryStatus } from '../../../shared/history.js';

/** How a message (or one attempt of it) ended, in the word the Outbox uses too, with what it means on hover. */
export function OutcomeBadge(props: { status: HistoryStatus; accepted: boolean; count?: number }) {
  const outcome = historyOutcome(props.status, props.accepted);
  const { word, tip } = OUTCOME_WORDS[outcome];
  const shown = props.count !== undefined && props.count > 1 ? `${props.count} ${word.toLowerCase()}` : word;
  return (
    <span className={`badge badge-${outcome}`} title={tip}>
      {shown}
    </span>
  );
}
