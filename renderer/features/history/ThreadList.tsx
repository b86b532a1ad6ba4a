import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { revealBidi } from '../../../shared/inert-text.js';
import type { ThreadSummary } from '../../../shared/history.js';
import { shortWhen } from '../../lib/when.js';
import { participantsLabel } from './format.js';
import { OutcomeBadge } from './OutcomeBadge.js';
import { blockOf, blockRange, nearEnd } from './virtual-window.js';

/** Fixed, so the list can place any row without measuring the ones before it. */
export const ROW_HEIGHT = 78;

/** The thread's sent messages in one word (Accepted when the vendor only accepted them all); its unsent ones only when asked for. */
function StatusBadges(props: { statuses: ThreadSummary['statuses']; showUnsent: boolean }) {
  const { sent, accepted, failed, unknown_outcome: unknown } = props.statuses;
  return (
    <span className="sent-badges">
      {props.showUnsent && failed > 0 ? <OutcomeBadge status="failed" accepted={false} count={failed} /> : null}
      {props.showUnsent && unknown > 0 ? <OutcomeBadge status="unknown_outcome" accepted={false} count={unknown} /> : null}
      {sent > 0 ? <OutcomeBadge status="sent" accepted={accepted === sent} /> : null}
    </span>
  );
}

/** Memoized: a row already in the page is not rendered again when the window moves past it. */
const ThreadRow = memo(function ThreadRow(props: { thread: ThreadSummary; index: number; total: number; open: boolean; account: string; showUnsent: boolean; onOpen: (id: string) => void }) {
  const { thread } = props;
  const subject = revealBidi(thread.subject.trim()) || '(no subject)';
  const people = participantsLabel(thread.participants);
  return (
    <li
      className={`sent-row${props.open ? ' sent-row-open' : ''}`}
      style={{ top: props.index * ROW_HEIGHT, height: ROW_HEIGHT }}
      aria-setsize={props.total}
      aria-posinset={props.index + 1}
    >
      <button type="button" className="sent-open" onClick={() => props.onOpen(thread.id)} aria-current={props.open ? 'true' : undefined}>
        <span className="sent-top">
          <span className="sent-people">{people}</span>
          {thread.count > 1 ? (
            <span className="sent-count" title={`${thread.count} messages`}>
              {thread.count}
            </span>
          ) : null}
          <time className="sent-time" dateTime={new Date(thread.latestAt).toISOString()}>
            {shortWhen(thread.latestAt)}
          </time>
        </span>
        <span className="sent-subject">{subject}</span>
        <span className="sent-bottom">
          <span className="sent-snippet">{thread.snippet || ' '}</span>
          <span className="sent-account">{props.account}</span>
          <StatusBadges statuses={thread.statuses} showUnsent={props.showUnsent} />
        </span>
      </button>
    </li>
  );
});

export interface ThreadListProps {
  threads: ThreadSummary[];
  hasMore: boolean;
  openId: string | null;
  /** Failed and unknown-outcome messages are listed too (the "Show unsent" filter). */
  showUnsent: boolean;
  accountLabel(id: string): string;
  onOpen(id: string): void;
  onNeedMore(): void;
}

/**
 * The Sent view's threads, newest first. Only the rows in view (and a block either side) are in
 * the page, so half a million threads scroll like fifty: the window moves a block of rows at a
 * time, and only the rows entering it are rendered. The next page is asked for as the person
 * nears the end of what has arrived.
 */
export function ThreadList(props: ThreadListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [block, setBlock] = useState(0);
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const { start, end } = blockRange(block, height, ROW_HEIGHT, props.threads.length);
  const wantMore = props.hasMore && nearEnd(end, props.threads.length);
  const { onNeedMore } = props;
  useEffect(() => {
    if (wantMore) onNeedMore();
  }, [wantMore, onNeedMore, props.threads.length]);
  return (
    <div className="sent-scroll" ref={box} onScroll={(event) => setBlock(blockOf(event.currentTarget.scrollTop, ROW_HEIGHT))} tabIndex={-1}>
      <ul className="sent-list" aria-label="Sent threads" style={{ height: props.threads.length * ROW_HEIGHT }}>
        {props.threads.slice(start, end).map((thread, offset) => (
          <ThreadRow
            key={thread.id}
            thread={thread}
            index={start + offset}
            total={props.hasMore ? -1 : props.threads.length}
            open={thread.id === props.openId}
            account={props.accountLabel(thread.accountId)}
            showUnsent={props.showUnsent}
            onOpen={props.onOpen}
          />
        ))}
      </ul>
    </div>
  );
}
