import { useEffect } from 'react';
import { AccountsScreen, AccountsSidebar, selectAccounts, useAccountsStore, VaultPanel } from './features/accounts/index.js';
import { AppFooter } from './features/app/AppFooter.js';
import { NoticeBar } from './features/app/NoticeBar.js';
import { selectView, useAppStore } from './features/app/store.js';
import { Welcome } from './features/app/Welcome.js';
import { ComposerPage } from './features/composer/index.js';
import { DraftsList } from './features/drafts/index.js';

export function App() {
  const load = useAppStore((state) => state.load);
  const listen = useAppStore((state) => state.listen);
  const loadAccounts = useAccountsStore((state) => state.load);
  const listenAccounts = useAccountsStore((state) => state.listen);
  const view = useAppStore(selectView);
  const navigate = useAppStore((state) => state.navigate);
  const hasAccounts = useAccountsStore(selectAccounts).length > 0;

  useEffect(() => {
    const stop = listen();
    const stopAccounts = listenAccounts();
    void load();
    void loadAccounts();
    return () => {
      stop();
      stopAccounts();
    };
  }, [load, listen, loadAccounts, listenAccounts]);

  return (
    <div className="shell" data-testid="main-window">
      <aside className="sidebar" aria-label="Sidebar">
        <button type="button" className="brand" onClick={() => navigate('compose')} aria-label="Composer home">
          <span className="brand-mark" aria-hidden="true">✉</span>
          <span className="brand-name">Composer</span>
        </button>
        <button
          type="button"
          className="button-primary new-message"
          onClick={() => navigate('compose')}
          title="Ctrl+N"
        >
          New message
        </button>
        <AccountsSidebar />
      </aside>
      <main className="content">
        <NoticeBar />
        {/* The passphrase is asked once at start, whatever screen is open. */}
        {view !== 'accounts' && <VaultPanel onlyWhenLocked />}
        {view === 'compose' &&
          (hasAccounts ? (
            <div className="compose-layout">
              <DraftsList />
              <ComposerPage />
            </div>
          ) : (
            <Welcome />
          ))}
        {view === 'accounts' && <AccountsScreen />}
        <AppFooter />
      </main>
    </div>
  );
}
