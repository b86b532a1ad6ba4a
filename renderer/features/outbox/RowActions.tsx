import { useId, useState } from 'react';
import type { OutboxAction, OutboxRow } from '../../../shared/outbox.js';
import { toIsoWithOffset } from '../composer/index.js';
import { useOutboxStore } from './store.js';

function localValue(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Change time: the scheduled time, editable in place. */
function ChangeTime(props: { row: OutboxRow; onDone: () => void }) {
  const [value, setValue] = useState(localValue(props.row.sendAt));
  const inputId = useId();
  const iso = toIsoWithOffset(value);
  const problem = iso === null ? 'Choose a date and time.' : new Date(value).getTime() <= Date.now() ? 'Choose a time in the future, or use Send now.' : null;
  return (
    <div className="send-later" role="group" aria-label={`Change the time of “${props.row.subject || '(no subject)'}”`}>
      <label htmlFor={inputId}>Send at</label>
      <input id={inputId} type="datetime-local" value={value} onChange={(event) => setValue(event.target.value)} />
      <button
        type="button"
        className="button-primary"
        disabled={problem !== null}
        onClick={() => {
          if (iso) void useOutboxStore.getState().reschedule(props.row.id, iso).then((ok) => ok && props.onDone());
        }}
      >
        Save time
      </button>
      <button type="button" className="button-quiet" onClick={props.onDone}>
        Keep the time
      </button>
      {problem ? <span className="field-error">{problem}</span> : null}
    </div>
  );
}

/** "Send again anyway" asks first: the vendor may have delivered it already. */
function SendAgainConfirm(props: { row: OutboxRow; onDone: () => void }) {
  const textId = useId();
  return (
    <div className="confirm" role="alertdialog" aria-label="Send again anyway?" aria-describedby={textId}>
      <p id={textId}>
        {props.row.vendor ?? 'The vendor'} may already have delivered “{props.row.subject || '(no subject)'}”. Sending it again may deliver it twice to {props.row.recipients}.
      </p>
      <button
        type="button"
        className="button-primary"
        onClick={() => {
          props.onDone();
          void useOutboxStore.getState().decide('sendAgain', props.row.id);
        }}
      >
        Send it again
      </button>
      <button type="button" className="button-secondary" onClick={props.onDone}>
        Don’t send
      </button>
    </div>
  );
}

const LABEL: Record<Exclude<OutboxAction, 'check'>, string> = {
  send_now: 'Send now',
  reschedule: 'Change time',
  edit: 'Edit',
  cancel: 'Cancel',
  retry_now: 'Retry now',
  retry: 'Retry',
  send_again: 'Send again anyway',
  open_accounts: 'Open Accounts',
};

/** The row's actions, exactly those main says it offers now, first one primary. */
export function RowActions(props: { row: OutboxRow; subject: string; onEdit: () => void; onOpenAccount: () => void }) {
  const { row } = props;
  const [open, setOpen] = useState<'time' | 'again' | null>(null);
  if (row.actions.length === 0) return null;
  const store = useOutboxStore.getState;
  const run: Record<OutboxAction, () => void> = {
    send_now: () => void store().decide('sendNow', row.id),
    reschedule: () => setOpen('time'),
    edit: props.onEdit,
    cancel: () => void store().cancel(row.id),
    retry_now: () => void store().decide('retryNow', row.id),
    retry: () => void store().decide('retry', row.id),
    send_again: () => setOpen('again'),
    check: () => void store().decide('check', row.id),
    open_accounts: props.onOpenAccount,
  };
  const label = (action: OutboxAction) => (action === 'check' ? `Check with ${row.vendor ?? 'the vendor'}` : LABEL[action]);
  return (
    <div className="outbox-actions" role="group" aria-label={`Actions for “${props.subject}”`}>
      {row.actions.map((action, index) => (
        <button key={action} type="button" className={index === 0 ? 'button-primary' : 'button-secondary'} onClick={run[action]}>
          {label(action)}
        </button>
      ))}
      {open === 'time' ? <ChangeTime row={row} onDone={() => setOpen(null)} /> : null}
      {open === 'again' ? <SendAgainConfirm row={row} onDone={() => setOpen(null)} /> : null}
    </div>
  );
}
