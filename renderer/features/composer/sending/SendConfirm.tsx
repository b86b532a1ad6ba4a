import type { PendingConfirm } from '../store.js';

/** What Send asks first (no subject, a forgotten attachment): send anyway, or go back to the text. */
export function SendConfirm(props: { confirm: PendingConfirm; onSend: () => void; onBack: () => void }) {
  return (
    <div className="send-confirm" role="alertdialog" aria-label="Before sending" aria-describedby="confirm-questions">
      <div id="confirm-questions">
        {props.confirm.questions.map((q) => (
          <p key={q}>{q}</p>
        ))}
      </div>
      <button type="button" className="button-primary" onClick={props.onSend}>
        Send anyway
      </button>
      <button type="button" className="button-secondary" onClick={props.onBack}>
        Go back
      </button>
    </div>
  );
}
