import { randomBytes, scrypt } from 'node:crypto';
import type { SecretRecord } from '../settings/settings-schema.js';
import { open, seal } from './aes-gcm.js';
import type { Cipher } from './cipher.js';

/** scrypt cost; stored with the salt so a later release can raise it without locking anyone out. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** OWASP's floor for scrypt: 2^17 iterations, block size 8, no parallelism (128 MiB per derivation). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** What the settings file keeps to recognise the right passphrase: never the passphrase or the key. */
export interface PassphraseRecord extends ScryptParams {
  salt: string;
  /** A known text sealed with the derived key: opening it proves the passphrase. */
  check: string;
}

const CHECK_TEXT = 'composer-vault-check-v1';

export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128 * N * r bytes are needed, above Node's 32 MiB default from N = 2^15 on; leave headroom.
    const maxmem = 256 * params.N * params.r * params.p;
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

const weaker = (made: ScryptParams, target: ScryptParams) => made.N < target.N || made.r < target.r || made.p < target.p;

/**
 * When the record was made with a cheaper derivation than `target`: a new record for the same
 * passphrase and every passphrase-protected secret encrypted again under its key. A secret the
 * old key cannot open is kept as it was (it was unreadable before too). Null when nothing is owed.
 */
export async function rewrapPassphrase(
  passphrase: string,
  made: PassphraseRecord,
  oldKey: Buffer,
  secrets: Record<string, SecretRecord>,
  target: ScryptParams,
): Promise<{ record: PassphraseRecord; key: Buffer; secrets: Record<string, SecretRecord> } | null> {
  if (!weaker(made, target)) return null;
  const { record, key } = await createPassphraseRecord(passphrase, target);
  const next: Record<string, SecretRecord> = {};
  for (const [accountId, held] of Object.entries(secrets)) {
    let data = held.data;
    if (held.backend === 'passphrase') {
      try {
        data = seal(key, open(oldKey, held.data));
      } catch {
        data = held.data;
      }
    }
    next[accountId] = { ...held, data };
  }
  return { record, key, secrets: next };
}
