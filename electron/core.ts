import path from 'node:path';
import type { AppInfo } from '../shared/ipc.js';
import { createDispatcher, type Dispatch, type HandlerTable } from './ipc/dispatcher.js';
import { createSenderCheck } from './ipc/sender.js';
import { createProviderRegistry } from './providers/registry.js';
import { createAccountsService, type AccountsService } from './services/accounts/accounts.js';
import { createEventBus, type EventBus } from './services/event-bus.js';
import { createNoticeBoard, type NoticeBoard } from './services/notices.js';
import { createSendNow } from './services/outbox/send-now.js';
import { createAttachmentStore, type AttachmentStore } from './services/attachments/attachment-store.js';
import { noFilePicker, type FilePicker } from './services/attachments/file-picker.js';
import { attachmentsMigrations } from './services/attachments/migrations.js';
import { systemClock, type Clock } from './services/clock.js';
import { createDraftsService, draftAttachmentTokens, type DraftsService } from './services/drafts/drafts-service.js';
import { draftsMigrations } from './services/drafts/migrations.js';
import { openStorage, type Storage } from './services/storage/database.js';
import { openSettingsStore } from './services/settings/settings-store.js';
import type { Cipher } from './services/vault/cipher.js';
import type { ScryptParams } from './services/vault/passphrase-cipher.js';
import { createVault } from './services/vault/vault.js';
import { createComposeInbox, type ComposeInbox } from './services/compose/compose-inbox.js';
import { noPendingWork, type PendingWork } from './desktop/quit-guard.js';
import { createMailClientService, type MailtoRegistry } from './services/mail-client/mail-client-service.js';

export interface CoreOptions {
  info: AppInfo;
  /** Origins the app's own window is served from (app://bundle, the harness URL, the dev server). */
  trustedOrigins: readonly string[];
  logError?: (channel: string, error: unknown) => void;
  /** The native dialog in Electron, a queue in the harness; without one every pick is a cancel. */
  filePicker?: FilePicker;
  clock?: Clock;
  /** Encrypts account secrets: safeStorage in Electron, a key file in the harness and tests. */
  cipher: Cipher;
  /** Passphrase key-derivation cost; lowered only by tests. */
  scrypt?: ScryptParams;
  /** The system's mailto: handler registry; absent in the harness, where the setting explains why. */
  mailtoRegistry?: MailtoRegistry;
}

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  notices: NoticeBoard;
  storage: Storage;
  drafts: DraftsService;
  attachments: AttachmentStore;
  /** Settles when start-up housekeeping (the attachments sweep) is done; requests are served before. */
  ready: Promise<void>;
  /** Closes the database (checkpointing its log); call once, at quit. */
  close(): void;
  /** The send path calls `accounts.resolveForSend(id)`. */
  accounts: AccountsService;
  /** Where `mailto:` links are handed over to the renderer. */
  compose: ComposeInbox;
  /** What quitting would cut short; the outbox and drafts report here once they track it. */
  pendingWork: PendingWork;
}

/**
 * The services and the handler table, wired once; Electron's main process and the browser
 * harness both start exactly this, so the harness exercises the same code the app runs.
 */
export function createCore(options: CoreOptions): Core {
  const bus = createEventBus();
  const notices = createNoticeBoard(bus);
  const clock = options.clock ?? systemClock;
  const dataDir = options.info.dataDir;
  const storage = openStorage({ dataDir, clock, notices, migrations: [draftsMigrations, attachmentsMigrations] });
  const attachments = createAttachmentStore({
    db: storage.db,
    dataDir,
    clock,
    picker: options.filePicker ?? noFilePicker,
    referencers: [draftAttachmentTokens(storage.db)],
  });
  const logError = options.logError ?? (() => undefined);
  const drafts = createDraftsService({
    db: storage.db,
    clock,
    bus,
    notices,
    releaseAttachments: (tokens) => void attachments.release(tokens).catch((error: unknown) => logError('attachments:release', error)),
  });
  // Deleted drafts last until the next start; their copies go with them in the sweep after.
  drafts.purgeDeleted();
  const ready = attachments.sweep().then(
    () => undefined,
    (error: unknown) => logError('attachments:sweep', error),
  );
  const providers = createProviderRegistry({ sandboxRecordFile: path.join(options.info.dataDir, 'sandbox-outbox.jsonl') });
  const settings = openSettingsStore({ dir: options.info.dataDir, notices });
  const vault = createVault({ cipher: options.cipher, store: settings, notices, ...(options.scrypt ? { scrypt: options.scrypt } : {}) });
  const accounts = createAccountsService({ store: settings, vault, bus });
  const sendNow = createSendNow({
    resolveAccount: (id) => accounts.resolveForSend(id),
    openAttachment: (token) => attachments.open(token),
    providers,
  });
  const compose = createComposeInbox(bus);
  const mailClient = createMailClientService({ platform: options.info.platform, appName: options.info.name, registry: options.mailtoRegistry ?? null });
  const handlers: HandlerTable = {
    'app:info': () => options.info,
    'providers:list': () =>
      Object.values(providers).map(({ id, displayName, capabilities }) => ({ id, displayName, capabilities })),
    'notices:list': () => notices.list(),
    'notices:dismiss': ({ id }) => notices.dismiss(id),
    'drafts:save': (input) => drafts.save(input),
    'drafts:list': () => drafts.list(),
    'drafts:get': ({ id }) => drafts.get(id),
    'drafts:delete': ({ id }) => {
      drafts.delete(id);
      return null;
    },
    'drafts:restore': ({ id }) => {
      drafts.restore(id);
      return null;
    },
    'drafts:versions': ({ id }) => drafts.versions(id),
    'drafts:version': ({ draftId, versionId }) => drafts.version(draftId, versionId),
    'attachments:pick': () => attachments.pick(),
    'attachments:import': (input) => attachments.import(input),
    'attachments:discard': ({ tokens }) => attachments.release(tokens).then(() => null),
    'accounts:list': () => accounts.list(),
    'accounts:save': (draft) => accounts.save(draft),
    'accounts:remove': ({ id }) => accounts.remove(id),
    'accounts:set-default': ({ id }) => accounts.setDefault(id),
    'vault:unlock': ({ passphrase }) => accounts.unlock(passphrase),
    'vault:choose-mode': (choice) => accounts.chooseVaultMode(choice),
    'outbox:submit': (message) => sendNow(message),
    'compose:pending': () => compose.takePending(),
    'mailto:status': () => mailClient.status(),
    'mailto:make-default': () => mailClient.makeDefault(),
  };
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    ...(options.logError ? { onUnexpectedError: options.logError } : {}),
  });
  return { dispatch, bus, notices, storage, drafts, attachments, accounts, compose, pendingWork: noPendingWork, ready, close: () => storage.close() };
}
