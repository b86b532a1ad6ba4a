import path from 'node:path';
import type { AppInfo } from '../shared/ipc.js';
import { createDispatcher, type Dispatch, type HandlerTable } from './ipc/dispatcher.js';
import { createSenderCheck } from './ipc/sender.js';
import { createProviderRegistry } from './providers/registry.js';
import { createAccountsService, type AccountsService } from './services/accounts/accounts.js';
import { createEventBus, type EventBus } from './services/event-bus.js';
import { createNoticeBoard, type NoticeBoard } from './services/notices.js';
import { openSettingsStore } from './services/settings/settings-store.js';
import type { Cipher } from './services/vault/cipher.js';
import type { ScryptParams } from './services/vault/passphrase-cipher.js';
import { createVault } from './services/vault/vault.js';

export interface CoreOptions {
  info: AppInfo;
  /** Origins the app's own window is served from (app://bundle, the harness URL, the dev server). */
  trustedOrigins: readonly string[];
  logError?: (channel: string, error: unknown) => void;
  /** Encrypts account secrets: safeStorage in Electron, a key file in the harness and tests. */
  cipher: Cipher;
  /** Passphrase key-derivation cost; lowered only by tests. */
  scrypt?: ScryptParams;
}

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  notices: NoticeBoard;
  /** The send path calls `accounts.resolveForSend(id)`. */
  accounts: AccountsService;
}

/**
 * The services and the handler table, wired once; Electron's main process and the browser
 * harness both start exactly this, so the harness exercises the same code the app runs.
 */
export function createCore(options: CoreOptions): Core {
  const bus = createEventBus();
  const notices = createNoticeBoard(bus);
  const providers = createProviderRegistry({ sandboxRecordFile: path.join(options.info.dataDir, 'sandbox-outbox.jsonl') });
  const settings = openSettingsStore({ dir: options.info.dataDir, notices });
  const vault = createVault({ cipher: options.cipher, store: settings, notices, ...(options.scrypt ? { scrypt: options.scrypt } : {}) });
  const accounts = createAccountsService({ store: settings, vault, bus });
  const handlers: HandlerTable = {
    'app:info': () => options.info,
    'providers:list': () =>
      Object.values(providers).map(({ id, displayName, capabilities }) => ({ id, displayName, capabilities })),
    'notices:list': () => notices.list(),
    'notices:dismiss': ({ id }) => notices.dismiss(id),
    'accounts:list': () => accounts.list(),
    'accounts:save': (draft) => accounts.save(draft),
    'accounts:remove': ({ id }) => accounts.remove(id),
    'accounts:set-default': ({ id }) => accounts.setDefault(id),
    'vault:unlock': ({ passphrase }) => accounts.unlock(passphrase),
    'vault:choose-mode': (choice) => accounts.chooseVaultMode(choice),
  };
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    ...(options.logError ? { onUnexpectedError: options.logError } : {}),
  });
  return { dispatch, bus, notices, accounts };
}
