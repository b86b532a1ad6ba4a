import type { AccountView } from '../../../shared/accounts.js';
import { AccountFormPanel, ProviderPicker } from './AccountForm.js';
import { providerCatalogue } from '../../../shared/providers/catalogue.js';
import { selectAccounts, selectLoaded, useAccountsStore } from './store.js';
import { VaultPanel } from './VaultPanel.js';

function AccountRow(props: { account: AccountView }) {
  const { account } = props;
  const store = useAccountsStore();
  const help = providerCatalogue[account.settings.provider];
  const confirming = store.confirmRemoveId === account.id;
  return (
    <li className={`account-row${account.attention ? ' account-row-attention' : ''}`} aria-label={account.label}>
      <div className="account-main">
        <div className="account-title">
          <span className="account-label">{account.label}</span>
          <span className="account-provider">{help.name}</span>
          {account.isDefault && <span className="badge badge-default">Default</span>}
        </div>
        <div className="account-meta">
          <span>{account.from.name ? `${account.from.name} <${account.from.email}>` : account.from.email}</span>
          {help.secretLabel && <span>{account.hasSecret ? `Key ••••${account.secretHint ?? ''}` : 'No usable key'}</span>}
        </div>
        {account.attention && (
          <p className="account-attention">
            <span className="badge badge-attention">Needs attention</span> {account.attention}
          </p>
        )}
      </div>
      <div className="account-actions">
        {!account.isDefault && (
          <button type="button" className="button-quiet" onClick={() => void store.setDefault(account.id)} aria-label={`Make ${account.label} the default`}>
            Make default
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => store.startEdit(account)} aria-label={`Edit ${account.label}`}>
          Edit
        </button>
        <button type="button" className="button-quiet button-danger" onClick={() => store.askRemove(account.id)} aria-label={`Remove ${account.label}`}>
          Remove
        </button>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={`Remove ${account.label}?`} aria-describedby={`confirm-${account.id}`}>
          <p id={`confirm-${account.id}`}>
            Remove <strong>{account.label}</strong> ({help.name}, {account.from.email})? Its key is deleted from this computer; drafts keep their text.
          </p>
          <button type="button" className="button-danger-solid" onClick={() => void store.remove(account.id)}>
            Remove {account.label}
          </button>
          <button type="button" className="button-quiet" onClick={() => store.askRemove(null)} autoFocus>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}

/** Add, edit, remove and choose the default account; and how their keys are kept. */
export function AccountsScreen() {
  const accounts = useAccountsStore(selectAccounts);
  const loaded = useAccountsStore(selectLoaded);
  const store = useAccountsStore();
  return (
    <section className="screen" aria-labelledby="accounts-title">
      <header className="screen-header">
        <h1 id="accounts-title">Accounts</h1>
        {!store.form && !store.choosingProvider && (
          <button type="button" className="button-primary" onClick={store.startAdd}>
            Add account
          </button>
        )}
      </header>
      {store.loadError && <p role="alert" className="form-error">The accounts could not be loaded: {store.loadError}</p>}
      {store.actionError && <p role="alert" className="form-error">{store.actionError}</p>}
      <VaultPanel />
      {store.choosingProvider && <ProviderPicker onChoose={store.chooseProvider} onCancel={store.closeForm} />}
      {store.form && <AccountFormPanel key={store.form.id ?? `new-${store.form.provider}`} form={store.form} />}
      {!store.form && !store.choosingProvider && loaded && accounts.length === 0 && (
        <p className="empty">No account yet. Add one to start sending, or try the sandbox from the welcome page.</p>
      )}
      {!store.form && !store.choosingProvider && accounts.length > 0 && (
        <ul className="account-list" aria-label="Accounts">
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} />
          ))}
        </ul>
      )}
    </section>
  );
}
