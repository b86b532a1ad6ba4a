import { randomUUID } from 'node:crypto';
import type { Cipher } from './cipher.js';

/**
 * Keeps secrets in this process's memory only; the stored "ciphertext" is a random handle.
 * After a restart no handle resolves, so the person is asked for the key again.
 */
export function createSessionCipher(): Cipher {
  const held = new Map<string, string>();
  return {
    status: async () => ({ backend: 'session', protects: true }),
    encrypt: async (plain) => {
      const handle = randomUUID();
      held.set(handle, plain);
      return handle;
    },
    decrypt: async (handle) => {
      const plain = held.get(handle);
      if (plain === undefined) throw new Error('This key was kept for an earlier session only.');
      return { plain, shouldReEncrypt: false };
    },
  };
}
