import { z } from 'zod';
import { crmGateway } from './crm-gateway.js';
import type { ComposeRules, ProviderEntry } from './entry.js';
import { rebilly } from './rebilly.js';
import { rollout } from './rollout.js';
import { sandbox } from './sandbox.js';
import { stuut } from './stuut.js';
import { unipile } from './unipile.js';

/**
 * The vendors a connected account can send through, plus the credential-free sandbox, in the
 * order the Accounts form offers them. A new vendor is one entry file here and one line in
 * each list below (the compiler points at whatever is missing), plus its adapter in
 * electron/providers/.
 */
export const providerIds = ['rollout', 'rebilly', 'stuut', 'unipile', 'crm-gateway', 'sandbox'] as const;
export const providerIdSchema = z.enum(providerIds);
export type ProviderId = z.infer<typeof providerIdSchema>;

/** One entry per vendor: name, help, settings, capabilities, the composer's advice. */
export const providerCatalogue = {
  rollout,
  rebilly,
  stuut,
  unipile,
  'crm-gateway': crmGateway,
  sandbox,
} satisfies { [Id in ProviderId]: ProviderEntry<Id> };

/** Per-vendor settings an account keeps next to its (separately encrypted) secret. */
export const accountSettingsSchema = z.discriminatedUnion('provider', [rollout.settings, rebilly.settings, stuut.settings, unipile.settings, crmGateway.settings, sandbox.settings]);

/** The vendor's name as every screen and sentence says it. */
export function providerName(id: ProviderId): string {
  return providerCatalogue[id].name;
}

/** The composer's advice for the vendor's limits that are not refusals. */
export function providerRules(id: ProviderId): ComposeRules {
  return providerCatalogue[id].rules;
}
