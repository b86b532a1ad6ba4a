import type { AccountView } from '../../../../shared/accounts.js';

function accountLabel(account: AccountView): string {
  return `${account.label} — ${account.from.email}`;
}

/** The From switcher, with why this account cannot send when it cannot. */
export function FromRow(props: { accounts: AccountView[]; accountId: string | null; refusal: string | null; onChange(id: string | null): void }) {
  return (
    <div className="composer-row">
      <label className="composer-label" htmlFor="composer-from">
        From
      </label>
      <select
        id="composer-from"
        className="from-select"
        value={props.accountId ?? ''}
        onChange={(event) => props.onChange(event.target.value || null)}
        disabled={props.accounts.length === 0}
      >
        {props.accounts.length === 0 ? <option value="">No account connected</option> : null}
        {props.accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {accountLabel(a)}
          </option>
        ))}
      </select>
      {props.refusal ? <p className="field-error composer-note">{props.refusal}</p> : null}
    </div>
  );
}
