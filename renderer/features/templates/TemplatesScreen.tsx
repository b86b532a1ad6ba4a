import { useEffect } from 'react';
import { accountLabel, selectAccounts, useAccountsStore } from '../accounts/index.js';
import { TemplateEditor } from './TemplateEditor.js';
import { TemplateRow } from './TemplateRow.js';
import { selectTemplates, useTemplatesStore, visibleTemplates, type TemplatesFilter } from './store.js';

function filterValue(filter: TemplatesFilter): string {
  return filter.kind === 'account' ? `account:${filter.accountId}` : filter.kind;
}

function filterFrom(value: string): TemplatesFilter {
  if (value.startsWith('account:')) return { kind: 'account', accountId: value.slice('account:'.length) };
  return value === 'every-account' ? { kind: 'every-account' } : { kind: 'all' };
}

/** The saved templates and snippets: list, filter by account, rename, edit, delete with Undo. */
export function TemplatesScreen() {
  const templates = useTemplatesStore(selectTemplates);
  const accounts = useAccountsStore(selectAccounts);
  const store = useTemplatesStore();
  useEffect(() => {
    void useTemplatesStore.getState().load();
  }, []);
  const shown = visibleTemplates(templates, store.filter);
  const scopeOf = (accountId: string | null) => (accountId === null ? 'Every account' : accountLabel(accounts, accountId));
  return (
    <section className="screen" aria-labelledby="templates-title">
      <header className="screen-header">
        <h1 id="templates-title">Templates</h1>
        <div className="template-head-actions">
        <div className="setting-row template-filter">
          <label htmlFor="templates-filter">Show</label>
          <select id="templates-filter" value={filterValue(store.filter)} onChange={(e) => store.setFilter(filterFrom(e.target.value))}>
            <option value="all">All templates and snippets</option>
            <option value="every-account">Those for every account</option>
            {accounts.map((a) => (
              <option key={a.id} value={`account:${a.id}`}>
                Those offered for {a.label}
              </option>
            ))}
          </select>
        </div>
        {!store.editing && (
          <button type="button" className="button-primary" onClick={store.startNewSnippet}>
            New snippet
          </button>
        )}
        </div>
      </header>
      {store.loadError && (
        <p role="alert" className="form-error">
          The templates could not be loaded: {store.loadError} Open Templates again to retry.
        </p>
      )}
      {store.actionError && (
        <p role="alert" className="form-error">
          {store.actionError}
        </p>
      )}
      {store.editing && <TemplateEditor key={store.editing.id ?? 'new'} edit={store.editing} accounts={accounts} />}
      {store.loaded && templates.length === 0 && (
        <p className="empty">
          No template or snippet yet. Write a snippet with New snippet, or save a message with Save as template in the composer’s toolbar; then type / at the start of a word in a message body to use it.
        </p>
      )}
      {store.loaded && templates.length > 0 && shown.length === 0 && <p className="empty">None for this choice. Show all to see the others.</p>}
      {shown.length > 0 && (
        <ul className="account-list" aria-label="Templates and snippets">
          {shown.map((t) => (
            <TemplateRow key={t.id} template={t} scope={scopeOf(t.accountId)} />
          ))}
        </ul>
      )}
    </section>
  );
}
