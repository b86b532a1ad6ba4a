import type { AccountView } from '../../../shared/accounts.js';
import { SignatureEditor } from '../accounts/index.js';
import { useTemplatesStore, type TemplateEdit } from './store.js';

/** Who it is offered for: one account, or every account. */
export function ScopeSelect(props: { id: string; accounts: readonly AccountView[]; value: string | null; onChange: (accountId: string | null) => void }) {
  return (
    <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}>
      <option value="">Every account</option>
      {/* Its account was removed: said as it is until another is chosen. */}
      {props.value !== null && !props.accounts.some((a) => a.id === props.value) && <option value={props.value}>A removed account</option>}
      {props.accounts.map((a) => (
        <option key={a.id} value={a.id}>
          {a.label}
        </option>
      ))}
    </select>
  );
}

/** Changing a template's name, account, subject and body; its merge fields are edited as the text they are. */
export function TemplateEditor(props: { edit: TemplateEdit; accounts: readonly AccountView[] }) {
  const { edit, accounts } = props;
  const store = useTemplatesStore();
  const what = edit.kind === 'snippet' ? 'snippet' : 'template';
  return (
    <section className="panel" aria-labelledby="template-edit-title">
      <h2 id="template-edit-title">{edit.id === undefined ? `New ${what}` : `Edit ${what}`}</h2>
      <p className="panel-lead">Merge fields such as {'{{first_name}}'} or {'{{company | "your team"}}'} stay as typed; Send fills them for each recipient.</p>
      <form
        className="account-form"
        onSubmit={(event) => {
          event.preventDefault();
          void store.saveEdit();
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="template-name">Name</label>
            <input id="template-name" type="text" value={edit.name} onChange={(e) => store.changeEdit({ name: e.target.value })} />
          </div>
          <div className="field setting-row">
            <label htmlFor="template-scope">Offered for</label>
            <ScopeSelect id="template-scope" accounts={accounts} value={edit.accountId} onChange={(accountId) => store.changeEdit({ accountId })} />
          </div>
        </div>
        {edit.kind === 'template' && (
          <div className="field">
            <label htmlFor="template-subject">Subject</label>
            <input id="template-subject" type="text" value={edit.subject} onChange={(e) => store.changeEdit({ subject: e.target.value })} />
          </div>
        )}
        <div className="field">
          <span className="field-label">Body</span>
          <SignatureEditor label={`Body of ${what}`} html={edit.html} onChange={(html) => store.changeEdit({ html })} />
        </div>
        {edit.attachments.length > 0 && (
          <ul className="template-files" aria-label="Files">
            {edit.attachments.map((file) => (
              <li key={file.token}>
                {file.filename}
                <button type="button" className="button-quiet" onClick={() => store.changeEdit({ attachments: edit.attachments.filter((a) => a.token !== file.token) })} aria-label={`Remove ${file.filename}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        {store.editError && (
          <p role="alert" className="form-error">
            {store.editError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={store.saving || edit.name.trim() === ''}>
            Save {what}
          </button>
          <button type="button" className="button-quiet" onClick={() => store.startEdit(null)}>
            Close without saving
          </button>
        </div>
      </form>
    </section>
  );
}
