import { z } from 'zod';
import { addressSchema } from './address.js';

/** The vendors a connected account can send through, plus the credential-free sandbox. */
export const providerIdSchema = z.enum(['rollout', 'rebilly', 'stuut', 'unipile', 'crm-gateway', 'sandbox']);
export type ProviderId = z.infer<typeof providerIdSchema>;

const url = z.string().trim().url();
const timeoutMs = z.number().int().min(1_000).max(300_000).default(30_000);

/** Per-vendor settings an account keeps next to its (separately encrypted) secret. */
export const accountSettingsSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('rollout'), baseUrl: url.default('https://crm.universal.rollout.com/api'), credentialId: z.string().min(1), timeoutMs }),
  z.object({ provider: z.literal('rebilly'), baseUrl: url.default('https://api.rebilly.com'), organizationId: z.string().min(1), credentialHash: z.string().min(1).optional(), timeoutMs }),
  z.object({ provider: z.literal('stuut'), baseUrl: url.default('https://api.stuut.ai'), emailSender: z.string().regex(/^sndr_/, 'must be an email sender id (sndr_…)'), timeoutMs }),
  z.object({ provider: z.literal('unipile'), baseUrl: url, accountId: z.string().min(1), timeoutMs }),
  z.object({ provider: z.literal('crm-gateway'), endpointUrl: url, timeoutMs }),
  z.object({ provider: z.literal('sandbox'), timeoutMs }),
]);
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

/** A connected account as the renderer sees it: never with its secret. */
export const accountSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  from: addressSchema,
  settings: accountSettingsSchema,
});
export type Account = z.infer<typeof accountSchema>;
