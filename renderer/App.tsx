import { AccountsSidebar, selectAccounts, selectLoaded, useAccountsStore, VaultPanel } from './features/accounts/index.js';
import { AppFooter } from './features/app/AppFooter.js';
import { NoticeBar } from './features/app/NoticeBar.js';
import { selectView, useAppStore } from './features/app/store.js';
import { Welcome } from './features/app/Welcome.js';
import { ComposerPage, useComposerStore } from './features/composer/index.js';
import { DraftsList, DraftsToggle, useDraftsStore } from './features/drafts/index.js';
import { selectWaiting, useOutboxStore } from './features/outbox/index.js';
import { Toasts } from './features/toasts/index.js';
import { AccountsScreen, OutboxView, SentView, SettingsView, TemplatesScreen } from './screens.js';

export function App() {
  const view = useAppStore(selectView);
  const navigate = useAppStore((state) => state.navigate);
  const hasAccounts = useAccountsStore(selectAccounts).length > 0;
  const accountsLoaded = useAccountsStore(selectLoaded);
  const waiting = useOutboxStore(selectWaiting);
  const draftsOpen = useDraftsStore((state) => state.panelOpen);

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
          onClick={() => {
            if (!hasAccounts) return useAppStore.getState().askFirstAccount();
            // The message being written is saved as a draft first; nothing is thrown away.
            void useComposerStore.getState().startNew();
            navigate('compose');
          }}
          title="Ctrl+N"
        >
          New message
        </button>
        <nav className="mailboxes" aria-label="Mailboxes">
          <button type="button" className="mailbox" aria-current={view === 'compose' && hasAccounts ? 'page' : undefined} onClick={() => navigate('compose')}>
            Drafts
          </button>
          <button type="button" className="mailbox" aria-current={view === 'outbox' ? 'page' : undefined} onClick={() => navigate('outbox')}>
            Outbox
            {waiting > 0 ? <span className="mailbox-count" aria-label={`${waiting} waiting`}>{waiting}</span> : null}
          </button>
          <button type="button" className="mailbox" aria-current={view === 'sent' ? 'page' : undefined} onClick={() => navigate('sent')}>
            Sent
          </button>
        </nav>
        <AccountsSidebar current={view === 'accounts'} openAccounts={() => navigate('accounts')} />
        <button type="button" className="mailbox sidebar-templates" aria-current={view === 'templates' ? 'page' : undefined} onClick={() => navigate('templates')}>
          Templates
        </button>
        <button type="button" className="mailbox sidebar-settings" aria-current={view === 'settings' ? 'page' : undefined} onClick={() => navigate('settings')} title="Ctrl+,">
          Settings
        </button>
      </aside>
      <main className="content">
        <NoticeBar />
        {/* The passphrase is asked once at start, whatever screen is open. */}
        {view !== 'accounts' && <VaultPanel onlyWhenLocked />}
        {view === 'compose' &&
          (hasAccounts || !accountsLoaded ? (
            // Mounted, hidden, while the accounts are on their way: the editor is made during the
            // first render, not after their answer. A first start without any shows Welcome instead.
            <div className={`compose-layout${draftsOpen ? ' drafts-open' : ''}`} hidden={!hasAccounts}>
              <DraftsToggle />
              <DraftsList />
              <ComposerPage />
            </div>
          ) : (
            <Welcome />
          ))}
        {view === 'outbox' && <OutboxView />}
        {view === 'accounts' && <AccountsScreen />}
        {view === 'sent' && <SentView />}
        {view === 'settings' && <SettingsView />}
        {view === 'templates' && <TemplatesScreen />}
        <AppFooter />
      </main>
      <Toasts />
    </div>
  );
}
