import { useEffect } from 'react';
import { selectMailClient, useDesktopStore } from './store.js';

/** Whether email links on this computer open in Composer, and the platform's way to change it. */
export function DefaultMailApp() {
  const status = useDesktopStore(selectMailClient);
  const busy = useDesktopStore((state) => state.busy);
  const error = useDesktopStore((state) => state.error);
  const { load, makeDefault } = useDesktopStore.getState();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="vault desktop-setting" aria-labelledby="default-mail-app-title">
      <h3 id="default-mail-app-title" className="desktop-setting-title">
        Default mail app
      </h3>
      {status ? <p className="vault-message">{status.explanation}</p> : null}
      {status?.actionLabel ? (
        <button type="button" className="button-secondary" onClick={() => void makeDefault()} disabled={busy}>
          {status.actionLabel}
        </button>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
