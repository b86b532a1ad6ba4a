import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountDraftSchema, type AccountDraftInput } from '../../../shared/accounts.js';
import { createEventBus } from '../event-bus.js';
import { createNoticeBoard } from '../notices.js';
import { ServiceError } from '../../../shared/service-error.js';
import { openSettingsStore } from '../settings/settings-store.js';
import { createFileKeyCipher } from '../vault/file-key-cipher.js';
import { createVault } from '../vault/vault.js';
import { createAccountsService } from './accounts.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-accounts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start() {
  const bus = createEventBus();
  const events: [string, unknown][] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const notices = createNoticeBoard(bus);
  const store = openSettingsStore({ dir, notices });
  const vault = createVault({ cipher: createFileKeyCipher(dir), store, notices });
  return { accounts: createAccountsService({ store, vault, bus }), events };
}
const draft = (input: AccountDraftInput) => accountDraftSchema.parse(input);
const from = { email: 'ann@example.com' };
const stuut = (label: string, secret?: string) =>
  draft({ label, from, settings: { provider: 'stuut', emailSender: 'sndr_abc' }, ...(secret === undefined ? {} : { secret }) });
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  return (error as ServiceError).failure;
};

describe('accounts service', () => {
  it('makes the first account the default, announces each change, and keeps the key through an edit that leaves it empty', async () => {
    const { accounts, events } = start();
    const first = await accounts.save(stuut('Billing', 'token-0000-1111'));
    expect(first).toMatchObject({ isDefault: true, hasSecret: true, secretHint: '1111', attention: null });
    const second = await accounts.save(stuut('Support', 'token-2222-3333'));
    expect(second.isDefault).toBe(false);
    const edited = await accounts.save(draft({ id: first.id, label: 'Billing EU', from, settings: { provider: 'stuut', emailSender: 'sndr_eu' }, secret: '' }));
    expect(edited).toMatchObject({ label: 'Billing EU', hasSecret: true, secretHint: '1111' });
    expect((await accounts.resolveForSend(first.id)).secret).toBe('token-0000-1111');
    expect(events.filter(([name]) => name === 'accounts:changed').length).toBeGreaterThanOrEqual(3);
  });

  it('moves the default to another account when the default is removed, and forgets the key', async () => {
    const { accounts } = start();
    const a = await accounts.save(stuut('A', 'token-aaaa-aaaa'));
    const b = await accounts.save(stuut('B', 'token-bbbb-bbbb'));
    const list = await accounts.remove(a.id);
    expect(list.accounts.map((x) => [x.label, x.isDefault])).toEqual([['B', true]]);
    expect((await failureOf(accounts.resolveForSend(a.id))).kind).toBe('not_found');
    expect((await accounts.setDefault(b.id)).accounts[0]?.isDefault).toBe(true);
    expect((await failureOf(accounts.setDefault(a.id))).message).toMatch(/no longer exists/);
  });

  it('refuses a second account with the same name, and a switch of vendor without the new key', async () => {
    const { accounts } = start();
    const a = await accounts.save(stuut('Billing', 'token-aaaa-aaaa'));
    expect(await failureOf(accounts.save(stuut('billing', 'token-cccc-cccc')))).toMatchObject({ kind: 'invalid_input', fields: [{ field: 'label' }] });
    const switched = draft({ id: a.id, label: 'Billing', from, settings: { provider: 'crm-gateway', endpointUrl: 'https://gw.example.com/send' } });
    expect(await failureOf(accounts.save(switched))).toMatchObject({ fields: [{ field: 'secret' }], message: expect.stringContaining('belongs to Stuut') });
  });

  it('asks for the key again when an edit changes where it would be sent, and keeps it for any other edit', async () => {
    const { accounts } = start();
    const ids: { id?: string } = {};
    const gateway = (endpointUrl: string, secret?: string) =>
      draft({ ...ids, label: 'Law desk', from, settings: { provider: 'crm-gateway', endpointUrl }, ...(secret === undefined ? {} : { secret }) });
    const saved = await accounts.save(gateway('https://gw.example.com/v1/email/send', 'gw_key_Vq7Xz2Lm9Pr4'));
    ids.id = saved.id;
    for (const elsewhere of ['https://collector.example/v1/email/send', 'https://gw.example.com:8443/v1/email/send', 'http://127.0.0.1:9/v1/email/send']) {
      const failure = await failureOf(accounts.save(gateway(elsewhere)));
      expect(failure).toMatchObject({ kind: 'invalid_input', fields: [{ field: 'secret', message: 'The address changed: paste the key again.' }] });
      expect(failure.message).toContain('sent only to https://gw.example.com');
    }
    // Refused edits changed nothing: the key still goes to its own host only.
    expect((await accounts.resolveForSend(saved.id)).account.settings).toMatchObject({ endpointUrl: 'https://gw.example.com/v1/email/send' });
    // Same origin, another path or spelling: the key follows.
    await accounts.save(gateway('HTTPS://GW.example.com/v2/email/send'));
    expect((await accounts.resolveForSend(saved.id)).secret).toBe('gw_key_Vq7Xz2Lm9Pr4');
    // With the key typed again the move is allowed, and the new key is the one sent.
    await accounts.save(gateway('https://collector.example/send', 'gw_key_new_0000'));
    expect((await accounts.resolveForSend(saved.id)).secret).toBe('gw_key_new_0000');
  });

  it('asks again when the Rebilly environment changes', async () => {
    const { accounts } = start();
    const settings = (baseUrl: string) => ({ provider: 'rebilly' as const, baseUrl, organizationId: 'org' });
    const saved = await accounts.save(draft({ label: 'Billing', from, settings: settings('https://api-sandbox.rebilly.com'), secret: 'sk_sandbox_0123456' }));
    const live = draft({ id: saved.id, label: 'Billing', from, settings: settings('https://api.rebilly.com') });
    expect(await failureOf(accounts.save(live))).toMatchObject({ fields: [{ field: 'secret' }] });
  });

  it('gives the sandbox no key and sends from it with an empty secret', async () => {
    const { accounts } = start();
    const sandbox = await accounts.save(draft({ label: 'Try it', from, settings: { provider: 'sandbox' } }));
    expect(sandbox).toMatchObject({ hasSecret: false, secretHint: null, attention: null });
    expect((await accounts.resolveForSend(sandbox.id)).secret).toBe('');
  });

  it('keeps accounts across a restart of the service on the same folder', async () => {
    const saved = await start().accounts.save(stuut('Billing', 'token-aaaa-bbbb'));
    const { accounts } = start();
    expect((await accounts.list()).accounts.map((a) => a.label)).toEqual(['Billing']);
    expect((await accounts.resolveForSend(saved.id)).secret).toBe('token-aaaa-bbbb');
  });
});

