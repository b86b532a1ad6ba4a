import { useId, useState } from 'react';

function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The chosen local time as ISO 8601 with the machine's offset, which the outbox requires. */
export function toIsoWithOffset(local: string): string | null {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  // Seconds are kept when the field carries them (a value typed or set with seconds).
  return `${localInputValue(date)}:${pad(date.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** Picks when the message should go out; the outbox keeps it across restarts until then. */
export function SendLater(props: { disabled: boolean; onSchedule: (iso: string) => void }) {
  const [open, setOpen] = useState(false);
  const inOneHour = localInputValue(new Date(Date.now() + 60 * 60 * 1000));
  const [value, setValue] = useState(inOneHour);
  const inputId = useId();
  const iso = toIsoWithOffset(value);
  const inPast = iso !== null && new Date(value).getTime() <= Date.now();
  const problem = iso === null ? 'Choose a date and time.' : inPast ? 'Choose a time in the future.' : null;
  if (!open) {
    return (
      <button type="button" className="button-secondary" disabled={props.disabled} onClick={() => setOpen(true)}>
        Send later…
      </button>
    );
  }
  return (
    <div className="send-later" role="group" aria-label="Send later">
      <label htmlFor={inputId}>Send at</label>
      <input id={inputId} type="datetime-local" value={value} min={localInputValue(new Date())} onChange={(event) => setValue(event.target.value)} />
      <button
        type="button"
        className="button-primary"
        disabled={props.disabled || problem !== null}
        onClick={() => {
          if (!iso) return;
          setOpen(false);
          props.onSchedule(iso);
        }}
      >
        Schedule
      </button>
      <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {problem ? <span className="field-error">{problem}</span> : null}
    </div>
  );
}
