import { create } from 'zustand';
import type { HistoryChanged, HistoryMessage, HistoryThread, ReplyMode, SearchHit, ThreadSummary } from '../../../shared/history.js';
import { bridge } from '../../lib/bridge.js';
import { dismissToast, showToast } from '../toasts/index.js';
import { createFreshness } from '../../lib/freshness.js';
import { useAppStore } from '../app/index.js';
import { useComposerStore } from '../composer/index.js';

// State
export interface HistoryFilters {
  accountId: string | null;
  /** Sent holds what was sent; failed and unknown-outcome messages (kept in the Outbox) show only when asked for. */
  showUnsent: boolean;
}

/** A deletion Undo can still take back. */
export interface DeletedEntry {
  deletionId: string;
  summary: string;
}

export interface HistoryState {
  threads: ThreadSummary[];
  /** Where the next page starts; null once the last page arrived. */
  nextCursor: string | null;
  loaded: boolean;
  loadingMore: boolean;
  filters: HistoryFilters;
  query: string;
  /** Search hits for `query`; null while no search is active. */
  hits: SearchHit[] | null;
  openThreadId: string | null;
  thread: HistoryThread | null;
  /** Messages whose remote images the person allowed (for this session only). */
  remoteAllowed: Record<string, true>;
  deleted: DeletedEntry | null;
  /** A passing word on what an action did (a retry handed to the outbox). */
  notice: string | null;
  error: string | null;
}

// Pure updates
export const PAGE_SIZE = 100;

export const initialHistoryState: HistoryState = {
  threads: [],
  nextCursor: null,
  loaded: false,
  loadingMore: false,
  filters: { accountId: null, showUnsent: false },
  query: '',
  hits: null,
  openThreadId: null,
  thread: null,
  remoteAllowed: {},
  deleted: null,
  notice: null,
  error: null,
};

/** The first page replaces the list; later pages append, skipping any thread already shown. */
export function withPage(state: HistoryState, page: { threads: ThreadSummary[]; nextCursor: string | null }, append: boolean): HistoryState {
  if (!append) return { ...state, threads: page.threads, nextCursor: page.nextCursor, loaded: true, loadingMore: false, error: null };
  const known = new Set(state.threads.map((t) => t.id));
  const added = page.threads.filter((t) => !known.has(t.id));
  return { ...state, threads: [...state.threads, ...added], nextCursor: page.nextCursor, loadingMore: false, error: null };
}

/**
 * A refreshed first page after a change, keeping the rows the person already scrolled past it:
 * those older than the page's last row stay, and so does the cursor that continues after them.
 */
export function withRefreshedHead(state: HistoryState, page: { threads: ThreadSummary[]; nextCursor: string | null }): HistoryState {
  const last = page.threads.at(-1);
  if (!last || page.nextCursor === null || state.threads.length <= page.threads.length) return withPage(state, page, false);
  const shown = new Set(page.threads.map((t) => t.id));
  const tail = state.threads.filter((t) => !shown.has(t.id) && t.latestAt < last.latestAt);
  if (tail.length === 0) return withPage(state, page, false);
  return { ...state, threads: [...page.threads, ...tail], loaded: true, error: null };
}

export function withFilters(state: HistoryState, filters: Partial<HistoryFilters>): HistoryState {
  return { ...state, filters: { ...state.filters, ...filters }, threads: [], nextCursor: null, loaded: false };
}

export function withThread(state: HistoryState, thread: HistoryThread): HistoryState {
  if (state.openThreadId !== thread.thread.id) return state;
  return { ...state, thread };
}

/** A thread removed from under the view (deleted here or elsewhere): it leaves the list and closes. */
export function withoutThreads(state: HistoryState, ids: string[]): HistoryState {
  const gone = new Set(ids);
  const closing = state.openThreadId !== null && gone.has(state.openThreadId);
  return {
    ...state,
    threads: state.threads.filter((t) => !gone.has(t.id)),
    hits: state.hits ? state.hits.filter((h) => !gone.has(h.threadId)) : null,
    openThreadId: closing ? null : state.openThreadId,
    thread: closing ? null : state.thread,
  };
}

/** A message removed from the open thread; the thread closes when it was its last. */
export function withoutMessage(state: HistoryState, messageId: string): HistoryState {
  if (!state.thread) return state;
  const messages = state.thread.messages.filter((m) => m.id !== messageId);
  if (messages.length === 0) return withoutThreads(state, [state.thread.thread.id]);
  return { ...state, thread: { ...state.thread, messages }, hits: state.hits ? state.hits.filter((h) => h.messageId !== messageId) : null };
}

export function withRemoteAllowed(state: HistoryState, messageId: string): HistoryState {
  return { ...state, remoteAllowed: { ...state.remoteAllowed, [messageId]: true } };
}

/** How many rows a refresh after a change asks for: what is shown, so the scroll position holds. */
export function refreshLimit(shown: number): number {
  return Math.min(200, Math.max(PAGE_SIZE, shown));
}

// Actions
interface HistoryActions {
  /** The first page for the current filters. */
  load(): Promise<void>;
  /** The next page, when there is one and none is on its way. */
  loadMore(): Promise<void>;
  setFilters(filters: Partial<HistoryFilters>): void;
  search(query: string): Promise<void>;
  openThread(id: string): Promise<void>;
  closeThread(): void;
  allowRemote(messageId: string): void;
  remove(target: { messageId: string } | { threadId: string }, summary: string): Promise<void>;
  undoDelete(): Promise<void>;
  dismissDeleted(): void;
  setError(error: string | null): void;
  /** Reply, Reply all, Forward or Open in composer (a copy): the composer opens with it. */
  compose(messageId: string, mode: ReplyMode): Promise<void>;
  /** Sends a failed message again as it was; with files no longer stored it opens in the composer instead. */
  retry(message: HistoryMessage): Promise<void>;
  /** Follows `history:changed` until the returned function is called. */
  listen(): () => void;
}

