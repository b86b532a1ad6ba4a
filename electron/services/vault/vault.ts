import { destinationOf, type Destination } from '../../../shared/account-destination.js';
import type { VaultChoice, VaultState } from '../../../shared/accounts.js';
import type { NoticeBoard } from '../notices.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { SecretRecord } from '../settings/settings-schema.js';
import { unwrapSecret, wrapSecret } from './bound-secret.js';
import type { Cipher, CipherStatus } from './cipher.js';
import { createPassphraseCipher, createPassphraseRecord, DEFAULT_SCRYPT, rewrapPassphrase, unlockRecord, type ScryptParams } from './passphrase-cipher.js';
import { createSessionCipher } from './session-cipher.js';

export interface VaultDeps {
  /** The platform's cipher: safeStorage in Electron, a key file in the harness and tests. */
  cipher: Cipher;
  store: SettingsStore;
  notices: Pick<NoticeBoard, 'post' | 'dismiss'>;
  /** Lower only in tests; the stored record keeps the parameters it was made with. */
  scrypt?: ScryptParams;
}

/**
 * Holds every account's secret encrypted in the settings file and knows, per account,
 * whether it can be read. Plain secrets leave it only through `reveal`, for the send path.
 */
export interface Vault {
  /** Resolves once every stored secret has been checked. */
  ready: Promise<void>;
  state(): VaultState;
  hasSecret(accountId: string): boolean;
  hint(accountId: string): string | null;
  /** A sentence when this account's secret cannot be used as it is; null when it can (or it has none). */
  problem(accountId: string): string | null;
  /** Stores the secret bound to this account and where it may be sent. */
  put(accountId: string, secret: string, destination: Destination): Promise<void>;
  /** The secret, only if it was stored for this account and this destination. */
  reveal(accountId: string, destination: Destination): Promise<string>;
  drop(accountId: string): void;
  unlock(passphrase: string): Promise<void>;
  choose(choice: VaultChoice): Promise<void>;
}

const SESSION = 'session';
const PASSPHRASE = 'passphrase';

function hintOf(secret: string): string | null {
  // Four characters of a short secret would give too much of it away.
  return secret.length >= 12 ? secret.slice(-4) : null;
}

