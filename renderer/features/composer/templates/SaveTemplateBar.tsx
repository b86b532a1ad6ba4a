import { useId, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts.js';

/**
 * "Save as template": a name, and whether it is offered for this account or every account.
 * A refusal (a name already used) is said under the name, with the name kept as typed.
 */
export function SaveTemplateBar(props: { account: AccountView | null; initialName: string; onSave: (name: string, accountId: string | null) => Promise<string | null>; onClose: () => void }) {
  const [name, setName] = useState(props.initialName);
  const [scope, setScope] = useState<'account' | 'all'>(props.account ? 'account' : 'all');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameId = useId();
  const scopeId = useId();
  const errorId = useId();
  const save = async () => {
    if (name.trim() === '' || saving) return;
    setSaving(true);
    const refusal = await props.onSave(name.trim(), scope === 'account' && props.account ? props.account.id : null);
    setSaving(false);
    if (refusal) setError(refusal);
  };
  return (
    <form
      className="link-bar template-bar"
      role="dialog"
      aria-label="Save as template"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onClose();
      }}
    >
      <label htmlFor={nameId}>Template name</label>
      <input
        id={nameId}
        autoFocus
        className="link-input"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
      />
      <label htmlFor={scopeId}>For</label>
      <select id={scopeId} className="template-scope" value={scope} onChange={(event) => setScope(event.target.value === 'account' ? 'account' : 'all')}>
        {props.account && <option value="account">{props.account.label} only</option>}
        <option value="all">Every account</option>
      </select>
      <button type="submit" className="button-primary" disabled={name.trim() === '' || saving}>
        Save template
      </button>
      <button type="button" className="button-quiet" onClick={props.onClose}>
        Cancel
      </button>
      <p className="field-help template-bar-help">Subject, body, Cc, Bcc and files are kept; merge fields such as {'{{first_name}}'} stay to be filled at Send.</p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