const fresh = createFreshness();

/** The open thread again after a change; one deleted elsewhere simply closes. */
async function refreshThread(id: string): Promise<void> {
  const result = await bridge().history.thread({ id });
  const store = useHistoryStore;
  if (store.getState().openThreadId !== id) return;
  if (result.ok) store.setState((state) => withThread(state, result.value));
  else store.setState((state) => withoutThreads(state, [id]));
}

function queryOf(filters: HistoryFilters) {
  return { ...(filters.accountId ? { accountId: filters.accountId } : {}), ...(filters.showUnsent ? {} : { status: 'sent' as const }) };
}

/** The messages of a thread the view shows: the sent ones, and the others too with "Show unsent". */
export function shownMessages(thread: HistoryThread, filters: HistoryFilters): HistoryMessage[] {
  const messages = [...thread.messages].sort((a, b) => a.attemptedAt - b.attemptedAt);
  const sent = messages.filter((m) => m.status === 'sent');
  // A thread of unsent messages only was opened with the filter on: it stays readable.
  return filters.showUnsent || sent.length === 0 ? messages : sent;
}

export const useHistoryStore = create<HistoryState & HistoryActions>()((set, get) => ({
  ...initialHistoryState,
  async load() {
    const current = fresh.begin();
    const { filters, threads } = get();
    const result = await bridge().history.threads({ ...queryOf(filters), limit: refreshLimit(threads.length) });
    if (!result.ok) set({ error: result.error.message, loaded: true });
    else if (current() && get().filters === filters) set((state) => withRefreshedHead(state, result.value));
  },
  async loadMore() {
    const { nextCursor, loadingMore, filters } = get();
    if (!nextCursor || loadingMore) return;
    set({ loadingMore: true });
    const result = await bridge().history.threads({ ...queryOf(filters), cursor: nextCursor, limit: PAGE_SIZE });
    if (get().filters !== filters) return;
    if (result.ok) set((state) => withPage(state, result.value, true));
    else set({ error: result.error.message, loadingMore: false });
  },
  setFilters(filters) {
    set((state) => withFilters(state, filters));
    void get().load();
    if (get().query.trim() !== '') void get().search(get().query);
  },
  async search(query) {
    set({ query });
    if (query.trim() === '') {
      set({ hits: null });
      return;
    }
    const { filters } = get();
    const result = await bridge().history.search({ query, ...queryOf(filters), limit: 100 });
    // A slower answer to an earlier keystroke must not replace the newer one.
    if (get().query !== query) return;
    if (result.ok) set({ hits: result.value, error: null });
    else set({ error: result.error.message });
  },
  async openThread(id) {
    set({ openThreadId: id, thread: get().thread?.thread.id === id ? get().thread : null });
    const result = await bridge().history.thread({ id });
    if (result.ok) set((state) => withThread(state, result.value));
    else if (get().openThreadId === id) set({ error: result.error.message, openThreadId: null });
  },
  closeThread() {
    set({ openThreadId: null, thread: null });
  },
  allowRemote(messageId) {
    set((state) => withRemoteAllowed(state, messageId));
  },
  async remove(target, summary) {
    const result = await bridge().history.delete(target);
    if (!result.ok) {
      set({ error: result.error.message });
      return;
    }
    set((state) => ({
      ...('threadId' in target ? withoutThreads(state, [target.threadId]) : withoutMessage(state, target.messageId)),
      deleted: { deletionId: result.value.deletionId, summary },
      error: null,
    }));
    showToast({ kind: 'thread-deleted', text: summary, action: { label: 'Undo', run: () => void get().undoDelete() } });
  },
  async undoDelete() {
    const deleted = get().deleted;
    if (!deleted) return;
    set({ deleted: null });
    dismissToast('thread-deleted');
    const result = await bridge().history.restore({ deletionId: deleted.deletionId });
    if (!result.ok) set({ error: result.error.message });
  },
  dismissDeleted() {
    set({ deleted: null });
    dismissToast('thread-deleted');
  },
  setError(error) {
    set({ error, notice: null });
  },
  async compose(messageId, mode) {
    const result = await bridge().history.replyTarget({ messageId, mode });
    if (!result.ok) {
      set({ error: result.error.message });
      return;
    }
    await useComposerStore.getState().open(result.value);
    useAppStore.getState().navigate('compose');
  },
  async retry(message) {
    const again = await bridge().outbox.retryFromHistory({ messageId: message.id });
    if (!again.ok) {
      set({ error: again.error.message, notice: null });
      return;
    }
    if (again.value.kind === 'queued') {
      set({ notice: again.value.summary, error: null });
      return;
    }
    // Its files are gone: the composer opens it, saying which to attach again.
    await useComposerStore.getState().open(again.value.message);
    useAppStore.getState().navigate('compose');
  },
  listen() {
    return bridge().on('history:changed', (change: HistoryChanged) => {
      fresh.eventArrived();
      const state = get();
      void state.load();
      if (state.query.trim() !== '') void state.search(state.query);
      if (state.openThreadId && change.threadIds.includes(state.openThreadId)) void refreshThread(state.openThreadId);
    });
  },
}));

// Selectors
export const selectThreads = (state: HistoryState) => state.threads;
export const selectHits = (state: HistoryState) => state.hits;
export const selectOpenThread = (state: HistoryState) => state.thread;
