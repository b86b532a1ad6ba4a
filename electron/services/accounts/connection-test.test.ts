import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closedSimulatorUrl } from '../../../e2e/vendors/kit/send-fixtures.js';
import { expectNoSecret } from '../../../e2e/vendors/kit/no-secret.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/types.js';
import { startRebilly } from '../../../e2e/vendors/rebilly/simulator.js';
import { startRollout } from '../../../e2e/vendors/rollout/simulator.js';
import { startUnipile } from '../../../e2e/vendors/unipile/simulator.js';
import type { AccountSettingsInput } from '../../../shared/accounts.js';
import type { ConnectionTest } from '../../../shared/connection-test.js';
import type { ProviderInfo } from '../../../shared/ipc.js';
import type { Result } from '../../../shared/result.js';
import type { Core } from '../../core.js';
import { call, testCore, testWindow } from '../../core-test-support.js';

const ROLLOUT_JWT = 'eyJhbGciOiJIUzI1NiJ9.rollout-probe-5c1e77';
const REBILLY_KEY = 'sk_live_rebilly_probe_90ab13';
const UNIPILE_KEY = 'unipile-probe-key-6d2f0e81';

let rollout: VendorSimulator;
let rebilly: VendorSimulator;
let unipile: VendorSimulator;
let dir: string;
let core: Core;

beforeAll(async () => {
  rollout = await startRollout({ jwt: ROLLOUT_JWT, credentialId: 'cred_42' });
  rebilly = await startRebilly({ apiKey: REBILLY_KEY, organizationId: 'org_acme' });
  unipile = await startUnipile({ apiKey: UNIPILE_KEY, accountId: 'acc_Ann', mailbox: 'ann.lee@gmail.example' });
  dir = await mkdtemp(path.join(tmpdir(), 'connection-test-'));
  core = testCore(dir);
});
afterAll(async () => {
  core.close();
  await Promise.all([rollout.close(), rebilly.close(), unipile.close()]);
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  rollout.reset();
  rebilly.reset();
  unipile.reset();
});

const rolloutSettings = (baseUrl = rollout.url): AccountSettingsInput => ({ provider: 'rollout', baseUrl, credentialId: 'cred_42', timeoutMs: 2_000 });
const test = (input: { id?: string; settings: AccountSettingsInput; secret?: string }) => call<ConnectionTest>(core, 'accounts:testConnection', input);
const refused = async (input: unknown) => (await core.dispatch('accounts:testConnection', input, testWindow)) as Result<ConnectionTest>;

