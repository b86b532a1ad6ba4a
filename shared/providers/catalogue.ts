import { z } from 'zod';
import { crmGateway } from './crm-gateway.js';
import type { ComposeRules, ProviderEntry } from './entry.js';
import { rebilly } from './rebilly.js';
import { rollout } from './rollout.js';
import { sandbox } from './sandbox.js';
import { stuut } from './stuut.js';
import { unipile } from './unipile.js';

export type { ComposeRules, FieldHelp, ProviderEntry } from './entry.js';

/**
 * The vendors a connected account can send through, plus the credential-free sandbox, in the
 * order the Accounts form offers them. A new vendor is one entry file here and one item in
 * this list, plus its adapter in electron/providers/ (the compiler points at the registry).
 */
const entries = [rollout, rebilly, stuut, unipile, crmGateway, sandbox] as const satisfies readonly ProviderEntry[];
type Entries = typeof entries;
// Mapped over the tuple (a generic mapped type keeps it a tuple), for the enum and the union below.
type Each<T extends readonly ProviderEntry[], P extends 'id' | 'settings'> = { readonly [K in keyof T]: T[K] extends ProviderEntry ? T[K][P] : never };

export const providerIds = entries.map((entry) => entry.id) as unknown as Each<Entries, 'id'>;
export const providerIdSchema = z.enum(providerIds);
export type ProviderId = z.infer<typeof providerIdSchema>;

/** One entry per vendor: name, help, settings, capabilities, the composer's advice. */
export const providerCatalogue = Object.fromEntries(entries.map((entry) => [entry.id, entry])) as { [E in Entries[number] as E['id']]: E };

/** Per-vendor settings an account keeps next to its (separately encrypted) secret. */
export const accountSettingsSchema = z.discriminatedUnion(
  'provider',
  entries.map((entry) => entry.settings) as unknown as Each<Entries, 'settings'>,
);

/** The vendor's name as every screen and sentence says it. */
export function providerName(id: ProviderId): string {
  return providerCatalogue[id].name;
}

/** The composer's advice for the vendor's limits that are not refusals. */
export function providerRules(id: ProviderId): ComposeRules {
  return providerCatalogue[id].rules;
}
