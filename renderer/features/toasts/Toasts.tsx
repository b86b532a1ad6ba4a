import { useEffect, useState } from 'react';
import { selectToasts, useToastsStore, type Toast } from './store.js';
import { timeLeft } from './time-left.js';

const TICK_MS = 250;

function ToastView(props: { toast: Toast; now: number }) {
  const { toast, now } = props;
  const action = toast.action;
  const counting = action?.until !== undefined ? ` (${timeLeft(action.until - now, action.until)})` : '';
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast-text">{toast.text}</span>
      {action ? (
        <button type="button" className="toast-action" onClick={action.run}>
          {action.label}
          {counting}
        </button>
      ) : null}
      <button type="button" className="toast-close" aria-label="Dismiss" title="Dismiss" onClick={() => useToastsStore.getState().dismiss(toast.kind)}>
        ×
      </button>
    </div>
  );
}

/**
 * The one place toasts appear, bottom centre, newest last. A clock runs only while a toast
 * counts down or has an end, and each frame reads the time afresh, so a toast's first frame
 * never shows a count left over from an earlier one.
 */
export function Toasts() {
  const toasts = useToastsStore(selectToasts);
  const [, setTick] = useState(0);
  const timed = toasts.some((t) => t.endsAt !== null || t.action?.until !== undefined);
  useEffect(() => {
    if (!timed) return;
    const timer = setInterval(() => {
      useToastsStore.getState().expire(Date.now());
      setTick((n) => n + 1);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [timed]);
  const now = Date.now();
  // The live region is always there, so a toast put into it is announced.
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastView key={toast.kind} toast={toast} now={now} />
      ))}
    </div>
  );
}
