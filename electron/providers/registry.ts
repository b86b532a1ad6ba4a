import type { ProviderId } from '../../shared/accounts.js';
import { crmGatewayProvider } from './crm-gateway.js';
import { rebillyProvider } from './rebilly.js';
import { rolloutProvider } from './rollout.js';
import { createSandboxProvider } from './sandbox.js';
import { stuutProvider } from './stuut.js';
import type { Provider } from './types.js';
import { unipileProvider } from './unipile.js';

/**
 * Every provider by id. Typed as a full Record so that adding a ProviderId without an adapter
 * fails to compile instead of failing at send time.
 */
export function createProviderRegistry(deps: { sandboxRecordFile: string }): Record<ProviderId, Provider> {
  return {
    rollout: rolloutProvider,
    rebilly: rebillyProvider,
    stuut: stuutProvider,
    unipile: unipileProvider,
    'crm-gateway': crmGatewayProvider,
    sandbox: createSandboxProvider({ recordFile: deps.sandboxRecordFile }),
  };
}
