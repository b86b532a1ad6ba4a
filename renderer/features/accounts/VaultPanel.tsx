import { useId, useState, type FormEvent } from 'react';
import type { VaultState } from '../../../shared/accounts.js';
import { selectVault, useAccountsStore } from './store.js';

function PassphraseInput(props: { label: string; value: string; onChange: (value: string) => void; autoComplete: string; error?: string | null }) {
  const id = useId();
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type="password" value={props.value} autoComplete={props.autoComplete} aria-invalid={props.error ? true : undefined} onChange={(e) => props.onChange(e.target.value)} />
      {props.error && <span className="field-error">{props.error}</span>}
    </div>
  );
}

function UnlockForm(props: { busy: boolean; error: string | null; onUnlock: (passphrase: string) => Promise<boolean> }) {
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A wrong passphrase stays in the field so a typo can be fixed rather than retyped.
    void props.onUnlock(passphrase).then((ok) => ok && setPassphrase(''));
  };
  return (
    <form className="vault-form" onSubmit={submit}>
      <PassphraseInput label="Passphrase" value={passphrase} onChange={setPassphrase} autoComplete="current-password" error={props.error} />
      <button type="submit" className="button-primary" disabled={props.busy || passphrase.length === 0}>
        {props.busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}

function ChooseForm(props: { busy: boolean; error: string | null; onPassphrase: (p: string) => void; onSession: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const reason =
    passphrase.length < 10 ? 'Use at least 10 characters.' : repeat !== passphrase ? 'The two passphrases differ.' : null;
  return (
    <div className="vault-choices">
      <form
        className="vault-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason) props.onPassphrase(passphrase);
        }}
      >
        <h3>Protect keys with a passphrase</h3>
        <p className="field-help">Asked once each time Composer starts. It cannot be recovered: if you forget it, you enter your keys again.</p>
        <PassphraseInput label="New passphrase" value={passphrase} onChange={setPassphrase} autoComplete="new-password" />
        <PassphraseInput label="Repeat passphrase" value={repeat} onChange={setRepeat} autoComplete="new-password" error={passphrase && repeat ? (repeat === passphrase ? null : 'The two passphrases differ.') : null} />
        <button type="submit" className="button-primary" disabled={props.busy || reason !== null}>
          Use this passphrase
        </button>
        {reason && passphrase && <span className="save-reason">{reason}</span>}
      </form>
      <div className="vault-form">
        <h3>Keep keys for this session only</h3>
        <p className="field-help">Nothing is written to disk; you enter each key again after Composer restarts.</p>
        <button type="button" className="button-secondary" disabled={props.busy} onClick={props.onSession}>
          Keep keys for this session only
        </button>
      </div>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** How keys are protected, and the choice or passphrase the person owes when there is no keychain. */
export function VaultPanelView(props: { vault: VaultState }) {
  const busy = useAccountsStore((state) => state.vaultBusy);
  const error = useAccountsStore((state) => state.vaultError);
  const unlock = useAccountsStore((state) => state.unlock);
  const choose = useAccountsStore((state) => state.chooseVault);
  const { mode, message } = props.vault;
  const needsAction = mode === 'needs-choice' || mode === 'passphrase-locked';
  return (
    <section className={`vault${needsAction ? ' vault-action' : ''}`} aria-label="How keys are kept" role={needsAction ? 'region' : undefined}>
      <p className="vault-message">{message}</p>
      {mode === 'passphrase-locked' && <UnlockForm busy={busy} error={error} onUnlock={unlock} />}
      {(mode === 'needs-choice' || mode === 'session-only') && (
        <ChooseForm busy={busy} error={error} onPassphrase={(passphrase) => void choose({ mode: 'passphrase', passphrase })} onSession={() => void choose({ mode: 'session' })} />
      )}
    </section>
  );
}

export function VaultPanel(props: { onlyWhenLocked?: boolean }) {
  const vault = useAccountsStore(selectVault);
  if (!vault) return null;
  if (props.onlyWhenLocked && vault.mode !== 'passphrase-locked') return null;
  return <VaultPanelView vault={vault} />;
}
