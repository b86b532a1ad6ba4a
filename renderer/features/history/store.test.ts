import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryMessage, HistoryThread, ThreadSummary } from '../../../shared/history.js';
import { initialHistoryState, type HistoryState, refreshLimit, shownMessages, withFilters, withoutMessage, withoutThreads, withPage, withRefreshedHead, withThread } from './store.js';
import { BLOCK_ROWS, blockOf, blockRange, nearEnd } from './virtual-window.js';

const summary = (id: string, latestAt = 0): ThreadSummary => ({ id, subject: id, participants: [], count: 1, latestAt, snippet: '', accountId: 'a', statuses: { sent: 1, accepted: 0, failed: 0, unknown_outcome: 0 } });

function thread(id: string, messageIds: string[]): HistoryThread {
  return { thread: summary(id), messages: messageIds.map((m) => ({ id: m }) as HistoryThread['messages'][number]) };
}

describe('sent history list', () => {
  it('appends later pages without showing a thread twice, and a first page replaces the list', () => {
    let state = withPage(initialHistoryState, { threads: [summary('a'), summary('b')], nextCursor: 'c1' }, false);
    state = withPage(state, { threads: [summary('b'), summary('c')], nextCursor: null }, true);
    expect(state.threads.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(state.nextCursor).toBeNull();
    expect(withPage(state, { threads: [summary('z')], nextCursor: 'n' }, false).threads.map((t) => t.id)).toEqual(['z']);
  });

  it('changing a filter empties the list until its first page arrives', () => {
    const state = withFilters(withPage(initialHistoryState, { threads: [summary('a')], nextCursor: 'x' }, false), { showUnsent: true });
    expect(state.threads).toEqual([]);
    expect(state.loaded).toBe(false);
    expect(state.filters).toEqual({ accountId: null, showUnsent: true });
  });

  it('a thread shows its sent messages, and its failed ones only with Show unsent', () => {
    const message = (id: string, status: HistoryMessage['status'], attemptedAt: number) => ({ id, status, attemptedAt }) as HistoryMessage;
    const mixed: HistoryThread = { thread: summary('t'), messages: [message('reply', 'failed', 3), message('first', 'sent', 1), message('maybe', 'unknown_outcome', 2)] };
    expect(shownMessages(mixed, { accountId: null, showUnsent: false }).map((m) => m.id)).toEqual(['first']);
    expect(shownMessages(mixed, { accountId: null, showUnsent: true }).map((m) => m.id)).toEqual(['first', 'maybe', 'reply']);
    const unsentOnly: HistoryThread = { thread: summary('u'), messages: [message('x', 'failed', 1)] };
    expect(shownMessages(unsentOnly, { accountId: null, showUnsent: false }).map((m) => m.id)).toEqual(['x']);
  });

  it('a deleted thread leaves the list and closes if open; a thread answer for another thread is ignored', () => {
    let state: HistoryState = { ...withPage(initialHistoryState, { threads: [summary('a'), summary('b')], nextCursor: null }, false), openThreadId: 'a' };
    expect(withThread(state, thread('b', ['m1'])).thread).toBeNull();
    state = withThread(state, thread('a', ['m1', 'm2']));
    const afterMessage = withoutMessage(state, 'm1');
    expect(afterMessage.thread?.messages.map((m) => m.id)).toEqual(['m2']);
    const afterLast = withoutMessage(afterMessage, 'm2');
    expect(afterLast.openThreadId).toBeNull();
    expect(afterLast.threads.map((t) => t.id)).toEqual(['b']);
    expect(withoutThreads(state, ['a']).thread).toBeNull();
  });

  it('a refresh after a change keeps the rows scrolled past the refreshed page, without doubles', () => {
    // Shown: t9..t0 newest first; t5 got a new message and moved to the top.
    const shown = withPage(initialHistoryState, { threads: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((n) => summary(`t${n}`, n)), nextCursor: 'after-t0' }, false);
    const refreshed = withRefreshedHead(shown, { threads: [summary('t5', 10), summary('t9', 9), summary('t8', 8)], nextCursor: 'after-t8' });
    expect(refreshed.threads.map((t) => t.id)).toEqual(['t5', 't9', 't8', 't7', 't6', 't4', 't3', 't2', 't1', 't0']);
    expect(refreshed.nextCursor).toBe('after-t0');
    // Everything fits in the page: the page is the whole list.
    expect(withRefreshedHead(shown, { threads: [summary('t9', 9)], nextCursor: null }).threads.map((t) => t.id)).toEqual(['t9']);
  });

  it('a refresh asks for what is shown, within the page limit', () => {
    expect(refreshLimit(0)).toBe(100);
    expect(refreshLimit(150)).toBe(150);
    expect(refreshLimit(5000)).toBe(200);
  });
});

describe('virtual window', () => {
  it('renders every row in view from anywhere in a block, a bounded number of them, never past the ends', () => {
    fc.assert(
      fc.property(fc.nat(60_000), fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 1_200 }), (count, top, viewport) => {
        const scrollTop = Math.min(top * 37, Math.max(0, count * 78 - viewport));
        const { start, end } = blockRange(blockOf(scrollTop, 78), viewport, 78, count);
        const firstInView = Math.floor(scrollTop / 78);
        const lastInView = Math.min(count, Math.ceil((scrollTop + viewport) / 78));
        expect(start).toBeLessThanOrEqual(Math.min(firstInView, count));
        expect(end).toBeGreaterThanOrEqual(lastInView);
        expect(end).toBeLessThanOrEqual(count);
        expect(end - start).toBeLessThanOrEqual(3 * BLOCK_ROWS + Math.ceil(viewport / 78) + 1);
      }),
    );
  });

  it('renders the same rows while the scroll stays within a block', () => {
    expect(blockOf(0, 78)).toBe(blockOf(78 * BLOCK_ROWS - 1, 78));
    expect(blockOf(78 * BLOCK_ROWS, 78)).toBe(1);
    expect(blockRange(0, 780, 78, 3)).toEqual({ start: 0, end: 3 });
  });

  it('asks for more as the end of what arrived comes near', () => {
    expect(nearEnd(70, 100)).toBe(true);
    expect(nearEnd(40, 100)).toBe(false);
  });
});
