import { useCallback, useEffect, useRef, useState } from 'react';
import { accountLabel, selectAccounts, useAccountsStore } from '../accounts/index.js';
import { useAppStore } from '../app/index.js';
import { SearchResults } from './SearchResults.js';
import { selectHits, selectThreads, useHistoryStore } from './store.js';
import { ThreadList } from './ThreadList.js';
import { ThreadView } from './ThreadView.js';

const SEARCH_DELAY_MS = 150;

/** Everything sent, by thread: search, filters, the list, and the open thread beside it. */
export function SentView() {
  const threads = useHistoryStore(selectThreads);
  const hits = useHistoryStore(selectHits);
  const loaded = useHistoryStore((state) => state.loaded);
  const hasMore = useHistoryStore((state) => state.nextCursor !== null);
  const filters = useHistoryStore((state) => state.filters);
  const openId = useHistoryStore((state) => state.openThreadId);
  const error = useHistoryStore((state) => state.error);
  const notice = useHistoryStore((state) => state.notice);
  const query = useHistoryStore((state) => state.query);
  const accounts = useAccountsStore(selectAccounts);
  const [typed, setTyped] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const store = useHistoryStore.getState();
    const stop = store.listen();
    void store.load();
    // Replies sent while the view was closed belong in the thread left open.
    if (store.openThreadId) void store.openThread(store.openThreadId);
    return stop;
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const label = useCallback((id: string) => accountLabel(accounts, id), [accounts]);
  const needMore = useCallback(() => void useHistoryStore.getState().loadMore(), []);
  const open = useCallback((id: string) => void useHistoryStore.getState().openThread(id), []);
  // "Find in the Sent view" (menu, Ctrl/Cmd+Shift+F) lands in the search box.
  const searchBox = useRef<HTMLInputElement>(null);
  const findRequests = useAppStore((state) => state.findRequests);
  useEffect(() => {
    if (findRequests > 0) searchBox.current?.focus();
  }, [findRequests]);
  const onSearch = (value: string) => {
    setTyped(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void useHistoryStore.getState().search(value), SEARCH_DELAY_MS);
  };

  return (
    <section className="sent" aria-labelledby="sent-title">
      <header className="sent-head">
        <h1 id="sent-title">Sent</h1>
        <input ref={searchBox} className="sent-search" type="search" placeholder="Search sent mail" aria-label="Search sent mail" value={typed} onChange={(event) => onSearch(event.target.value)} />
        <select aria-label="Account" value={filters.accountId ?? ''} onChange={(event) => useHistoryStore.getState().setFilters({ accountId: event.target.value || null })}>
          <option value="">All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.label}
            </option>
          ))}
        </select>
        <label className="sent-unsent" title="Messages that failed or may not have been sent live in the Outbox; this shows them here too.">
          <input type="checkbox" checked={filters.showUnsent} onChange={(event) => useHistoryStore.getState().setFilters({ showUnsent: event.target.checked })} />
          Show unsent
        </label>
      </header>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="sent-notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="sent-layout">
        <div className="sent-pane">
          {hits !== null && query.trim() !== '' ? (
            <SearchResults hits={hits} query={query} openId={openId} accountLabel={label} onOpen={open} />
          ) : loaded && threads.length === 0 ? (
            <p className="sent-empty">{filters.accountId ? 'No message matches these filters.' : filters.showUnsent ? 'Nothing sent or tried yet.' : 'Nothing sent yet. Messages appear here once they leave the Outbox; failed ones stay there (Show unsent lists them here too).'}</p>
          ) : (
            <ThreadList threads={threads} hasMore={hasMore} openId={openId} showUnsent={filters.showUnsent} accountLabel={label} onOpen={open} onNeedMore={needMore} />
          )}
        </div>
        <div className="sent-detail">
          <ThreadView />
        </div>
      </div>
    </section>
  );
}
