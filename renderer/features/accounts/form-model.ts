import {
  accountDraftSchema,
  missingSecret,
  type AccountDraft,
  type AccountDraftInput,
  type AccountSettings,
  type AccountSettingsInput,
  type AccountView,
  type ProviderId,
} from '../../../shared/accounts.js';
import { destinationOf, keyReentryReason } from '../../../shared/account-destination.js';
import { providerCatalogue, type FieldHelp, type ProviderEntry } from '../../../shared/providers/catalogue.js';
import type { Failure } from '../../../shared/result.js';

type KeysOf<T> = T extends unknown ? keyof T & string : never;
/** A vendor's setting, by its name in the catalogue's settings schemas. */
export type SettingKey = Exclude<KeysOf<AccountSettingsInput>, 'provider' | 'timeoutMs'>;
const COMMON_FIELDS = ['label', 'fromName', 'fromEmail', 'secret', 'timeoutSeconds'] as const;
/** The form's inputs: every vendor's name, from, key and timeout, then the vendor's own settings. */
export type FieldKey = (typeof COMMON_FIELDS)[number] | SettingKey;
export type FormField = FieldKey | 'signatureHtml' | 'form';

/** What the person has typed, kept as text so nothing is lost while it is still invalid. */
export interface AccountForm {
  id: string | null;
  provider: ProviderId;
  values: Record<FieldKey, string>;
  signatureHtml: string;
  /** The stored key's hint when editing; the secret field then may stay empty. */
  secretHint: string | null;
  hasSecret: boolean;
  /** The settings as saved, when editing: a key goes only to the provider and origin it was given for. */
  saved: AccountSettings | null;
}

/** The sandbox sends nowhere, so its address only labels what it records. */
export const SANDBOX_ADDRESS = 'sandbox@example.com';

const entryOf = (provider: ProviderId): ProviderEntry => providerCatalogue[provider];
// The catalogue names each field by its settings key; the schemas' keys are what SettingKey lists.
const settingFields = (provider: ProviderId) => entryOf(provider).fields as readonly FieldHelp<SettingKey>[];

const settingKeys = Object.values(providerCatalogue).flatMap((entry: ProviderEntry) => entry.fields.map((field) => field.key));
const blank = { ...Object.fromEntries([...COMMON_FIELDS, ...settingKeys].map((key) => [key, ''])), timeoutSeconds: '30' } as Record<FieldKey, string>;

/** A setting as a new account starts: its schema's default (a vendor's usual address), else empty. */
function initialValue(entry: ProviderEntry, key: string): string {
  const parsed = entry.settings.shape[key]?.safeParse(undefined);
  return parsed?.success && parsed.data !== undefined ? String(parsed.data) : '';
}

export function newForm(provider: ProviderId): AccountForm {
  const entry = entryOf(provider);
  const settings = Object.fromEntries(settingFields(provider).map(({ key }) => [key, initialValue(entry, key)]));
  return { id: null, provider, values: { ...blank, ...settings }, signatureHtml: '', secretHint: null, hasSecret: false, saved: null };
}

export function formFromAccount(account: AccountView): AccountForm {
  const s = account.settings;
  const saved = s as Partial<Record<string, unknown>>;
  const settings = Object.fromEntries(settingFields(s.provider).map(({ key }) => [key, saved[key] === undefined ? '' : String(saved[key])]));
  const values: Record<FieldKey, string> = {
    ...blank,
    ...settings,
    label: account.label,
    fromName: account.from.name ?? '',
    fromEmail: account.from.email,
    timeoutSeconds: String(s.timeoutMs / 1000),
  };
  return { id: account.id, provider: s.provider, values, signatureHtml: account.signatureHtml, secretHint: account.secretHint, hasSecret: account.hasSecret, saved: s };
}

