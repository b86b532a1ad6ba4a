import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../../shared/account-destination.js';
import type { Notice } from '../../../shared/ipc.js';
import { ServiceError } from '../../../shared/service-error.js';
import { openSettingsStore } from '../settings/settings-store.js';
import { platformCipher, type PlatformState } from './test-support.js';
import { createVault } from './vault.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const AT: Destination = { provider: 'stuut', origin: 'https://api.stuut.ai' };

let dir = '';
let notices: Notice[] = [];
const board = { post: (n: Notice) => void notices.push(n), dismiss: (id: string) => (notices = notices.filter((n) => n.id !== id)) };
async function start(platform: PlatformState) {
  const store = openSettingsStore({ dir, notices: board });
  const vault = createVault({ cipher: platformCipher(platform), store, notices: board, scrypt: FAST });
  await vault.ready;
  return { vault, store };
}
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  return (error as ServiceError).failure;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-vault-'));
  notices = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vault with a keychain', () => {
  it('stores only ciphertext with its backend and a four-character hint, and reveals the secret after a restart', async () => {
    const { vault, store } = await start({ backend: 'gnome_libsecret', protects: true });
    await vault.put('a', 'rk_live_secretvalue1234', AT);
    expect(JSON.stringify(store.read())).not.toContain('secretvalue');
    expect(store.read().secrets.a).toMatchObject({ backend: 'gnome_libsecret', hint: '1234' });
    const again = await start({ backend: 'gnome_libsecret', protects: true });
    expect(again.vault.state().mode).toBe('keychain');
    expect(await again.vault.reveal('a', AT)).toBe('rk_live_secretvalue1234');
    expect(again.vault.problem('a')).toBeNull();
  });

  it('marks a secret it cannot decrypt as needing the key again, and keeps every other one working', async () => {
    const first = await start({ backend: 'gnome_libsecret', protects: true });
    await first.vault.put('good', 'good-secret-0001', AT);
    await first.vault.put('bad', 'bad-secret-00002', AT);
    const secrets = first.store.read().secrets;
    // The 'bad' ciphertext is replaced by one from another machine's keychain.
    const foreign = await platformCipher({ backend: 'other-machine', protects: true }).encrypt('bad-secret-00002');
    first.store.write({ secrets: { ...secrets, bad: { ...secrets.bad!, data: foreign } } });
    const { vault } = await start({ backend: 'gnome_libsecret', protects: true });
    expect(vault.problem('bad')).toMatch(/cannot be decrypted on this computer.*enter it again/);
    expect(vault.hasSecret('bad')).toBe(false);
    expect((await failureOf(vault.reveal('bad', AT))).kind).toBe('auth');
    expect(await vault.reveal('good', AT)).toBe('good-secret-0001');
    // Typing the key again repairs it.
    await vault.put('bad', 'bad-secret-00002', AT);
    expect(vault.problem('bad')).toBeNull();
    expect(await vault.reveal('bad', AT)).toBe('bad-secret-00002');
  });

  it('notices a changed keychain backend: names both when it cannot read, and says so', async () => {
    const first = await start({ backend: 'gnome_libsecret', protects: true });
    await first.vault.put('a', 'token-abcdefgh', AT);
    const { vault } = await start({ backend: 'kwallet6', protects: true });
    expect(vault.problem('a')).toBe('This key was saved with gnome_libsecret, but this computer now uses kwallet6: edit the account and enter the key again.');
    expect(notices.map((n) => n.id)).toContain('keychain-changed');
  });

  it('moves a secret to the new backend when the platform can still read it, and re-encrypts when asked', async () => {
    const first = await start({ backend: 'kwallet5', protects: true });
    await first.vault.put('a', 'token-abcdefgh', AT);
    const record = first.store.read().secrets.a!;
    first.store.write({ secrets: { a: { ...record, backend: 'kwallet' } } });
    const { vault, store } = await start({ backend: 'kwallet5', protects: true, rotate: true });
    expect(store.read().secrets.a?.backend).toBe('kwallet5');
    expect(store.read().secrets.a?.data).not.toBe(record.data);
    expect(await vault.reveal('a', AT)).toBe('token-abcdefgh');
  });
});

describe('vault without a keychain', () => {
  const weak = { backend: 'basic_text', protects: false };

  it('never stores a weakly protected secret: it asks the person to choose first', async () => {
    const { vault, store } = await start(weak);
    expect(vault.state()).toMatchObject({ mode: 'needs-choice', backend: 'basic_text' });
    expect(notices.map((n) => n.id)).toEqual(['keychain-unavailable']);
    const failure = await failureOf(vault.put('a', 'token-abcdefgh', AT));
    expect(failure).toMatchObject({ kind: 'locked', message: expect.stringContaining('Choose a passphrase') });
    expect(store.read().secrets).toEqual({});
  });

  it('passphrase mode: locked at the next start, a wrong passphrase says so and can be retried', async () => {
    const first = await start(weak);
    await first.vault.choose({ mode: 'passphrase', passphrase: 'correct horse battery' });
    expect(first.vault.state().mode).toBe('passphrase-unlocked');
    expect(notices).toEqual([]);
    await first.vault.put('a', 'jwt.header.payload', AT);
    expect(first.store.read().secrets.a?.backend).toBe('passphrase');
    expect(JSON.stringify(first.store.read())).not.toContain('correct horse');

    const { vault } = await start(weak);
    expect(vault.state().mode).toBe('passphrase-locked');
    expect(vault.problem('a')).toMatch(/^Locked/);
    expect((await failureOf(vault.reveal('a', AT))).kind).toBe('locked');
    expect((await failureOf(vault.put('b', 'another-secret', AT))).kind).toBe('locked');
    const wrong = await failureOf(vault.unlock('wrong horse battery'));
    expect(wrong).toMatchObject({ kind: 'auth', fields: [{ field: 'passphrase', message: expect.any(String) }] });
    expect(vault.state().mode).toBe('passphrase-locked');
    await vault.unlock('correct horse battery');
    expect(vault.state().mode).toBe('passphrase-unlocked');
    expect(await vault.reveal('a', AT)).toBe('jwt.header.payload');
  });

  it('session-only mode keeps keys in memory and asks for them again after a restart', async () => {
    const first = await start(weak);
    await first.vault.choose({ mode: 'session' });
    await first.vault.put('a', 'session-token-1234', AT);
    expect(await first.vault.reveal('a', AT)).toBe('session-token-1234');
    expect(JSON.stringify(first.store.read())).not.toContain('session-token');
    const { vault } = await start(weak);
    expect(vault.state().mode).toBe('session-only');
    expect(vault.problem('a')).toMatch(/earlier session only/);
    expect(vault.hint('a')).toBe('1234');
  });

  it('moving from session-only to a passphrase keeps the keys typed this session', async () => {
    const first = await start(weak);
    await first.vault.choose({ mode: 'session' });
    await first.vault.put('a', 'session-token-1234', AT);
    await first.vault.choose({ mode: 'passphrase', passphrase: 'correct horse battery' });
    const { vault } = await start(weak);
    await vault.unlock('correct horse battery');
    expect(await vault.reveal('a', AT)).toBe('session-token-1234');
    expect((await failureOf(vault.choose({ mode: 'session' }))).kind).toBe('invalid_input');
  });
});
