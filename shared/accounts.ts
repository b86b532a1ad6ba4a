import { z } from 'zod';
import { addressSchema } from './address.js';
import { accountSettingsSchema, providerCatalogue, type ProviderId } from './providers/catalogue.js';
import { hasUrlCredentials } from './providers/settings-fields.js';

export { accountSettingsSchema, providerIdSchema, type ProviderId } from './providers/catalogue.js';
export { rebillyBaseUrls } from './providers/rebilly.js';
export { hasUrlCredentials, isLoopbackUrl, withHttpsScheme } from './providers/settings-fields.js';

export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export type AccountSettingsInput = z.input<typeof accountSettingsSchema>;

/** A connected account as the renderer sees it: never with its secret. */
export const accountSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  from: addressSchema,
  settings: accountSettingsSchema,
});
export type Account = z.infer<typeof accountSchema>;

const label = z.string().trim().min(1, 'Give the account a name.').max(80, 'Keep the name under 80 characters.');
/** Signatures are small rich-text fragments; the cap keeps a pasted page out of the settings file. */
export const signatureHtmlSchema = z.string().max(20_000, 'The signature is too long: keep it under 20,000 characters of HTML.');

/**
 * An account as every screen and the composer see it. The secret stays in main: the
 * renderer learns only whether there is one and its last four characters.
 */
export const accountViewSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  from: addressSchema,
  /** Includes `provider` and `timeoutMs`. */
  settings: accountSettingsSchema,
  signatureHtml: z.string(),
  isDefault: z.boolean(),
  hasSecret: z.boolean(),
  /** The secret's last four characters, or null when there is none or it is too short to show any. */
  secretHint: z.string().max(4).nullable(),
  /** A sentence when the account cannot send as it is (the key must be re-entered, the vault is locked). */
  attention: z.string().nullable(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** Providers that send without a secret. */
export const secretlessProviders: readonly ProviderId[] = Object.values(providerCatalogue)
  .filter((entry) => entry.secretLabel === null)
  .map((entry) => entry.id);

/** Why a draft needs a secret it lacks, or null: a new account of a vendor must bring its key. */
export function missingSecret(draft: { id?: string | undefined; settings: { provider: ProviderId }; secret?: string | undefined }): string | null {
  const hasSecret = (draft.secret ?? '').trim().length > 0;
  return !draft.id && !hasSecret && !secretlessProviders.includes(draft.settings.provider) ? 'Paste the key: a new account needs it to send.' : null;
}

/** A key as pasted into the form: one line, of a size an API key can have. */
export const accountSecretSchema = z
  .string()
  .max(8_192, 'That key is too long to be an API key: check what was pasted.')
  .refine((value) => !/[\r\n]/.test(value), 'The key should be on one line: check what was pasted.');

/**
 * What the Accounts form saves. No `id` adds an account; with one, it edits that account.
 * An empty or missing `secret` keeps the stored one; a new account of a vendor needs one.
 */
export const accountDraftSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    label,
    from: addressSchema,
    settings: accountSettingsSchema,
    signatureHtml: signatureHtmlSchema.default(''),
    secret: accountSecretSchema.optional(),
  })
  .superRefine((draft, context) => {
    const message = missingSecret(draft);
    if (message) context.addIssue({ code: 'custom', path: ['secret'], message });
    // Checked on what is saved, not on what is stored, so an older settings file still loads.
    const field = providerCatalogue[draft.settings.provider].address;
    if (field !== null) {
      const value = (draft.settings as Partial<Record<string, unknown>>)[field];
      if (typeof value === 'string' && hasUrlCredentials(value)) {
        context.addIssue({
          code: 'custom',
          path: ['settings', field],
          message: 'Remove the user name and password (the part before @) from the address: Composer never sends them. Put the key in the key field.',
        });
      }
    }
  });
export type AccountDraft = z.infer<typeof accountDraftSchema>;
export type AccountDraftInput = z.input<typeof accountDraftSchema>;

/** How secrets are protected on this computer right now. */
export const vaultModeSchema = z.enum([
  /** The OS keychain (safeStorage) or, in the harness and tests, a key file. */
  'keychain',
  /** No keychain: the person must choose a passphrase or session-only before saving a key. */
  'needs-choice',
  'passphrase-locked',
  'passphrase-unlocked',
  /** Keys are held in memory only and must be entered again after a restart. */
  'session-only',
]);
export type VaultMode = z.infer<typeof vaultModeSchema>;

export const vaultStateSchema = z.object({
  mode: vaultModeSchema,
  /** The platform backend, e.g. `gnome_libsecret`, `basic_text`, `file-key`. */
  backend: z.string(),
  /** A sentence for the Accounts screen describing how keys are kept. */
  message: z.string(),
});
export type VaultState = z.infer<typeof vaultStateSchema>;

/** The answer of `accounts:list` and the payload of `accounts:changed`. */
export const accountsListSchema = z.object({
  accounts: z.array(accountViewSchema),
  vault: vaultStateSchema,
});
export type AccountsList = z.infer<typeof accountsListSchema>;

export const passphraseSchema = z.string().min(1, 'Enter the passphrase.').max(1_024, 'That passphrase is too long.');

/** `accounts:chooseVaultMode`: what to do when the computer offers no keychain. */
export const vaultChoiceSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('passphrase'),
    passphrase: z.string().min(10, 'Use at least 10 characters.').max(1_024, 'That passphrase is too long.'),
  }).strict(),
  z.object({ mode: z.literal('session') }).strict(),
]);
export type VaultChoice = z.infer<typeof vaultChoiceSchema>;
