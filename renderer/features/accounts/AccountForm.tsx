import { useId } from 'react';
import type { ProviderId } from '../../../shared/accounts.js';
import { providerCatalogue, providerIds, type FieldHelp, type ProviderEntry } from '../../../shared/providers/catalogue.js';
import { keyDestinationNote, keyReentry, validateForm, type AccountForm as Form, type FieldKey, type FormErrors, type FormField } from './form-model.js';
import { ChoiceField, Field } from './AccountFields.js';
import { ConnectionCheck, fieldNames } from './ConnectionCheck.js';
import { SignatureEditor } from './SignatureEditor.js';
import { useAccountsStore, visibleErrors } from './store.js';

/** The names of the inputs every vendor's form has; a vendor's own settings are named by its catalogue entry. */
const COMMON_NAMES: Partial<Record<FormField, string>> = {
  label: 'Name',
  fromName: 'From name',
  fromEmail: 'From address',
  secret: 'Key',
  timeoutSeconds: 'Request timeout',
};

export function ProviderPicker(props: { onChoose: (provider: ProviderId) => void; onCancel: () => void }) {
  return (
    <section className="panel" aria-labelledby="choose-provider">
      <h2 id="choose-provider">Which service does this account send through?</h2>
      <ul className="provider-choices">
        {providerIds.map((id) => (
          <li key={id}>
            <button type="button" className="provider-choice" onClick={() => props.onChoose(id)}>
              <span className="provider-choice-name">{providerCatalogue[id].name}</span>
              <span className="provider-choice-summary">{providerCatalogue[id].summary}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

const fieldName = (field: FormField): string => COMMON_NAMES[field] ?? field;

function saveBlocker(form: Form, errors: FormErrors): string | null {
  const fields = Object.keys(errors).filter((key) => key !== 'form' && key !== 'signatureHtml') as FieldKey[];
  if (errors.signatureHtml) return errors.signatureHtml;
  if (fields.length === 0) return null;
  return `To save, fix: ${fieldNames(form, fields, fieldName)}.`;
}

/** Adding or editing one account: the provider's own fields, with reasons shown as the person types. */
export function AccountFormPanel(props: { form: Form }) {
  const { form } = props;
  const help: ProviderEntry = providerCatalogue[form.provider];
  const store = useAccountsStore();
  const shown = visibleErrors(store);
  const { errors } = validateForm(form);
  const blocker = saveBlocker(form, errors);
  const reasonId = useId();
  const field = (key: FieldKey) => ({ value: form.values[key], error: shown[key], onChange: (value: string) => store.editField(key, value) });
  const common = (key: FieldKey, label: string, text: string, extra: Partial<FieldHelp> = {}): FieldHelp => ({ key, label, help: text, ...extra });
  const destinationNote = keyDestinationNote(form);
  // Once the address has moved, the stored key cannot be kept: the field no longer offers to.
  const keepsKey = Boolean(form.id && form.hasSecret) && keyReentry(form) === null;
  // Beside every field that decides where the key goes: changing it asks for the key again.
  const withNote = (item: FieldHelp): FieldHelp =>
    destinationNote && item.key === help.address ? { ...item, help: item.help ? `${item.help} ${destinationNote}` : destinationNote } : item;
  return (
    <section className="panel" aria-labelledby="account-form-title">
      <h2 id="account-form-title">{form.id ? `Edit ${form.values.label || 'account'}` : `Add a ${help.name} account`}</h2>
      <p className="panel-lead">
        {help.summary}
        {help.link && (
          <>
            {' '}
            Find these values in the{' '}
            <a href={help.link.href} target="_blank" rel="noreferrer noopener">
              {help.link.text}
            </a>
            .
          </>
        )}
      </p>
      {shown.form && (
        <p className="form-error" role="alert">
          {shown.form}
        </p>
      )}
      <form
        className="account-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void store.save();
        }}
      >
        {/* The form opens where typing starts, whether from the provider picker or the welcome page. */}
        <Field field={common('label', 'Name', 'How this account appears in Composer, e.g. "Billing".', { placeholder: help.name })} {...field('label')} autoFocus />
        {help.asksFrom && (
          <div className="field-row">
            <Field field={common('fromName', 'From name', 'The name recipients see.', { optional: true })} {...field('fromName')} />
            <Field field={common('fromEmail', 'From address', 'The address messages are sent from.')} {...field('fromEmail')} type="email" />
          </div>
        )}
        {help.secretLabel && (
          <Field
            field={common('secret', help.secretLabel, keepsKey ? `${help.secretHelp} Leave empty to keep the stored key${form.secretHint ? ` (ending ${form.secretHint})` : ''}.` : help.secretHelp, {
              placeholder: keepsKey ? 'Leave empty to keep the stored key' : '',
            })}
            {...field('secret')}
            type="password"
            autoComplete="new-password"
          />
        )}
        {help.fields.map((item) =>
          item.choices ? (
            <ChoiceField key={item.key} field={withNote(item)} choices={item.choices} {...field(item.key as FieldKey)} />
          ) : (
            <Field key={item.key} field={withNote(item)} {...field(item.key as FieldKey)} />
          ),
        )}
        <Field field={common('timeoutSeconds', 'Request timeout (seconds)', 'How long to wait for the service before giving up: 1 to 300.')} {...field('timeoutSeconds')} type="number" />
        <ConnectionCheck form={form} fieldName={fieldName} />
        <div className="field">
          <span className="field-label" id="signature-label">
            Signature
          </span>
          <SignatureEditor html={form.signatureHtml} onChange={store.editSignature} error={shown.signatureHtml} />
          {shown.signatureHtml && <span className="field-error">{shown.signatureHtml}</span>}
          <span className="field-help">Added below your message when you write from this account.</span>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={blocker !== null || store.saving} aria-describedby={blocker ? reasonId : undefined}>
            {store.saving ? 'Saving…' : form.id ? 'Save changes' : 'Save account'}
          </button>
          <button type="button" className="button-quiet" onClick={store.closeForm}>
            Cancel
          </button>
          {blocker && (
            <span id={reasonId} className="save-reason">
              {blocker}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
