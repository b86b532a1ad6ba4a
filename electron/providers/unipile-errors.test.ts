import { describe, expect, it } from 'vitest';
import type { SendFailureKind } from '../../shared/outgoing.js';
import { unipileProvider } from './unipile.js';
import { useUnipileSimulator } from './unipile-test-support.js';

const unipile = useUnipileSimulator();
const { SECRET, account, message, failure } = unipile;

type VendorCase = { status: number; type: string; kind: SendFailureKind };

const problem = (status: number, type: string, detail: string) => ({ title: 'Vendor title', detail, type, status });

describe('unipile adapter: documented errors keep the vendor words', () => {
  const cases: VendorCase[] = [
    { status: 401, type: 'errors/expired_credentials', kind: 'auth' },
    { status: 401, type: 'errors/disconnected_account', kind: 'auth' },
    { status: 403, type: 'errors/insufficient_permissions', kind: 'auth' },
    { status: 403, type: 'errors/feature_not_subscribed', kind: 'auth' },
    { status: 422, type: 'errors/send_as_denied', kind: 'validation' },
    { status: 422, type: 'errors/recipient_rejected', kind: 'validation' },
    { status: 422, type: 'errors/limit_exceeded', kind: 'rate_limited' },
    { status: 500, type: 'errors/provider_error', kind: 'provider' },
    { status: 503, type: 'errors/no_client_session', kind: 'provider' },
    { status: 503, type: 'errors/network_down', kind: 'provider' },
    { status: 503, type: 'errors/service_unavailable', kind: 'provider' },
    { status: 504, type: 'errors/request_timeout', kind: 'unknown_outcome' },
  ];
  it.each(cases)('$status $type → $kind', async ({ status, type, kind }) => {
    const detail = `Detail for ${type.slice(7)}.`;
    unipile.simulator().injectFault({ kind: 'status', status, body: problem(status, type, detail) });
    const error = await failure(unipileProvider.send(message(), account()));
    expect(error.failure).toMatchObject({ kind, status, vendorCode: type });
    expect(error.message).toContain(detail);
    expect(error.message).toContain(type);
  });

  it('wrong key: the simulator answers 401 invalid_credentials → auth, the key redacted even when echoed', async () => {
    const wrong = 'unipile-wrong-key-55aa';
    const error = await failure(unipileProvider.send(message(), account({}, wrong)), [wrong, SECRET]);
    expect(error.failure).toMatchObject({ kind: 'auth', status: 401, vendorCode: 'errors/invalid_credentials' });

    unipile.simulator().injectFault({ kind: 'status', status: 401, body: problem(401, 'errors/invalid_credentials', `Key ${SECRET} is invalid.`) });
    const echoed = await failure(unipileProvider.send(message(), account()));
    expect(echoed.message).toContain('[redacted]');
  });

  it('unknown account id: 404 → validation telling the user to check the account id', async () => {
    const error = await failure(unipileProvider.send(message(), account({ accountId: 'acc_nope' })));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 404, vendorCode: 'errors/resource_not_found' });
    expect(error.message).toContain('acc_nope');
    expect(error.message).toMatch(/check the account id/i);
    expect(error.message).toContain('Account not found');
  });

  it('reply to an email Unipile does not know: 422 parent_mail_not_found → validation', async () => {
    const error = await failure(unipileProvider.send(message({ inReplyTo: { remoteId: 'em_unknown' } }), account()));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 422, vendorCode: 'errors/parent_mail_not_found' });
    expect(error.message).toContain('The parent mail could not be found.');
    expect(error.message).toMatch(/could not find the email this one replies to.*Send it as a new message; it will start a new thread\./);
    // A seeded id is known: the same request then goes through.
    await expect(unipileProvider.send(message({ inReplyTo: { remoteId: 'em_known_1' } }), account())).resolves.toMatchObject({ status: 'accepted' });
  });

  it('422 invalid_recipient points at the recipients field', async () => {
    unipile.simulator().injectFault({ kind: 'status', status: 422, body: problem(422, 'errors/invalid_recipient', 'Recipient bo@client.example does not exist.') });
    const error = await failure(unipileProvider.send(message(), account()));
    expect(error.failure).toMatchObject({ kind: 'validation', vendorCode: 'errors/invalid_recipient' });
    expect(error.failure.fields).toEqual([{ field: 'to', message: 'Recipient bo@client.example does not exist.' }]);
  });

  it('422 limit_exceeded reads as a rate limit, not as a message to fix', async () => {
    unipile.simulator().injectFault({ kind: 'status', status: 422, body: problem(422, 'errors/limit_exceeded', 'Daily quota reached.') });
    const error = await failure(unipileProvider.send(message(), account()));
    expect(error.message).not.toMatch(/correct it/i);
    expect(error.message).toMatch(/try again later/i);
  });

  it('503 keeps the vendor code and the Retry-After wait for the retry policy', async () => {
    unipile.simulator().injectFault({ kind: 'status', status: 503, headers: { 'retry-after': '30' }, body: problem(503, 'errors/no_client_session', 'No client session.') });
    const error = await failure(unipileProvider.send(message(), account()));
    expect(error.failure).toMatchObject({ kind: 'provider', vendorCode: 'errors/no_client_session', retryAfterMs: 30_000 });
  });
});
