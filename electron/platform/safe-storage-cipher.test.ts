import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher, type SafeStorageApi } from './safe-storage-cipher.js';

type Backend = ReturnType<SafeStorageApi['getSelectedStorageBackend']>;

/** Electron's safeStorage cannot run here: this fake encrypts with a key tied to the backend, as the OS would. */
function fakeSafeStorage(initial: Backend, options: { available?: boolean; rotate?: boolean } = {}) {
  const calls: string[] = [];
  let backend = initial;
  const keyFor = (name: string) => createHash('sha256').update(`fake-${name}`).digest();
  const api: SafeStorageApi = {
    getSelectedStorageBackend: () => backend,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (plain) => {
      calls.push('encryptStringAsync');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(backend), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptStringAsync: async (data) => {
      calls.push('decryptStringAsync');
      const decipher = createDecipheriv('aes-256-gcm', keyFor(backend), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const result = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: options.rotate ?? false };
    },
  };
  return { api, calls, switchTo: (next: Backend) => (backend = next) };
}

describe('safeStorage cipher', () => {
  it('round-trips through the asynchronous calls only', async () => {
    const fake = fakeSafeStorage('gnome_libsecret');
    const cipher = createSafeStorageCipher(fake.api, 'linux');
    const data = await cipher.encrypt('wbk_live_abcdefghijkl');
    expect(Buffer.from(data, 'base64').toString('utf8')).not.toContain('abcdefghijkl');
    expect(await cipher.decrypt(data)).toEqual({ plain: 'wbk_live_abcdefghijkl', shouldReEncrypt: false });
    expect(fake.calls).toEqual(['encryptStringAsync', 'decryptStringAsync']);
  });

  it('names the backend and calls basic_text and unknown on Linux no protection', async () => {
    expect(await createSafeStorageCipher(fakeSafeStorage('kwallet6').api, 'linux').status()).toEqual({ backend: 'kwallet6', protects: true });
    expect(await createSafeStorageCipher(fakeSafeStorage('basic_text').api, 'linux').status()).toEqual({ backend: 'basic_text', protects: false });
    expect(await createSafeStorageCipher(fakeSafeStorage('unknown').api, 'linux').status()).toEqual({ backend: 'unknown', protects: false });
    expect(await createSafeStorageCipher(fakeSafeStorage('unknown').api, 'darwin').status()).toEqual({ backend: 'macos-keychain', protects: true });
    expect(await createSafeStorageCipher(fakeSafeStorage('unknown', { available: false }).api, 'win32').status()).toEqual({
      backend: 'windows-dpapi',
      protects: false,
    });
  });

  it('passes on a request to re-encrypt and fails to read data from another backend', async () => {
    const fake = fakeSafeStorage('gnome_libsecret', { rotate: true });
    const cipher = createSafeStorageCipher(fake.api, 'linux');
    const data = await cipher.encrypt('token-abcdefgh');
    expect((await cipher.decrypt(data)).shouldReEncrypt).toBe(true);
    fake.switchTo('kwallet5');
    await expect(cipher.decrypt(data)).rejects.toThrow();
  });
});

export { fakeSafeStorage };