/** The vendor's settings as typed; an optional one left empty is left out rather than sent empty. */
function settingsOf(form: AccountForm, timeoutMs: number): AccountSettingsInput {
  const settings: Record<string, unknown> = { provider: form.provider };
  for (const { key, optional } of settingFields(form.provider)) {
    const value = form.values[key];
    if (!optional || value.trim() !== '') settings[key] = value;
  }
  // The settings schema, not this cast, decides what is valid: validateForm parses it.
  return { ...settings, timeoutMs } as AccountSettingsInput;
}

/** The `accounts:save` input this form stands for. */
export function draftFromForm(form: AccountForm): AccountDraftInput {
  const v = form.values;
  const seconds = Number(v.timeoutSeconds.trim());
  const asksFrom = entryOf(form.provider).asksFrom;
  const name = asksFrom ? v.fromName.trim() : v.label.trim();
  const email = asksFrom ? v.fromEmail.trim() : SANDBOX_ADDRESS;
  return {
    ...(form.id ? { id: form.id } : {}),
    label: v.label,
    from: name ? { name, email } : { email },
    settings: settingsOf(form, v.timeoutSeconds.trim() === '' ? Number.NaN : Math.round(seconds * 1000)),
    signatureHtml: form.signatureHtml,
    ...(v.secret.trim() ? { secret: v.secret } : {}),
  };
}

/** Maps a schema path (or a field named by main) to the input that shows its reason. */
export function fieldForPath(path: string): FormField {
  if (path === 'from.email') return 'fromEmail';
  if (path === 'from.name') return 'fromName';
  if (path === 'settings.timeoutMs') return 'timeoutSeconds';
  if (path === 'signatureHtml' || path === 'label' || path === 'secret') return path;
  const key = path.startsWith('settings.') ? path.slice('settings.'.length) : path;
  return key in blank ? (key as FieldKey) : 'form';
}

export type FormErrors = Partial<Record<FormField, string>>;

/** Validates with the contract's own schema, as the person types; `draft` is set only when valid. */
export function validateForm(form: AccountForm): { errors: FormErrors; draft: AccountDraft | null } {
  const input = draftFromForm(form);
  const result = accountDraftSchema.safeParse(input);
  const errors: FormErrors = {};
  // The schema checks the key only once the rest parses; the form lists every missing thing at once.
  const secret = missingSecret({ ...(form.id ? { id: form.id } : {}), settings: { provider: form.provider }, secret: input.secret });
  if (secret) errors.secret = secret;
  const reentry = keyReentry(form, input);
  if (reentry) errors.secret = reentry;
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldForPath(issue.path.join('.'));
      errors[field] ??= issue.message;
    }
  }
  if (errors.fromEmail === 'is not a valid email address') errors.fromEmail = 'Enter an address such as ann@example.com.';
  if (errors.timeoutSeconds && !Number.isFinite(Number(form.values.timeoutSeconds))) errors.timeoutSeconds = 'Enter a number of seconds between 1 and 300.';
  return { errors, draft: result.success && Object.keys(errors).length === 0 ? result.data : null };
}

/** Why the stored key cannot follow this edit (another provider or origin), when no new key is typed. */
export function keyReentry(form: AccountForm, input: AccountDraftInput = draftFromForm(form)): string | null {
  if (!form.saved || entryOf(form.provider).secretLabel === null || input.secret) return null;
  return keyReentryReason(form.saved, input.settings);
}

/** The sentence beside an address field when editing: where the stored key may go. */
export function keyDestinationNote(form: AccountForm): string | null {
  if (!form.saved || entryOf(form.provider).address === null || form.saved.provider !== form.provider) return null;
  return `Changing the address asks for the key again: the stored key is sent only to ${destinationOf(form.saved).origin}.`;
}

/** Main's refusal, placed beside the field it names, or above the form. */
export function errorsFromFailure(failure: Failure): FormErrors {
  const errors: FormErrors = {};
  for (const { field, message } of failure.fields ?? []) errors[fieldForPath(field)] ??= message;
  if (Object.keys(errors).length === 0 || !failure.fields) errors.form = failure.message;
  else errors.form ??= failure.message;
  return errors;
}
