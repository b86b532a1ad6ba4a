import type { AccountView } from '../../../shared/accounts.js';
import { providerName } from '../../../shared/providers/catalogue.js';
import { selectAccounts, selectLoaded, useAccountsStore } from './store.js';

export function AccountSummaryList(props: { accounts: AccountView[]; onOpen: (account: AccountView) => void }) {
  return (
    <ul className="side-accounts" aria-label="Connected accounts">
      {props.accounts.map((account) => (
        <li key={account.id}>
          <button type="button" className="side-account" onClick={() => props.onOpen(account)} aria-label={`${account.label}, ${providerName(account.settings.provider)}${account.attention ? ', needs attention' : ''}`}>
            <span className="side-account-top">
              <span className="side-account-label">{account.label}</span>
              {account.isDefault && <span className="badge badge-default">Default</span>}
              {account.attention && (
                <span className="badge badge-attention" title={account.attention}>
                  Needs attention
                </span>
              )}
            </span>
            <span className="side-account-meta">
              {providerName(account.settings.provider)} · {account.from.email}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The sidebar's Accounts section: every connected account and the way to manage them.
 * `current` says the Accounts screen is open; `openAccounts` opens it (the app owns navigation).
 */
export function AccountsSidebar(props: { current: boolean; openAccounts: () => void }) {
  const accounts = useAccountsStore(selectAccounts);
  const loaded = useAccountsStore(selectLoaded);
  const startEdit = useAccountsStore((state) => state.startEdit);
  const { current, openAccounts } = props;
  return (
    <section className="sidebar-section" aria-labelledby="sidebar-accounts">
      <h2 id="sidebar-accounts" className="sidebar-heading">
        Accounts
      </h2>
      {loaded && accounts.length === 0 && <p className="sidebar-empty">No account connected yet.</p>}
      <AccountSummaryList
        accounts={accounts}
        onOpen={(account) => {
          startEdit(account);
          openAccounts();
        }}
      />
      <button type="button" className={`side-nav${current ? ' side-nav-current' : ''}`} aria-current={current ? 'page' : undefined} onClick={openAccounts}>
        Manage accounts
      </button>
    </section>
  );
}
