import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyCipher, FILE_KEY_NAME } from './file-key-cipher.js';
import { createPassphraseCipher, createPassphraseRecord, unlockRecord } from './passphrase-cipher.js';
import { createSessionCipher } from './session-cipher.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-cipher-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file-key cipher', () => {
  it('round-trips a secret, keeps its key readable by the owner only, and hides the plain text', async () => {
    const cipher = createFileKeyCipher(dir);
    const data = await cipher.encrypt('rk_live_0123456789abcdef');
    expect(data).not.toContain('0123456789');
    expect(await cipher.decrypt(data)).toEqual({ plain: 'rk_live_0123456789abcdef', shouldReEncrypt: false });
    expect((await stat(path.join(dir, FILE_KEY_NAME))).mode & 0o777).toBe(0o600);
    // A second instance on the same folder (the app restarted) reads what the first wrote.
    expect((await createFileKeyCipher(dir).decrypt(data)).plain).toBe('rk_live_0123456789abcdef');
  });

  it('cannot decrypt a secret from another data folder (settings copied from another machine)', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'composer-cipher-other-'));
    try {
      const data = await createFileKeyCipher(elsewhere).encrypt('secret-from-elsewhere');
      await expect(createFileKeyCipher(dir).decrypt(data)).rejects.toThrow();
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a damaged key file instead of inventing a new key over it', async () => {
    await writeFile(path.join(dir, FILE_KEY_NAME), 'short');
    await expect(createFileKeyCipher(dir).encrypt('x')).rejects.toThrow(/damaged/);
  });
});

describe('passphrase cipher', () => {
  it('opens with the right passphrase and refuses a wrong one', async () => {
    const { record, key } = await createPassphraseRecord('correct horse battery', FAST);
    expect(JSON.stringify(record)).not.toContain('correct horse');
    const sealed = await createPassphraseCipher(key).encrypt('jwt.payload.signature');
    expect(await unlockRecord('wrong horse battery', record)).toBeNull();
    const again = await unlockRecord('correct horse battery', record);
    expect(again).not.toBeNull();
    expect((await createPassphraseCipher(again as Buffer).decrypt(sealed)).plain).toBe('jwt.payload.signature');
  });

  it('detects a tampered ciphertext', async () => {
    const { key } = await createPassphraseRecord('correct horse battery', FAST);
    const sealed = Buffer.from(await createPassphraseCipher(key).encrypt('token-value-123'), 'base64');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    await expect(createPassphraseCipher(key).decrypt(sealed.toString('base64'))).rejects.toThrow();
  });
});

describe('session cipher', () => {
  it('keeps secrets for this process only', async () => {
    const session = createSessionCipher();
    const handle = await session.encrypt('session-secret-value');
    expect(handle).not.toContain('session-secret');
    expect((await session.decrypt(handle)).plain).toBe('session-secret-value');
    await expect(createSessionCipher().decrypt(handle)).rejects.toThrow(/earlier session/);
  });
});