describe('account draft schema', () => {
  it('explains each bad field in words', () => {
    const result = accountDraftSchema.safeParse({
      label: '',
      from: { email: 'ann@' },
      settings: { provider: 'unipile', baseUrl: 'http://api1.unipile.com:13111', accountId: '' },
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      label: 'Give the account a name.',
      'from.email': 'is not a valid email address',
      'settings.baseUrl': 'Use https://: plain http is allowed only for this computer (localhost or 127.0.0.1).',
      'settings.accountId': 'Enter the Unipile account id.',
      secret: 'Paste the key: a new account needs it to send.',
    });
  });

  it('refuses an address carrying a user name or password, with the reason', () => {
    for (const settings of [
      { provider: 'crm-gateway', endpointUrl: 'https://user:pass@gw.example.com/send' },
      { provider: 'stuut', baseUrl: 'https://token@api.stuut.ai', emailSender: 'sndr_a' },
    ] as const) {
      const result = accountDraftSchema.safeParse({ label: 'X', from, settings, secret: 'k' });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        [`settings.${'endpointUrl' in settings ? 'endpointUrl' : 'baseUrl'}`, expect.stringMatching(/^Remove the user name and password/)],
      ]);
    }
  });

  it('allows plain http on loopback, where the vendor simulators run', () => {
    const ok = accountDraftSchema.safeParse({ label: 'Sim', from, settings: { provider: 'crm-gateway', endpointUrl: 'http://127.0.0.1:4010/v1/email/send' }, secret: 'k' });
    expect(ok.success).toBe(true);
  });
});
