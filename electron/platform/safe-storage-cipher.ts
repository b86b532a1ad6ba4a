import type { SafeStorage } from 'electron';
import type { Cipher } from '../services/vault/cipher.js';

/** The part of Electron's safeStorage the cipher uses; tests pass a fake with the same shape. */
export type SafeStorageApi = Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend'>;

// On Linux these two mean a hard-coded key: encryption in name only.
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * Electron's safeStorage through its asynchronous calls (the synchronous ones are deprecated).
 * The backend name goes beside every ciphertext so a change of keychain is noticed.
 */
export function createSafeStorageCipher(safeStorage: SafeStorageApi, platform: NodeJS.Platform = process.platform): Cipher {
  const backend = (): string => {
    if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
    if (platform === 'darwin') return 'macos-keychain';
    if (platform === 'win32') return 'windows-dpapi';
    return platform;
  };
  return {
    async status() {
      const available = await safeStorage.isAsyncEncryptionAvailable();
      const name = backend();
      return { backend: name, protects: available && !(platform === 'linux' && WEAK_LINUX_BACKENDS.has(name)) };
    },
    async encrypt(plain) {
      return (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(data) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data, 'base64'));
      return { plain: result, shouldReEncrypt };
    },
  };
}
