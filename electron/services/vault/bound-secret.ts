import { randomBytes } from 'node:crypto';
import type { Destination } from '../../../shared/account-destination.js';
import { open, seal } from './aes-gcm.js';
import type { Cipher } from './cipher.js';

/**
 * What a secret is bound to. The platform ciphers (safeStorage, a passphrase, memory) take no
 * associated data, so each secret gets a key of its own: the backend encrypts that key, and the
 * key seals the secret with AES-GCM bound to the account, its provider and its origin. A record
 * copied to another account, or an account whose address was edited behind the form's back,
 * then fails to open instead of handing its key to a new host.
 */
function associatedData(accountId: string, destination: Destination): Buffer {
  return Buffer.from(JSON.stringify(['composer-secret-v2', accountId, destination.provider, destination.origin]), 'utf8');
}

export interface WrappedSecret {
  /** The secret's own key, encrypted by the backend. */
  data: string;
  /** The secret, sealed with its own key and bound to account, provider and origin. */
  sealed: string;
}

export async function wrapSecret(cipher: Cipher, secret: string, accountId: string, destination: Destination): Promise<WrappedSecret> {
  const key = randomBytes(32);
  return { data: await cipher.encrypt(key.toString('base64')), sealed: seal(key, secret, associatedData(accountId, destination)) };
}

/** `keyText` is what the backend decrypted from `data`. Throws when the binding does not match. */
export function unwrapSecret(keyText: string, sealed: string, accountId: string, destination: Destination): string {
  const key = Buffer.from(keyText, 'base64');
  if (key.length !== 32) throw new Error('The secret key is damaged.');
  return open(key, sealed, associatedData(accountId, destination));
}