describe('Test connection reads with the settings as typed, and never sends', () => {
  it('Rollout: GET /people?limit=1 with the send headers; a good key is OK', async () => {
    const found = await test({ settings: rolloutSettings(), secret: ROLLOUT_JWT });
    expect(found).toEqual({ outcome: 'ok', sentence: 'Connected: Rollout accepted the key for credential "cred_42" and read the CRM. Nothing was sent.' });
    expect(rollout.requests.map((r) => `${r.method} ${r.path}?limit=${r.query.limit}`)).toEqual(['GET /people?limit=1']);
    expect(rollout.requests[0]?.headers['x-rollout-credential-id']).toBe('cred_42');
  });

  it('Rollout: a wrong key is a bad key, in the vendor\'s words, without the key', async () => {
    const wrong = 'eyJhbGciOiJIUzI1NiJ9.not-the-right-one-0000';
    const found = await test({ settings: rolloutSettings(), secret: wrong });
    expect(found.outcome).toBe('auth');
    expect(found.sentence).toBe('Rollout did not accept the key: "Invalid or expired JWT". Check the key (and that it belongs to this Rollout account).');
    expectNoSecret(found, wrong);
  });

  it('a vendor that quotes the key back never gets it into the sentence', async () => {
    rollout.injectFault({ kind: 'status', status: 401, body: { errorMessage: `Token ${ROLLOUT_JWT} is not valid here` } });
    const found = await test({ settings: rolloutSettings(), secret: ROLLOUT_JWT });
    expect(found.outcome).toBe('auth');
    expect(found.sentence).toContain('[redacted]');
    expectNoSecret(found, ROLLOUT_JWT);
  });

  it('a port nobody listens on is unreachable, and says nothing was sent', async () => {
    const url = await closedSimulatorUrl(() => startRollout());
    const found = await test({ settings: rolloutSettings(url), secret: ROLLOUT_JWT });
    expect(found).toEqual({ outcome: 'unreachable', sentence: 'Could not reach Rollout: the connection was refused. Nothing was sent; check the address and the internet connection.' });
  });

  it('a vendor that does not answer in time is unreachable, and says nothing was sent', async () => {
    rollout.injectFault({ kind: 'hang' });
    const found = await test({ settings: { ...rolloutSettings(), timeoutMs: 1_000 }, secret: ROLLOUT_JWT });
    expect(found).toEqual({ outcome: 'unreachable', sentence: 'Rollout did not answer within 1 s. Nothing was sent; check the address, or try again later.' });
  });

  it('a vendor error keeps the vendor\'s words', async () => {
    rollout.injectFault({ kind: 'status', status: 503, body: { errorMessage: 'CRM maintenance until 22:00 UTC' } });
    const found = await test({ settings: rolloutSettings(), secret: ROLLOUT_JWT });
    expect(found).toEqual({ outcome: 'vendor', sentence: 'Rollout had a problem on its side (HTTP 503): "CRM maintenance until 22:00 UTC". Try again later.' });
  });

  it('Rebilly: GET the organization\'s email messages; OK, then an unknown organization in Rebilly\'s words', async () => {
    const settings = { provider: 'rebilly', baseUrl: rebilly.url, organizationId: 'org_acme', timeoutMs: 2_000 } as const;
    expect(await test({ settings, secret: REBILLY_KEY })).toEqual({ outcome: 'ok', sentence: 'Connected: Rebilly accepted the key for organization "org_acme". Nothing was sent.' });
    expect(rebilly.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /organizations/org_acme/email-messages']);
    const other = await test({ settings: { ...settings, organizationId: 'org_other' }, secret: REBILLY_KEY });
    expect(other).toEqual({ outcome: 'vendor', sentence: 'Rebilly found no organization "org_other" for this key: "Organization not found" (https://api.rebilly.com/errors/not-found). Check the organization id and the environment.' });
    expect((await test({ settings, secret: 'sk_live_wrong_000000' })).outcome).toBe('auth');
  });

  it('Unipile: GET the connected account names the mailbox; an unknown id and a mailbox to reconnect say so', async () => {
    const settings = { provider: 'unipile', baseUrl: unipile.url, accountId: 'acc_Ann', timeoutMs: 2_000 } as const;
    expect(await test({ settings, secret: UNIPILE_KEY })).toEqual({
      outcome: 'ok',
      sentence: 'Connected: Unipile accepted the key and found the mailbox "ann.lee@gmail.example" (Gmail). Nothing was sent.',
    });
    expect(unipile.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/accounts/acc_Ann']);
    const unknown = await test({ settings: { ...settings, accountId: 'acc_Bob' }, secret: UNIPILE_KEY });
    expect(unknown.outcome).toBe('vendor');
    expect(unknown.sentence).toMatch(/^Unipile accepted the key but has no connected account "acc_Bob" \(Unipile said: "Account not found: acc_Bob", errors\/resource_not_found\)\. Check the account id\.$/);
    const stale = await startUnipile({ apiKey: UNIPILE_KEY, accountId: 'acc_Ann', mailboxStatus: 'CREDENTIALS' });
    try {
      const found = await test({ settings: { ...settings, baseUrl: stale.url }, secret: UNIPILE_KEY });
      expect(found.outcome).toBe('vendor');
      expect(found.sentence).toContain('reports its connection as CREDENTIALS: reconnect it in the Unipile dashboard');
    } finally {
      await stale.close();
    }
    expect((await test({ settings, secret: 'unipile-wrong-key-000' })).outcome).toBe('auth');
  });

  it('an account being edited is tested with its stored key, but not once its address has moved', async () => {
    const saved = await call<{ id: string }>(core, 'accounts:save', { label: 'CRM', from: { email: 'ann@acme.example' }, settings: rolloutSettings(), secret: ROLLOUT_JWT });
    expect((await test({ id: saved.id, settings: rolloutSettings() })).outcome).toBe('ok');
    const moved = await refused({ id: saved.id, settings: rolloutSettings('http://127.0.0.1:9') });
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.error.fields?.[0]?.field).toBe('secret');
    expect(rollout.requests).toHaveLength(1);
  });

  it('a new account needs its key first, and Stuut and the gateway say they cannot be checked without sending', async () => {
    const noKey = await refused({ settings: rolloutSettings() });
    expect(noKey.ok ? null : noKey.error.kind).toBe('invalid_input');
    const stuut = await refused({ settings: { provider: 'stuut', baseUrl: 'https://api.stuut.ai', emailSender: 'sndr_1', timeoutMs: 2_000 }, secret: 'stuut-key-12345678' });
    expect(stuut.ok ? null : stuut.error).toEqual({ kind: 'unsupported', message: 'Stuut offers no way to check a key without sending an email: the first message you send tells whether it works.' });
    const providers = await call<ProviderInfo[]>(core, 'providers:list');
    expect(Object.fromEntries(providers.map((p) => [p.id, p.testsConnection]))).toMatchObject({ rollout: true, rebilly: true, stuut: false, unipile: true, 'crm-gateway': false, sandbox: false });
    expect(rollout.requests).toHaveLength(0);
  });
});