export function createVault(deps: VaultDeps): Vault {
  const { store, notices } = deps;
  const session = createSessionCipher();
  let platform: CipherStatus = { backend: 'unknown', protects: false };
  let passphraseCipher: Cipher | null = null;
  const problems = new Map<string, string>();

  const records = () => store.read().secrets;
  /** Where the stored account sends now; null for a record whose account is gone. */
  const storedDestination = (accountId: string): Destination | null => {
    const account = store.read().accounts.find((a) => a.id === accountId);
    return account ? destinationOf(account.settings) : null;
  };
  const saveRecord = (accountId: string, record: SecretRecord | null) => {
    const secrets = { ...records() };
    if (record) secrets[accountId] = record;
    else delete secrets[accountId];
    store.write({ secrets });
  };

  const mode = (): VaultState['mode'] => {
    const settings = store.read().vault;
    if (settings.mode === 'passphrase') return passphraseCipher ? 'passphrase-unlocked' : 'passphrase-locked';
    if (settings.mode === 'session') return 'session-only';
    return platform.protects ? 'keychain' : 'needs-choice';
  };

  const describe = (): string => {
    switch (mode()) {
      case 'keychain':
        return platform.backend === 'file-key'
          ? 'Keys are encrypted with a key file in the data folder (browser harness).'
          : `Keys are encrypted by this computer's keychain (${platform.backend}).`;
      case 'needs-choice':
        return `This computer offers no keychain (${platform.backend}), so Composer cannot protect saved keys on its own. Choose a passphrase, or keep keys for this session only.`;
      case 'passphrase-locked':
        return 'Keys are protected by your passphrase. Enter it to send from your accounts.';
      case 'passphrase-unlocked':
        return 'Keys are protected by your passphrase and unlocked until Composer quits.';
      case 'session-only':
        return 'This computer offers no keychain: keys are kept in memory for this session only and must be entered again after a restart.';
    }
  };

  /** The cipher that reads a record, or a failure saying why none can right now. */
  const readerFor = (record: SecretRecord): Cipher | ServiceError => {
    if (record.backend === SESSION) return session;
    if (record.backend === PASSPHRASE) {
      return passphraseCipher ?? new ServiceError({ kind: 'locked', message: 'Your saved keys are locked. Enter your passphrase on the Accounts screen, then try again.' });
    }
    return deps.cipher;
  };

  const rebound = 'This key was saved for another account or address: edit the account and enter its key again.';
  const unreadable = (record: SecretRecord): string => {
    if (record.backend === SESSION) return 'This key was kept for an earlier session only: edit the account and enter it again.';
    if (record.backend === PASSPHRASE) return 'This key cannot be opened with your passphrase: edit the account and enter it again.';
    if (record.backend !== platform.backend) {
      return `This key was saved with ${record.backend}, but this computer now uses ${platform.backend}: edit the account and enter the key again.`;
    }
    return 'This key cannot be decrypted on this computer (the keychain changed or the settings were copied from elsewhere): edit the account and enter it again.';
  };

  const writerFor = (): { cipher: Cipher; backend: string } => {
    switch (mode()) {
      case 'keychain':
        return { cipher: deps.cipher, backend: platform.backend };
      case 'passphrase-unlocked':
        return { cipher: passphraseCipher as Cipher, backend: PASSPHRASE };
      case 'session-only':
        return { cipher: session, backend: SESSION };
      case 'passphrase-locked':
        throw new ServiceError({ kind: 'locked', message: 'Your saved keys are locked. Enter your passphrase on the Accounts screen, then save again.' });
      case 'needs-choice':
        throw new ServiceError({
          kind: 'locked',
          message: 'This computer offers no keychain to protect the key. Choose a passphrase or session-only keys on the Accounts screen, then save again.',
        });
    }
  };

  /** The cipher and backend name that rewrite a record read by `reader`. */
  const rewriterFor = (reader: Cipher): { cipher: Cipher; backend: string } | null => {
    if (reader === session) return { cipher: session, backend: SESSION };
    if (reader === passphraseCipher) return { cipher: passphraseCipher, backend: PASSPHRASE };
    // Never moves a secret under a platform cipher that protects nothing.
    return platform.protects ? { cipher: deps.cipher, backend: platform.backend } : null;
  };
  /**
   * Decrypts once and checks the binding; rewrites the record when the platform asks, the
   * backend changed or it is from before binding; else records why it cannot be used.
   */
  const check = async (accountId: string, record: SecretRecord, destination: Destination | null): Promise<string | null> => {
    const reader = readerFor(record);
    if (reader instanceof ServiceError) return null;
    let opened: { plain: string; shouldReEncrypt: boolean };
    try {
      opened = await reader.decrypt(record.data);
    } catch {
      problems.set(accountId, unreadable(record));
      return null;
    }
    // A sealed record whose account is gone cannot be checked against anything; it goes with the account.
    let secret: string | null = record.sealed ? null : opened.plain;
    if (record.sealed && destination) {
      try {
        secret = unwrapSecret(opened.plain, record.sealed, accountId, destination);
      } catch {
        problems.set(accountId, rebound);
        return null;
      }
    }
    problems.delete(accountId);
    const moved = reader === deps.cipher && (opened.shouldReEncrypt || record.backend !== platform.backend);
    const writer = rewriterFor(reader);
    if (writer && record.sealed && moved) {
      saveRecord(accountId, { ...record, backend: writer.backend, data: await writer.cipher.encrypt(opened.plain) });
    } else if (writer && !record.sealed && secret !== null && (moved || destination)) {
      const rewritten = destination ? await wrapSecret(writer.cipher, secret, accountId, destination) : { data: await writer.cipher.encrypt(secret) };
      saveRecord(accountId, { backend: writer.backend, hint: record.hint, ...rewritten });
    }
    return secret;
  };
  const checkAll = async () => {
    for (const [accountId, record] of Object.entries(records())) await check(accountId, record, storedDestination(accountId));
  };

  const ready = (async () => {
    platform = await deps.cipher.status().catch(() => ({ backend: 'unknown', protects: false }));
    const moved = Object.values(records()).some((r) => r.backend !== SESSION && r.backend !== PASSPHRASE && r.backend !== platform.backend);
    await checkAll();
    if (mode() === 'needs-choice') {
      notices.post({ id: 'keychain-unavailable', level: 'warning', text: `${describe()} Open Accounts to choose.` });
    } else if (moved) {
      notices.post({
        id: 'keychain-changed',
        level: 'warning',
        text: `This computer's keychain is now ${platform.backend}. Keys saved with the previous one were moved where possible; accounts marked "needs attention" need their key entered again.`,
      });
    }
  })();

  return {
    ready,
    state: () => ({ mode: mode(), backend: platform.backend, message: describe() }),
    hasSecret: (accountId) => Object.hasOwn(records(), accountId) && !problems.has(accountId),
    hint: (accountId) => records()[accountId]?.hint ?? null,
    problem(accountId) {
      const record = records()[accountId];
      if (!record) return null;
      const known = problems.get(accountId);
      if (known) return known;
      if (record.backend === PASSPHRASE && !passphraseCipher) return 'Locked: enter your passphrase on the Accounts screen to send from this account.';
      return null;
    },
    async put(accountId, secret, destination) {
      const { cipher, backend } = writerFor();
      const plain = secret.trim();
      saveRecord(accountId, { backend, hint: hintOf(plain), ...(await wrapSecret(cipher, plain, accountId, destination)) });
      problems.delete(accountId);
    },
    async reveal(accountId, destination) {
      const record = records()[accountId];
      if (!record) throw new ServiceError({ kind: 'auth', message: 'No key is stored for this account. Edit the account and enter its key.' });
      const reader = readerFor(record);
      if (reader instanceof ServiceError) throw reader;
      const plain = await check(accountId, record, destination);
      if (plain === null) throw new ServiceError({ kind: 'auth', message: problems.get(accountId) ?? unreadable(record) });
      return plain;
    },
    drop(accountId) {
      problems.delete(accountId);
      if (Object.hasOwn(records(), accountId)) saveRecord(accountId, null);
    },
    async unlock(passphrase) {
      const settings = store.read().vault;
      if (settings.mode !== 'passphrase') {
        throw new ServiceError({ kind: 'invalid_input', message: 'Your keys are not protected by a passphrase, so there is nothing to unlock.' });
      }
      const key = await unlockRecord(passphrase, settings.passphrase);
      if (!key) {
        throw new ServiceError({
          kind: 'auth',
          message: 'That passphrase does not match the one your keys were saved with. Check it (and Caps Lock) and try again.',
          fields: [{ field: 'passphrase', message: 'This is not the passphrase your keys were saved with.' }],
        });
      }
      passphraseCipher = createPassphraseCipher(key);
      // A vault made with a cheaper key derivation than today's is wrapped again while the passphrase is at hand.
      const rewrapped = await rewrapPassphrase(passphrase, settings.passphrase, key, records(), deps.scrypt ?? DEFAULT_SCRYPT);
      if (rewrapped) {
        store.write({ vault: { mode: 'passphrase', passphrase: rewrapped.record }, secrets: rewrapped.secrets });
        passphraseCipher = createPassphraseCipher(rewrapped.key);
      }
      await checkAll();
    },
    async choose(choice) {
      const current = mode();
      if (current !== 'needs-choice' && current !== 'session-only') {
        throw new ServiceError({ kind: 'invalid_input', message: 'How keys are protected can be chosen only when this computer offers no keychain and no passphrase is set.' });
      }
      if (choice.mode === 'session') {
        store.write({ vault: { mode: 'session' } });
      } else {
        const { record, key } = await createPassphraseRecord(choice.passphrase, deps.scrypt ?? DEFAULT_SCRYPT);
        const cipher = createPassphraseCipher(key);
        // Keys typed during this session move under the passphrase instead of being lost at quit.
        const secrets = { ...records() };
        for (const [accountId, held] of Object.entries(secrets)) {
          if (held.backend !== SESSION) continue;
          const plain = await session.decrypt(held.data).catch(() => null);
          if (plain) secrets[accountId] = { ...held, backend: PASSPHRASE, data: await cipher.encrypt(plain.plain) };
        }
        store.write({ vault: { mode: 'passphrase', passphrase: record }, secrets });
        passphraseCipher = cipher;
      }
      notices.dismiss('keychain-unavailable');
      await checkAll();
    },
  };
}
