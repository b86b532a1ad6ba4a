import type { MergeCheck } from './merge-check.js';

export interface MergePanelProps {
  check: MergeCheck;
  fieldNames: readonly string[];
  table: string;
  onTable(text: string): void;
}

const PLACEHOLDER = 'email,first_name,company,invoice_number\nann@acme.io,Ann,Acme,INV-1042';

/**
 * The merge fields the message holds and the table the person pastes for their values
 * (CSV or TSV with a header row: email plus columns), kept with the draft.
 */
export function MergePanel(props: MergePanelProps) {
  const { check } = props;
  const rows = check.table?.rows.size ?? 0;
  return (
    <section className="merge-panel" aria-label="Merge fields">
      <p className="merge-summary">
        {props.fieldNames.length > 0
          ? `Fields: ${props.fieldNames.map((n) => `{{${n}}}`).join(', ')}. Each recipient fills them from their name, email and domain, then from the table.`
          : 'Write {{first_name}}, {{company}} or {{invoice_number | "your invoice"}} in the subject or body; each recipient fills them from their name, email and domain, then from the table.'}
      </p>
      <label className="merge-label" htmlFor="merge-table">
        Merge table (paste CSV or TSV: a header row with email plus columns)
      </label>
      <textarea
        id="merge-table"
        className="merge-table"
        rows={3}
        spellCheck={false}
        placeholder={PLACEHOLDER}
        value={props.table}
        onChange={(event) => props.onTable(event.target.value)}
        aria-describedby="merge-table-status"
      />
      <p id="merge-table-status" className={check.tableError ? 'field-error' : 'merge-status'}>
        {check.tableError ??
          (check.table ? `${rows} ${rows === 1 ? 'row' : 'rows'}; columns: ${check.table.columns.filter((c) => c !== 'email').join(', ') || 'email only'}.` : '')}
      </p>
    </section>
  );
}
