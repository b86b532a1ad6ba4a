import { randomBytes, scrypt } from 'node:crypto';
import { open, seal } from './aes-gcm.js';
import type { Cipher } from './cipher.js';

/** scrypt cost; stored with the salt so a later release can raise it without locking anyone out. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

/** What the settings file keeps to recognise the right passphrase: never the passphrase or the key. */
export interface PassphraseRecord extends ScryptParams {
  salt: string;
  /** A known text sealed with the derived key: opening it proves the passphrase. */
  check: string;
}

const CHECK_TEXT = 'composer-vault-check-v1';

export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128 * N * r bytes are needed; leave headroom above that.
    const maxmem = 256 * params.N * params.r;
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function createPassphraseRecord(passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<{ record: PassphraseRecord; key: Buffer }> {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, params);
  return { record: { ...params, salt: salt.toString('base64'), check: seal(key, CHECK_TEXT) }, key };
}

/** The key for this passphrase, or null when it is not the one the record was made with. */
export async function unlockRecord(passphrase: string, record: PassphraseRecord): Promise<Buffer | null> {
  const key = await deriveKey(passphrase, Buffer.from(record.salt, 'base64'), record);
  try {
    return open(key, record.check) === CHECK_TEXT ? key : null;
  } catch {
    return null;
  }
}

/** AES-256-GCM with the scrypt-derived key. */
export function createPassphraseCipher(key: Buffer): Cipher {
  return {
    status: async () => ({ backend: 'passphrase', protects: true }),
    encrypt: async (plain) => seal(key, plain),
    decrypt: async (data) => ({ plain: open(key, data), shouldReEncrypt: false }),
  };
}
