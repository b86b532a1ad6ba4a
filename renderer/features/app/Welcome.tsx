import { selectAccounts, selectLoaded, useAccountsStore } from '../accounts/index.js';
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
  if (!loaded || accounts.length > 0) return null;
  return (
    <div className="first-steps">
      <div>
        <h2>No account yet?</h2>
        <p>The sandbox sends nowhere: it records each message on this computer, so you can try everything first.</p>
      </div>
      <div className="first-steps-actions">
        <button type="button" className="button-primary" onClick={() => void trySandbox()}>
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
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Write once, send through the API you already use</h1>
      <p className="welcome-lead">
        Composer keeps each account&apos;s credentials encrypted on this computer, sends through the vendor&apos;s own
        endpoint, and never loses a draft. Here is what each sender can carry:
      </p>
      <FirstSteps />
      <ProviderGrid />
    </section>
  );
}
