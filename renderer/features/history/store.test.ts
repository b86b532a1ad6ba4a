import { describe, expect, it } from 'vitest';
import type { HistoryThread, ThreadSummary } from '../../../shared/history.js';
import { initialHistoryState, type HistoryState, refreshLimit, withFilters, withoutMessage, withoutThreads, withPage, withRefreshedHead, withThread } from './store.js';
import { nearEnd, visibleRange } from './virtual-window.js';

const summary = (id: string, latestAt = 0): ThreadSummary => ({ id, subject: id, participants: [], count: 1, latestAt, snippet: '', accountId: 'a', statuses: { sent: 1, failed: 0, unknown_outcome: 0 } });

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
    const state = withFilters(withPage(initialHistoryState, { threads: [summary('a')], nextCursor: 'x' }, false), { status: 'failed' });
    expect(state.threads).toEqual([]);
    expect(state.loaded).toBe(false);
    expect(state.filters).toEqual({ accountId: null, status: 'failed' });
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
  it('renders the rows in view plus a margin, never past the ends', () => {
    expect(visibleRange(0, 780, 78, 50_000)).toEqual({ start: 0, end: 19 });
    expect(visibleRange(78 * 1000, 780, 78, 50_000)).toEqual({ start: 992, end: 1019 });
    expect(visibleRange(78 * 49_995, 780, 78, 50_000)).toEqual({ start: 49_987, end: 50_000 });
    expect(visibleRange(0, 780, 78, 3)).toEqual({ start: 0, end: 3 });
  });

  it('asks for more as the end of what arrived comes near', () => {
    expect(nearEnd(70, 100)).toBe(true);
    expect(nearEnd(40, 100)).toBe(false);
  });
});
