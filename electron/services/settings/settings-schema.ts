import { z } from 'zod';
import { accountSettingsSchema } from '../../../shared/accounts.js';
import { addressSchema } from '../../../shared/address.js';

/** An account as the settings file keeps it; its secret is kept apart, under `secrets`. */
export const storedAccountSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  from: addressSchema,
  settings: accountSettingsSchema,
  signatureHtml: z.string().default(''),
  createdAt: z.string(),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

/** One encrypted secret and the backend that encrypted it, so a change of keychain is noticed. */
export const secretRecordSchema = z.object({
  backend: z.string().min(1),
  data: z.string().min(1),
  /** Last four characters, shown as a hint; null for short secrets. */
  hint: z.string().max(4).nullable(),
  /**
   * Present on records bound to their account (vault/bound-secret.ts): `data` then holds the
   * secret's own key and this the secret. Older records, without it, hold the secret in `data`
   * and are bound when the vault next reads them.
   */
  sealed: z.string().min(1).optional(),
});
export type SecretRecord = z.infer<typeof secretRecordSchema>;

export const passphraseRecordSchema = z.object({
  salt: z.string().min(1),
  check: z.string().min(1),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});

/** How keys are protected: the platform cipher, a passphrase, or memory for one session. */
export const vaultSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('platform') }),
  z.object({ mode: z.literal('passphrase'), passphrase: passphraseRecordSchema }),
  z.object({ mode: z.literal('session') }),
]);
export type VaultSettings = z.infer<typeof vaultSettingsSchema>;

export const settingsDataSchema = z.object({
  accounts: z.array(storedAccountSchema),
  defaultAccountId: z.string().nullable(),
  secrets: z.record(z.string(), secretRecordSchema),
  vault: vaultSettingsSchema,
  /** The spellchecker's languages chosen in the app; empty follows the system's. */
  spellcheckLanguages: z.array(z.string().max(35)).max(10),
});
export type SettingsData = z.infer<typeof settingsDataSchema>;
