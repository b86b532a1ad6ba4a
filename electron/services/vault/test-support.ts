import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Cipher } from './cipher.js';

/** The keychain states a test starts the vault with; `rotate` makes every decryption ask for a fresh encryption. */
export interface PlatformState {
  backend: string;
  protects: boolean;
  rotate?: boolean;
}

/** A platform cipher whose key follows its backend, like safeStorage with a changed keychain. */
export function platformCipher(state: PlatformState): Cipher {
  const keyFor = (backend: string) => createHash('sha256').update(backend).digest();
  return {
    status: async () => ({ backend: state.backend, protects: state.protects }),
    encrypt: async (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', keyFor(state.backend), iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    decrypt: async (data) => {
      const bytes = Buffer.from(data, 'base64');
      const d = createDecipheriv('aes-256-gcm', keyFor(state.backend), bytes.subarray(0, 12));
      d.setAuthTag(bytes.subarray(12, 28));
      return { plain: Buffer.concat([d.update(bytes.subarray(28)), d.final()]).toString('utf8'), shouldReEncrypt: state.rotate ?? false };
    },
  };
}
