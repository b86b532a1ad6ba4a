import type { SearchHit } from '../../../shared/history.js';
import { shortWhen } from '../../lib/when.js';
import { Highlighted } from './Highlighted.js';
import { OutcomeBadge } from './OutcomeBadge.js';

/** Search hits, one per message, with the matched words marked. */
export function SearchResults(props: { hits: SearchHit[]; query: string; openId: string | null; accountLabel(id: string): string; onOpen(threadId: string): void }) {
  if (props.hits.length === 0) return <p className="sent-empty">Nothing sent matches “{props.query.trim()}”. Try fewer or shorter words.</p>;
  return (
    <ul className="sent-hits" aria-label="Search results">
      {props.hits.map((hit) => (
        <li key={hit.messageId} className={`sent-hit${hit.threadId === props.openId ? ' sent-row-open' : ''}`}>
          <button type="button" className="sent-open" onClick={() => props.onOpen(hit.threadId)}>
            <span className="sent-top">
              <span className="sent-people">
                <Highlighted segments={hit.recipients} />
              </span>
              <time className="sent-time" dateTime={new Date(hit.attemptedAt).toISOString()}>
                {shortWhen(hit.attemptedAt)}
              </time>
            </span>
            <span className="sent-subject">
              <Highlighted segments={hit.subject} />
            </span>
            <span className="sent-bottom">
              <span className="sent-snippet sent-snippet-wrap">
                <Highlighted segments={hit.snippet} />
              </span>
              <span className="sent-account">{props.accountLabel(hit.accountId)}</span>
              {hit.status !== 'sent' ? <OutcomeBadge status={hit.status} accepted={false} /> : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
