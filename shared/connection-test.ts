import { z } from 'zod';
import { accountSecretSchema, accountSettingsSchema } from './accounts.js';

/**
 * Input of `accounts:testConnection`: the settings and key as the form holds them, saved or
 * not. Without a key, an account being edited (`id`) is tested with its stored key, if the
 * settings still send it where it was given.
 */
export const connectionTestInputSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    settings: accountSettingsSchema,
    secret: accountSecretSchema.optional(),
  })
  .strict();
export type ConnectionTestInput = z.infer<typeof connectionTestInputSchema>;
export type ConnectionTestInputDraft = z.input<typeof connectionTestInputSchema>;

/**
 * What one harmless read with those settings found, in one sentence: `ok` (the vendor knows
 * the key, and what it found), `auth` (the key was refused), `unreachable` (nothing answered
 * at that address; nothing was sent), `vendor` (the vendor answered with a problem of its own).
 */
export const connectionTestSchema = z.object({
  outcome: z.enum(['ok', 'auth', 'unreachable', 'vendor']),
  sentence: z.string().min(1).max(1_000),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
