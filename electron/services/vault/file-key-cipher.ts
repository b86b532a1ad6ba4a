/* eslint-disable security/detect-non-literal-fs-filename -- the key file's path is the data folder main passes in plus a fixed name. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { open, seal } from './aes-gcm.js';
import type { Cipher } from './cipher.js';

export const FILE_KEY_NAME = 'vault.key';

/**
 * A Node crypto cipher whose key lives in the data folder (mode 0600): what the browser
 * harness and the tests use in place of the OS keychain. A copied settings file without
 * this key cannot be decrypted, which is how tests exercise "needs the key re-entered".
 */
export function createFileKeyCipher(dataDir: string): Cipher {
  const keyFile = path.join(dataDir, FILE_KEY_NAME);
  let key: Promise<Buffer> | null = null;
  const loadKey = async (): Promise<Buffer> => {
    const existing = await readFile(keyFile).catch(() => null);
    if (existing && existing.length === 32) return existing;
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const fresh = randomBytes(32);
    // 'wx' so two starts racing cannot overwrite a key the other already used.
    await writeFile(keyFile, fresh, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const written = await readFile(keyFile);
    if (written.length !== 32) throw new Error(`The key file ${FILE_KEY_NAME} is damaged.`);
    return written;
  };
  const getKey = () => (key ??= loadKey().catch((error: unknown) => {
    key = null;
    throw error;
  }));
  return {
    status: async () => ({ backend: 'file-key', protects: true }),
    encrypt: async (plain) => seal(await getKey(), plain),
    decrypt: async (data) => ({ plain: open(await getKey(), data), shouldReEncrypt: false }),
  };
}
