import { useEffect, useId } from 'react';
import { providerCatalogue } from '../../../shared/providers/catalogue.js';
import { selectProviders, useProvidersStore } from '../providers/index.js';
import { connectionTestInput } from './connection-test-model.js';
import type { AccountForm, FormField } from './form-model.js';
import { useAccountsStore } from './store.js';

/** The form's names for the fields that stop an action, in the words of this provider's form. */
export function fieldNames(form: AccountForm, fields: readonly FormField[], fallback: (field: FormField) => string): string {
  const help = providerCatalogue[form.provider];
  return fields.map((key) => (key === 'secret' ? (help.secretLabel ?? 'Key') : (help.fields.find((f) => f.key === key)?.label ?? fallback(key)))).join(', ');
}

/**
 * Test connection, beside the settings it reads with: one harmless read through main, and
 * what it found in one sentence. A vendor with no such read gets no button that cannot work,
 * only the sentence saying so.
 */
export function ConnectionCheck(props: { form: AccountForm; fieldName: (field: FormField) => string }) {
  const { form } = props;
  const providers = useProvidersStore(selectProviders);
  const loadProviders = useProvidersStore((state) => state.load);
  const connection = useAccountsStore((state) => state.connection);
  const test = useAccountsStore((state) => state.testConnection);
  const reasonId = useId();
  useEffect(() => {
    if (providers.length === 0) void loadProviders();
  }, [providers.length, loadProviders]);
  const info = providers.find((p) => p.id === form.provider);
  // A vendor with no key has nothing to test (the sandbox).
  if (providerCatalogue[form.provider].secretLabel === null || !info) return null;
  if (!info.testsConnection) {
    return (
      <p className="connection-check field-help">
        {info.displayName} offers no way to check a key without sending an email, so there is no connection test: the first message you send tells whether these settings work.
      </p>
    );
  }
  const { missing } = connectionTestInput(form);
  const blocker = missing.length > 0 ? `To test, fill in: ${fieldNames(form, missing, props.fieldName)}.` : null;
  const result = connection.testing ? null : connection.result;
  return (
    <div className="connection-check">
      <button type="button" className="button-secondary" onClick={() => void test()} disabled={blocker !== null || connection.testing} aria-describedby={blocker ? reasonId : undefined}>
        {connection.testing ? 'Testing…' : 'Test connection'}
      </button>
      {blocker && (
        <span id={reasonId} className="save-reason">
          {blocker}
        </span>
      )}
      <p role="status" className={`connection-result${result ? ` connection-${result.outcome === 'ok' ? 'ok' : 'problem'}` : ''}`}>
        {connection.testing ? `Asking ${info.displayName}… nothing is sent.` : (result?.sentence ?? '')}
      </p>
    </div>
  );
}
