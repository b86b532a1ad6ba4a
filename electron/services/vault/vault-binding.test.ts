import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { destinationOf } from '../../../shared/account-destination.js';
import type { AccountSettings } from '../../../shared/accounts.js';
import { ServiceError } from '../../../shared/service-error.js';
import { openSettingsStore, type SettingsStore } from '../settings/settings-store.js';
import { createPassphraseCipher, createPassphraseRecord, DEFAULT_SCRYPT, deriveKey } from './passphrase-cipher.js';
import { platformCipher } from './test-support.js';
import { createVault } from './vault.js';

const KEYCHAIN = { backend: 'gnome_libsecret', protects: true };
const WEAK = { backend: 'basic_text', protects: false };
const gateway = (endpointUrl: string): AccountSettings => ({ provider: 'crm-gateway', endpointUrl, timeoutMs: 30_000 });
const HOME = gateway('https://gateway.example/v1/email/send');
const ELSEWHERE = gateway('https://collector.example/v1/email/send');

let dir = '';
const board = { post: () => undefined, dismiss: () => [] };
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-vault-binding-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function withAccounts(store: SettingsStore, accounts: Record<string, AccountSettings>): void {
  store.write({
    accounts: Object.entries(accounts).map(([id, settings]) => ({ id, label: id, from: { email: 'ann@example.com' }, settings, signatureHtml: '', createdAt: '2026-01-01T00:00:00.000Z' })),
  });
}
async function start(platform = KEYCHAIN, scrypt = { N: 2 ** 10, r: 8, p: 1 }) {
  const store = openSettingsStore({ dir, notices: board });
  const vault = createVault({ cipher: platformCipher(platform), store, notices: board, scrypt });
  await vault.ready;
  return { vault, store };
}
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  return (error as ServiceError).failure;
};

describe('a key bound to its account and destination', () => {
  it('does not open for another origin, another provider or another account, and says to enter the key again', async () => {
    const { vault, store } = await start();
    withAccounts(store, { a: HOME, b: HOME });
    await vault.put('a', 'gw_key_Vq7Xz2Lm9Pr4', destinationOf(HOME));
    expect(await vault.reveal('a', destinationOf(HOME))).toBe('gw_key_Vq7Xz2Lm9Pr4');
    expect((await failureOf(vault.reveal('a', destinationOf(ELSEWHERE)))).message).toMatch(/saved for another account or address.*enter its key again/);
    expect((await failureOf(vault.reveal('a', { provider: 'stuut', origin: 'https://gateway.example' }))).kind).toBe('auth');
    // The same record copied under another account's id: the bytes are all there and still do not open.
    store.write({ secrets: { ...store.read().secrets, b: store.read().secrets.a! } });
    expect((await failureOf(vault.reveal('b', destinationOf(HOME)))).kind).toBe('auth');
  });

  it('an account whose address was changed in the settings file needs its key again at the next start', async () => {
    const first = await start();
    withAccounts(first.store, { a: HOME });
    await first.vault.put('a', 'gw_key_Vq7Xz2Lm9Pr4', destinationOf(HOME));
    withAccounts(first.store, { a: ELSEWHERE });
    const { vault } = await start();
    expect(vault.hasSecret('a')).toBe(false);
    expect(vault.problem('a')).toMatch(/another account or address/);
  });

  it('binds a keychain record written before binding existed at the next start, and it stays readable', async () => {
    const first = await start();
    withAccounts(first.store, { a: HOME });
    // The format before binding: the platform cipher's encryption of the key itself.
    const legacy = await platformCipher(KEYCHAIN).encrypt('gw_key_Vq7Xz2Lm9Pr4');
    first.store.write({ secrets: { a: { backend: KEYCHAIN.backend, data: legacy, hint: 'r4Pr' } } });
    const { vault, store } = await start();
    const record = store.read().secrets.a!;
    expect(record.sealed).toBeDefined();
    expect(record.data).not.toBe(legacy);
    expect(record.hint).toBe('r4Pr');
    expect(await vault.reveal('a', destinationOf(HOME))).toBe('gw_key_Vq7Xz2Lm9Pr4');
    expect((await failureOf(vault.reveal('a', destinationOf(ELSEWHERE)))).kind).toBe('auth');
  });

  it('binds a passphrase record written before binding existed when the vault is unlocked', async () => {
    const first = await start(WEAK);
    withAccounts(first.store, { a: HOME });
    const { record, key } = await createPassphraseRecord('correct horse battery', { N: 2 ** 10, r: 8, p: 1 });
    const legacy = await createPassphraseCipher(key).encrypt('gw_key_Vq7Xz2Lm9Pr4');
    first.store.write({ vault: { mode: 'passphrase', passphrase: record }, secrets: { a: { backend: 'passphrase', data: legacy, hint: null } } });
    const { vault, store } = await start(WEAK);
    expect(store.read().secrets.a?.sealed).toBeUndefined();
    await vault.unlock('correct horse battery');
    expect(store.read().secrets.a?.sealed).toBeDefined();
    expect(await vault.reveal('a', destinationOf(HOME))).toBe('gw_key_Vq7Xz2Lm9Pr4');
  });
});

describe('passphrase key derivation', () => {
  it('uses scrypt N = 2^17, r = 8, p = 1 and derives a key with it (beyond Node’s default memory cap)', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const key = await deriveKey('correct horse battery', Buffer.alloc(16, 1), DEFAULT_SCRYPT);
    expect(key).toHaveLength(32);
  });

  it('re-wraps a vault made with a cheaper derivation on the next unlock; the keys stay readable after a restart', async () => {
    const cheap = { N: 2 ** 10, r: 8, p: 1 };
    const dearer = { N: 2 ** 11, r: 8, p: 1 };
    const first = await start(WEAK, cheap);
    withAccounts(first.store, { a: HOME });
    await first.vault.choose({ mode: 'passphrase', passphrase: 'correct horse battery' });
    await first.vault.put('a', 'gw_key_Vq7Xz2Lm9Pr4', destinationOf(HOME));
    const before = first.store.read();
    expect(before.vault).toMatchObject({ mode: 'passphrase', passphrase: { N: 2 ** 10 } });

    const second = await start(WEAK, dearer);
    await second.vault.unlock('correct horse battery');
    const after = second.store.read();
    expect(after.vault).toMatchObject({ mode: 'passphrase', passphrase: { N: 2 ** 11, r: 8, p: 1 } });
    expect(after.secrets.a?.data).not.toBe(before.secrets.a?.data);
    expect(await second.vault.reveal('a', destinationOf(HOME))).toBe('gw_key_Vq7Xz2Lm9Pr4');

    const third = await start(WEAK, dearer);
    expect((await failureOf(third.vault.unlock('wrong horse battery'))).kind).toBe('auth');
    await third.vault.unlock('correct horse battery');
    expect(await third.vault.reveal('a', destinationOf(HOME))).toBe('gw_key_Vq7Xz2Lm9Pr4');
    expect(third.store.read().vault).toEqual(after.vault);
  });
});
