import { useEffect } from 'react';
import { AppFooter } from './features/app/AppFooter.js';
import { NoticeBar } from './features/app/NoticeBar.js';
import { useAppStore } from './features/app/store.js';
import { Welcome } from './features/app/Welcome.js';

export function App() {
  const load = useAppStore((state) => state.load);
  const listen = useAppStore((state) => state.listen);

  useEffect(() => {
    const stop = listen();
    void load();
    return stop;
  }, [load, listen]);

  return (
    <div className="shell" data-testid="main-window">
      <aside className="sidebar" aria-label="Accounts">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">✉</span>
          <span className="brand-name">Composer</span>
        </div>
        <h2 className="sidebar-heading">Accounts</h2>
        <p className="sidebar-empty">No account connected yet.</p>
      </aside>
      <main className="content">
        <NoticeBar />
        <Welcome />
        <AppFooter />
      </main>
    </div>
  );
}
