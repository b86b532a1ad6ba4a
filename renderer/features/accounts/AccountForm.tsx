import { useId } from 'react';
import type { ProviderId } from '../../../shared/accounts.js';
import { rebillyBaseUrls } from '../../../shared/accounts.js';
import { keyDestinationNote, keyReentry, validateForm, type AccountForm as Form, type FormErrors, type FormField } from './form-model.js';
import { providerHelp, providerOrder, type FieldHelp, type FieldKey } from './provider-help.js';
import { ConnectionCheck, fieldNames } from './ConnectionCheck.js';
import { SignatureEditor } from './SignatureEditor.js';
import { useAccountsStore, visibleErrors } from './store.js';

const FIELD_NAMES: Record<FieldKey, string> = {
  label: 'Name',
  fromName: 'From name',
  fromEmail: 'From address',
  secret: 'Key',
  baseUrl: 'Base URL',
  credentialId: 'Credential id',
  organizationId: 'Organization id',
  credentialHash: 'ESP credential hash',
  emailSender: 'Email sender id',
  accountId: 'Unipile account id',
  endpointUrl: 'Endpoint URL',
  timeoutSeconds: 'Request timeout',
};

function Field(props: { field: FieldHelp; value: string; error: string | undefined; onChange: (value: string) => void; type?: string; autoComplete?: string; autoFocus?: boolean }) {
  const id = useId();
  const { field } = props;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.optional && <span className="field-optional"> (optional)</span>}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={field.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        autoFocus={props.autoFocus}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-help${props.error ? ` ${id}-error` : ''}`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error && (
        <span id={`${id}-error`} className="field-error">
          {props.error}
        </span>
      )}
      <span id={`${id}-help`} className="field-help">
        {field.help}
      </span>
    </div>
  );
}

export function ProviderPicker(props: { onChoose: (provider: ProviderId) => void; onCancel: () => void }) {
  return (
    <section className="panel" aria-labelledby="choose-provider">
      <h2 id="choose-provider">Which service does this account send through?</h2>
      <ul className="provider-choices">
        {providerOrder.map((id) => (
          <li key={id}>
            <button type="button" className="provider-choice" onClick={() => props.onChoose(id)}>
              <span className="provider-choice-name">{providerHelp[id].name}</span>
              <span className="provider-choice-summary">{providerHelp[id].summary}</span>
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

const fieldName = (field: FormField): string => (field in FIELD_NAMES ? FIELD_NAMES[field as FieldKey] : field);

function saveBlocker(form: Form, errors: FormErrors): string | null {
  const fields = Object.keys(errors).filter((key) => key !== 'form' && key !== 'signatureHtml') as FieldKey[];
  if (errors.signatureHtml) return errors.signatureHtml;
  if (fields.length === 0) return null;
  return `To save, fix: ${fieldNames(form, fields, fieldName)}.`;
}

/** Adding or editing one account: the provider's own fields, with reasons shown as the person types. */
export function AccountFormPanel(props: { form: Form }) {
  const { form } = props;
  const help = providerHelp[form.provider];
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
    destinationNote && (item.key === 'baseUrl' || item.key === 'endpointUrl') ? { ...item, help: `${item.help} ${destinationNote}` } : item;
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
        {form.provider === 'rebilly' && (
          <fieldset className="field choice-row">
            <legend>Environment</legend>
            {(['live', 'sandbox'] as const).map((environment) => (
              <label key={environment} className="choice">
                <input type="radio" name="rebilly-environment" checked={form.rebillyEnvironment === environment} onChange={() => store.editRebillyEnvironment(environment)} />
                {environment === 'live' ? 'Live' : 'Sandbox'} <span className="field-help">{rebillyBaseUrls[environment]}</span>
              </label>
            ))}
            {destinationNote && <span className="field-help">{destinationNote}</span>}
          </fieldset>
        )}
        {help.fields.map((item) => (
          <Field key={item.key} field={withNote(item)} {...field(item.key)} />
        ))}
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
