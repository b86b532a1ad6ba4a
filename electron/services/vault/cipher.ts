/** Which backend protects secrets now, and whether it protects them at all. */
export interface CipherStatus {
  /** Stored beside every ciphertext, e.g. `gnome_libsecret`, `macos-keychain`, `file-key`, `passphrase`. */
  backend: string;
  /** False when the backend is encryption in name only (Linux `basic_text`, `unknown`). */
  protects: boolean;
}

/**
 * Encrypts and decrypts secrets. The platform gives one (Electron safeStorage in the app, a
 * key file in the harness and tests); the vault adds the passphrase and session-only ones.
 */
export interface Cipher {
  status(): Promise<CipherStatus>;
  /** Returns text safe to store (base64 or an opaque handle). */
  encrypt(plain: string): Promise<string>;
  /** Throws when the data cannot be decrypted; `shouldReEncrypt` asks for a fresh encryption. */
  decrypt(data: string): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}
