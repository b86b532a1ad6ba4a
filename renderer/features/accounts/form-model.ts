import {
  accountDraftSchema,
  missingSecret,
  rebillyBaseUrls,
  type AccountDraft,
  type AccountDraftInput,
  type AccountSettings,
  type AccountSettingsInput,
  type AccountView,
  type ProviderId,
} from '../../../shared/accounts.js';
import { destinationOf, keyReentryReason } from '../../../shared/account-destination.js';
import type { Failure } from '../../../shared/result.js';
import type { FieldKey } from './provider-help.js';

export type RebillyEnvironment = 'live' | 'sandbox' | 'custom';
export type FormField = FieldKey | 'signatureHtml' | 'form';

/** What the person has typed, kept as text so nothing is lost while it is still invalid. */
export interface AccountForm {
  id: string | null;
  provider: ProviderId;
  values: Record<FieldKey, string>;
  rebillyEnvironment: RebillyEnvironment;
  signatureHtml: string;
  /** The stored key's hint when editing; the secret field then may stay empty. */
  secretHint: string | null;
  hasSecret: boolean;
  /** The settings as saved, when editing: a key goes only to the provider and origin it was given for. */
  saved: AccountSettings | null;
}

/** The sandbox sends nowhere, so its address only labels what it records. */
export const SANDBOX_ADDRESS = 'sandbox@example.com';

const blank: Record<FieldKey, string> = {
  label: '',
  fromName: '',
  fromEmail: '',
  secret: '',
  baseUrl: '',
  credentialId: '',
  organizationId: '',
  credentialHash: '',
  emailSender: '',
  accountId: '',
  endpointUrl: '',
  timeoutSeconds: '30',
};

const defaultBaseUrls: Partial<Record<ProviderId, string>> = {
  rollout: 'https://crm.universal.rollout.com/api',
  stuut: 'https://api.stuut.ai',
};

export function newForm(provider: ProviderId): AccountForm {
  return {
    id: null,
    provider,
    values: { ...blank, baseUrl: defaultBaseUrls[provider] ?? '' },
    rebillyEnvironment: 'live',
    signatureHtml: '',
    secretHint: null,
    hasSecret: false,
    saved: null,
  };
}

export function formFromAccount(account: AccountView): AccountForm {
  const s = account.settings;
  const values: Record<FieldKey, string> = {
    ...blank,
    label: account.label,
    fromName: account.from.name ?? '',
    fromEmail: account.from.email,
    timeoutSeconds: String(s.timeoutMs / 1000),
  };
  if ('baseUrl' in s) values.baseUrl = s.baseUrl;
  if (s.provider === 'rollout') values.credentialId = s.credentialId;
  if (s.provider === 'rebilly') {
    values.organizationId = s.organizationId;
    values.credentialHash = s.credentialHash ?? '';
  }
  if (s.provider === 'stuut') values.emailSender = s.emailSender;
  if (s.provider === 'unipile') values.accountId = s.accountId;
  if (s.provider === 'crm-gateway') values.endpointUrl = s.endpointUrl;
  const rebillyEnvironment: RebillyEnvironment =
    'baseUrl' in s && s.baseUrl === rebillyBaseUrls.sandbox ? 'sandbox' : 'baseUrl' in s && s.baseUrl !== rebillyBaseUrls.live && s.provider === 'rebilly' ? 'custom' : 'live';
  return { id: account.id, provider: s.provider, values, rebillyEnvironment, signatureHtml: account.signatureHtml, secretHint: account.secretHint, hasSecret: account.hasSecret, saved: s };
}

function settingsOf(form: AccountForm, timeoutMs: number): AccountSettingsInput {
  const v = form.values;
  switch (form.provider) {
    case 'rollout':
      return { provider: 'rollout', baseUrl: v.baseUrl, credentialId: v.credentialId, timeoutMs };
    case 'rebilly': {
      const baseUrl = form.rebillyEnvironment === 'custom' ? v.baseUrl : rebillyBaseUrls[form.rebillyEnvironment];
      const hash = v.credentialHash.trim();
      return { provider: 'rebilly', baseUrl, organizationId: v.organizationId, ...(hash ? { credentialHash: hash } : {}), timeoutMs };
    }
    case 'stuut':
      return { provider: 'stuut', baseUrl: v.baseUrl, emailSender: v.emailSender, timeoutMs };
    case 'unipile':
      return { provider: 'unipile', baseUrl: v.baseUrl, accountId: v.accountId, timeoutMs };
    case 'crm-gateway':
      return { provider: 'crm-gateway', endpointUrl: v.endpointUrl, timeoutMs };
    case 'sandbox':
      return { provider: 'sandbox', timeoutMs };
  }
}

/** The `accounts:save` input this form stands for. */
export function draftFromForm(form: AccountForm): AccountDraftInput {
  const v = form.values;
  const seconds = Number(v.timeoutSeconds.trim());
  const name = form.provider === 'sandbox' ? v.label.trim() : v.fromName.trim();
  const email = form.provider === 'sandbox' ? SANDBOX_ADDRESS : v.fromEmail.trim();
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
  if (!form.saved || form.provider === 'sandbox' || input.secret) return null;
  return keyReentryReason(form.saved, input.settings);
}

/** The sentence beside an address field when editing: where the stored key may go. */
export function keyDestinationNote(form: AccountForm): string | null {
  if (!form.saved || form.saved.provider === 'sandbox' || form.saved.provider !== form.provider) return null;
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
