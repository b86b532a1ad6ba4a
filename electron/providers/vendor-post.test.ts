import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCrmGateway } from '../../e2e/vendors/crm-gateway/simulator.js';
import { expectSendFailure, sampleMessage } from '../../e2e/vendors/kit/send-fixtures.js';
import type { VendorSimulator } from '../../e2e/vendors/kit/types.js';
import type { AccountSettings } from '../../shared/accounts.js';
import { crmGatewayProvider } from './crm-gateway.js';
import { rebillyProvider } from './rebilly.js';
import { rolloutProvider } from './rollout.js';
import { stuutProvider } from './stuut.js';
import type { Provider, SendAccount } from './types.js';
import { unipileProvider } from './unipile.js';
import { vendorUrl } from './vendor-post.js';

const SECRET = 'key_that_belongs_to_one_vendor_only';

let sim: VendorSimulator;
beforeAll(async () => {
  sim = await startCrmGateway();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

/** Settings of a *different* provider whose address points at a listening server. */
function foreignSettings(url: string): Record<string, AccountSettings> {
  return {
    rollout: { provider: 'stuut', baseUrl: url, emailSender: 'sndr_1', timeoutMs: 2_000 },
    rebilly: { provider: 'rollout', baseUrl: url, credentialId: 'cred', timeoutMs: 2_000 },
    stuut: { provider: 'unipile', baseUrl: url, accountId: 'acc', timeoutMs: 2_000 },
    unipile: { provider: 'rebilly', baseUrl: url, organizationId: 'org', timeoutMs: 2_000 },
    'crm-gateway': { provider: 'rollout', baseUrl: url, credentialId: 'cred', timeoutMs: 2_000 },
  };
}

describe('every vendor adapter', () => {
  const providers: Provider[] = [rolloutProvider, rebillyProvider, stuutProvider, unipileProvider, crmGatewayProvider].map(
    (p) => p as unknown as Provider,
  );
  it.each(providers.map((p) => [p.displayName, p] as const))(
    '%s refuses an account whose settings belong to another vendor, before any request',
    async (_name, provider) => {
      const settings = foreignSettings(sim.url)[provider.id] as AccountSettings;
      const account: SendAccount = { id: 'mixed-up', settings, secret: SECRET };
      const error = await expectSendFailure(provider.send(sampleMessage(), account), [SECRET]);
      expect(error.failure.kind).toBe('validation');
      expect(error.message).toBe(`This account is not a ${provider.displayName} account.`);
      expect(sim.requests).toHaveLength(0);
    },
  );
});

describe('vendorUrl', () => {
  it('joins a base URL and a path whatever trailing slashes the user typed', () => {
    expect(vendorUrl('https://api.example.com', '/v1/emails')).toBe('https://api.example.com/v1/emails');
    expect(vendorUrl('https://api.example.com//', '/v1/emails')).toBe('https://api.example.com/v1/emails');
  });
});
