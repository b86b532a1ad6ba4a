import type { FieldProblem } from '../../../../shared/capability-check.js';
import type { SendStatus } from '../composer-state.js';

/** What the account's vendor will not carry, said beside the fields; not blocking. */
export function VendorWarnings(props: { warnings: FieldProblem[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <ul className="composer-warnings" aria-label="What this account will not carry">
      {props.warnings.map((w) => (
        <li key={w.message}>{w.message}</li>
      ))}
    </ul>
  );
}

/** The passing remark (with OK to let it go) and why the last send failed, below Send. */
export function ComposerStatus(props: { remark: string | null; status: SendStatus; onDismissRemark: () => void }) {
  return (
    <>
      <div className="composer-status" aria-live="polite">
        {props.remark ? (
          <p className="status-remark">
            {props.remark}{' '}
            <button type="button" className="link-button" onClick={props.onDismissRemark}>
              OK
            </button>
          </p>
        ) : null}
      </div>
      {props.status.kind === 'failed' ? (
        <p className="status-failed" role="alert">
          Not sent: {props.status.text} Your message is still here.
        </p>
      ) : null}
    </>
  );
}
