import { keyReentryReason } from '../../../shared/account-destination.js';
import { providerName } from '../../../shared/providers/catalogue.js';
import { secretlessProviders, type ProviderId } from '../../../shared/accounts.js';
import type { ConnectionTest, ConnectionTestInput } from '../../../shared/connection-test.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { Provider } from '../../providers/types.js';
import type { AccountsService } from './accounts.js';

export interface ConnectionTestDeps {
  providers: Record<ProviderId, Provider>;
  accounts: Pick<AccountsService, 'resolveForSend'>;
}

function needsKey(provider: ProviderId, message: string): ServiceError {
  return new ServiceError({ kind: 'invalid_input', message, fields: [{ field: 'secret', message: `Paste the ${providerName(provider)} key to test it.` }] });
}

/** The key to test with: the one typed, else the stored one if these settings still send it where it was given. */
async function keyFor(deps: ConnectionTestDeps, input: ConnectionTestInput): Promise<string> {
  const typed = (input.secret ?? '').trim();
  if (typed) return typed;
  const provider = input.settings.provider;
  if (!input.id) throw needsKey(provider, 'Paste the key first: the test reads from the vendor with it.');
  const stored = await deps.accounts.resolveForSend(input.id);
  const reentry = keyReentryReason(stored.account.settings, input.settings);
  if (reentry) throw needsKey(provider, reentry);
  return stored.secret;
}

/** How a refused read reads in the form: the key, the address, or the vendor's own problem. */
function outcomeOf(error: ServiceError): ConnectionTest['outcome'] {
  switch (error.failure.kind) {
    case 'auth':
      return 'auth';
    case 'network':
    case 'unknown_outcome':
    case 'cancelled':
      return 'unreachable';
    // A validation failure from the transport is an address fetch refused; from the vendor, a 4xx.
    case 'validation':
      return error.failure.status === undefined ? 'unreachable' : 'vendor';
    default:
      return 'vendor';
  }
}

/**
 * Test connection: one harmless read through the provider's `probe`, with the settings and
 * key as the form holds them. What it found comes back as an answer, good or bad; only
 * settings that cannot be tested at all (no key, a vendor with no read) fail the request.
 */
export async function testConnection(deps: ConnectionTestDeps, input: ConnectionTestInput): Promise<ConnectionTest> {
  const id = input.settings.provider;
  const provider = deps.providers[id];
  if (!provider.probe || secretlessProviders.includes(id)) {
    throw new ServiceError({
      kind: 'unsupported',
      message: `${provider.displayName} offers no way to check a key without sending an email: the first message you send tells whether it works.`,
    });
  }
  const secret = await keyFor(deps, input);
  try {
    return await provider.probe({ id: input.id ?? 'connection-test', settings: input.settings, secret });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { outcome: outcomeOf(error), sentence: error.failure.message };
  }
}
