import { describe, expect, it } from 'vitest';
import { CRM_GATEWAY_PATH, crmGatewaySent, startCrmGateway } from '../../e2e/vendors/crm-gateway/simulator.js';
import { closedSimulatorUrl, itHandlesTransportFailures, transportSettings } from '../../e2e/vendors/kit/send-fixtures.js';
import { crmGatewayProvider } from './crm-gateway.js';
import { useGatewaySimulator } from './crm-gateway-test-support.js';

const gateway = useGatewaySimulator();
const { SECRET, account, message, sendFailure, withFault } = gateway;

describe('crmGatewayProvider: documented and undocumented failures', () => {
  it('401 invalid_key (a wrong key) -> auth with the vendor words and the request id', async () => {
    const f = await sendFailure(message(), account({}, 'gw_wrong_key_1234'));
    expect(f).toMatchObject({ kind: 'auth', status: 401, vendorCode: 'invalid_key' });
    expect(f.message).toMatch(/^CRM gateway did not accept the account's credentials: "Invalid or expired API key\." \(invalid_key\)\. .* \(Request ID: req_[0-9a-f]+\)$/);
  });

  it('403 insufficient_permissions (a read-only key) -> auth', async () => {
    const f = await sendFailure(message(), account({}, 'gw_readonly_0000'));
    expect(f).toMatchObject({ kind: 'auth', status: 403, vendorCode: 'insufficient_permissions' });
    expect(f.message).toContain('write:email');
  });

  it('400 validation_error -> validation with the field details', async () => {
    const f = await withFault({
      kind: 'status',
      status: 400,
      body: { error: { code: 'validation_error', message: 'Missing to, subject, or both body_html and body_text', details: [{ field: 'to', message: 'is required' }] } },
    });
    expect(f).toMatchObject({ kind: 'validation', status: 400, vendorCode: 'validation_error', fields: [{ field: 'to', message: 'is required' }] });
    expect(f.message).toContain('"Missing to, subject, or both body_html and body_text"');
  });

  it('409 idempotency_conflict (same key, different payload) -> validation explained as our bug', async () => {
    await crmGatewayProvider.send(message(), account());
    const f = await sendFailure(message({ subject: 'Edited after the first attempt' }));
    expect(f).toMatchObject({ kind: 'validation', status: 409, vendorCode: 'idempotency_conflict' });
    expect(f.message).toMatch(/same idempotency key with different content/);
    expect(crmGatewaySent(gateway.simulator())).toHaveLength(1);
  });

  it('429 with Retry-After -> rate_limited with the wait', async () => {
    const f = await withFault({ kind: 'status', status: 429, body: { error: { code: 'rate_limited', message: 'Per-second send cap exceeded' } }, headers: { 'retry-after': '30' } });
    expect(f).toMatchObject({ kind: 'rate_limited', status: 429, vendorCode: 'rate_limited', retryAfterMs: 30_000 });
    expect(f.message).toContain('Try again in 30 s.');
  });

  it('429 with only X-RateLimit-Reset -> rate_limited with the wait', async () => {
    const f = await withFault({ kind: 'status', status: 429, body: { error: { code: 'rate_limited', message: 'cap' } }, headers: { 'x-ratelimit-reset': '12' } });
    expect(f).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
  });

  it('429 from the per-day cap of the simulator itself', async () => {
    const capped = await startCrmGateway({ apiKey: SECRET, dailyLimit: 1 });
    try {
      const acc = account({ endpointUrl: `${capped.url}${CRM_GATEWAY_PATH}` });
      await crmGatewayProvider.send(message(), acc);
      const f = await sendFailure(message({ idempotencyKey: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }), acc);
      expect(f.kind).toBe('rate_limited');
      expect(f.retryAfterMs).toBeGreaterThan(0);
      expect(f.retryAfterMs).toBeLessThanOrEqual(86_400_000);
    } finally {
      await capped.close();
    }
  });

  it.each([
    [502, 'provider_error', 'provider'],
    [500, 'internal_error', 'provider'],
    [503, 'unavailable', 'provider'],
    [504, 'gateway_timeout', 'unknown_outcome'],
  ] as const)('%i -> %s', async (status, code, kind) => {
    const f = await withFault({ kind: 'status', status, body: { error: { code, message: `Upstream said ${code}` } } });
    expect(f).toMatchObject({ kind, status, vendorCode: code });
    expect(f.message).toContain(`"Upstream said ${code}"`);
  });

  it('503 with Retry-After keeps the wait', async () => {
    const f = await withFault({ kind: 'status', status: 503, headers: { 'retry-after': '5' } });
    expect(f).toMatchObject({ kind: 'provider', retryAfterMs: 5_000 });
  });

  it('an HTML error page is described, not quoted', async () => {
    const f = await withFault({ kind: 'html', status: 502 });
    expect(f).toMatchObject({ kind: 'provider', status: 502 });
    expect(f.message).not.toMatch(/<|nginx/);
  });

  it('a success answer that is not JSON -> unknown_outcome', async () => {
    const f = await withFault({ kind: 'malformed-json' });
    expect(f).toMatchObject({ kind: 'unknown_outcome', status: 200 });
    expect(f.message).toMatch(/whether the email was sent is unknown/);
  });

  it('no answer within the timeout -> unknown_outcome', async () => {
    gateway.simulator().injectFault({ kind: 'hang' });
    const f = await sendFailure(message(), account({ timeoutMs: 100 }));
    expect(f.kind).toBe('unknown_outcome');
    expect(f.message).toBe('CRM gateway did not answer within 100 ms; the email may or may not have been sent. Check the sent folder before sending again.');
  });

  it('a vendor that echoes the key back has it redacted', async () => {
    const f = await withFault({ kind: 'status', status: 401, body: { error: { code: 'invalid_key', message: `Key ${SECRET} is revoked` } }, headers: { 'x-request-id': SECRET } });
    expect(f.message).toContain('Key [redacted] is revoked');
  });
});

describe('crmGatewayProvider: transport', () => {
  itHandlesTransportFailures({
    sim: () => gateway.simulator(),
    send: ({ timeoutMs, signal, baseUrl }) =>
      crmGatewayProvider.send(message(), account({ ...transportSettings({ timeoutMs }), ...(baseUrl ? { endpointUrl: `${baseUrl}${CRM_GATEWAY_PATH}` } : {}) }), signal),
    deadUrl: () => closedSimulatorUrl(startCrmGateway),
    secrets: [SECRET],
  });
});
