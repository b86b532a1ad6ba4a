import { useEffect } from 'react';
import { AccountsScreen, AccountsSidebar, useAccountsStore, VaultPanel } from './features/accounts/index.js';
import { AppFooter } from './features/app/AppFooter.js';
import { NoticeBar } from './features/app/NoticeBar.js';
import { selectView, useAppStore } from './features/app/store.js';
import { Welcome } from './features/app/Welcome.js';

export function App() {
  const load = useAppStore((state) => state.load);
  const listen = useAppStore((state) => state.listen);
  const loadAccounts = useAccountsStore((state) => state.load);
  const listenAccounts = useAccountsStore((state) => state.listen);
  const view = useAppStore(selectView);
  const navigate = useAppStore((state) => state.navigate);

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
        <button type="button" className="brand" onClick={() => navigate('home')} aria-label="Composer home">
          <span className="brand-mark" aria-hidden="true">✉</span>
          <span className="brand-name">Composer</span>
        </button>
        <AccountsSidebar />
      </aside>
      <main className="content">
        <NoticeBar />
        {/* The passphrase is asked once at start, whatever screen is open. */}
        {view !== 'accounts' && <VaultPanel onlyWhenLocked />}
        {view === 'home' && <Welcome />}
        {view === 'accounts' && <AccountsScreen />}
        <AppFooter />
      </main>
    </div>
  );
}
