import { safeStorage } from 'electron';

/**
 * On Linux without a keyring, safeStorage falls back to a hard-coded key ('basic_text'):
 * encryption in name only. The person must be told rather than silently downgraded.
 */
export function keychainIsWeak(): boolean {
  if (process.platform !== 'linux') return !safeStorage.isEncryptionAvailable();
  return safeStorage.getSelectedStorageBackend() === 'basic_text' || !safeStorage.isEncryptionAvailable();
}
