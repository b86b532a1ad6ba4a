import { useEffect, useRef } from 'react';
import { selectAccounts, selectLoaded, useAccountsStore } from '../accounts/index.js';
import { requestComposerFocus } from '../composer/index.js';
import { ProviderGrid } from '../providers/index.js';
import { useAppStore } from './store.js';

/** First start with no account: the sandbox is one click away, a vendor account two. */
function FirstSteps() {
  const loaded = useAccountsStore(selectLoaded);
  const accounts = useAccountsStore(selectAccounts);
  const trySandbox = useAccountsStore((state) => state.trySandbox);
  const startAdd = useAccountsStore((state) => state.startAdd);
  const error = useAccountsStore((state) => state.actionError);
  const navigate = useAppStore((state) => state.navigate);
  const asked = useAppStore((state) => state.writeAsked);
  const sandboxButton = useRef<HTMLButtonElement>(null);
  // "New message" before any account: the choices here are the way to one, so focus goes to them.
  useEffect(() => {
    if (asked > 0) sandboxButton.current?.focus();
  }, [asked, loaded]);
  if (!loaded || accounts.length > 0) return null;
  return (
    <div className="first-steps">
      <div>
        <h2>No account yet?</h2>
        <p>The sandbox sends nowhere: it records each message on this computer, so you can try everything first.</p>
        {asked > 0 ? (
          <p className="first-steps-asked" role="status">
            To write a message, first try the sandbox or connect an account.
          </p>
        ) : null}
      </div>
      <div className="first-steps-actions">
        <button
          ref={sandboxButton}
          type="button"
          className="button-primary"
          onClick={() =>
            void trySandbox().then(() => {
              if (useAccountsStore.getState().actionError === null) requestComposerFocus('to');
            })
          }
        >
          Try the sandbox
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            startAdd();
            navigate('accounts');
          }}
        >
          Connect an account
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function Welcome() {
  const chooseProvider = useAccountsStore((state) => state.chooseProvider);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Write once, send through the API you already use</h1>
      <p className="welcome-lead">
        Composer keeps each account&apos;s credentials encrypted on this computer, sends through the vendor&apos;s own
        endpoint, and never loses a draft. Pick the service you send through to connect it; here is what each can carry:
      </p>
      <FirstSteps />
      <ProviderGrid
        onChoose={(id) => {
          chooseProvider(id);
          navigate('accounts');
        }}
      />
    </section>
  );
}
