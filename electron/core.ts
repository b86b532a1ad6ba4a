import path from 'node:path';
import { editableFromDraft, editableFromHistory } from '../shared/editable-message.js';
import type { AppInfo } from '../shared/ipc.js';
import { createDispatcher, type Dispatch, type HandlerTable } from './ipc/dispatcher.js';
import { createSenderCheck } from './ipc/sender.js';
import { createProviderRegistry } from './providers/registry.js';
import { createAccountsService, type AccountsService } from './services/accounts/accounts.js';
import { testConnection } from './services/accounts/connection-test.js';
import { createEventBus, type EventBus } from './services/event-bus.js';
import { createNoticeBoard, type NoticeBoard } from './services/notices.js';
import type { Notifier } from './services/notifier.js';
import { batchMigrations } from './services/outbox/batch-migrations.js';
import { createBatchService } from './services/outbox/batches.js';
import { previewRequest } from './services/preview/preview-service.js';
import { outboxMigrations } from './services/outbox/migrations.js';
import { createOutboxService, type OutboxService } from './services/outbox/outbox-service.js';
import { outboxAttachmentTokens } from './services/outbox/outbox-store.js';
import { createHistoryRetry } from './services/outbox/history-retry.js';
import type { Timers } from './services/outbox/timers.js';
import { createAttachmentStore, type AttachmentStore } from './services/attachments/attachment-store.js';
import { noFilePicker, type FilePicker } from './services/attachments/file-picker.js';
import { attachmentsMigrations } from './services/attachments/migrations.js';
import { systemClock, type Clock } from './services/clock.js';
import { createDraftsService, draftAttachmentTokens, type DraftsService } from './services/drafts/drafts-service.js';
import { draftsMigrations } from './services/drafts/migrations.js';
import { createFrameServer, type FrameServer } from './services/frames/frame-store.js';
import { createHistoryService, historyAttachmentTokens, type HistoryService } from './services/history/history-service.js';
import { historyMigrations } from './services/history/migrations.js';
import { templatesMigrations } from './services/templates/migrations.js';
import { createTemplatesService, templateAttachmentTokens, type TemplatesService } from './services/templates/templates-service.js';
import { openStorage, type Storage } from './services/storage/database.js';
import { tightenDataFolder } from './services/storage/private-files.js';
import type { MigrationSet } from './services/storage/migrations.js';
import { createIdleCheckpoint } from './services/storage/idle-checkpoint.js';
import { startupHousekeeping } from './services/attachments/housekeeping.js';
import { systemTimers } from './services/outbox/timers.js';
import type { SettingsFileOpener } from './services/settings/settings-file.js';
import { openSettingsStore } from './services/settings/settings-store.js';
import type { Cipher } from './services/vault/cipher.js';
import type { ScryptParams } from './services/vault/passphrase-cipher.js';
import { createVault } from './services/vault/vault.js';
import { createComposeInbox, type ComposeInbox } from './services/compose/compose-inbox.js';
import type { PendingWork } from './desktop/quit-guard.js';
import { outboxPendingWork } from './desktop/pending-work.js';
import { createMailClientService, type MailtoRegistry } from './services/mail-client/mail-client-service.js';
import { browserSpellcheck, createSpellcheckService, type SpellcheckEngine } from './services/spellcheck/spellcheck-service.js';

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
  /** The outbox worker's timers; tests move time by hand. */
  timers?: Timers;
  /** The outbox's retry jitter; tests pin it. */
  random?: () => number;
  /** The system's mailto: handler registry; absent in the harness, where the setting explains why. */
  mailtoRegistry?: MailtoRegistry;
  /** Desktop notifications (Electron's in the app, a recorder in the harness); none when absent. */
  notifier?: Notifier;
  /** Electron's spellchecker (electron/platform/spellcheck.ts); the harness's browser when absent. */
  spellcheck?: SpellcheckEngine;
  /** The settings file: electron-store in Electron (electron/platform/settings-file.ts); conf when absent. */
  openSettingsFile?: SettingsFileOpener;
}

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  notices: NoticeBoard;
  storage: Storage;
  drafts: DraftsService;
  attachments: AttachmentStore;
  /** Sent messages' frame documents, served by the app protocol and the harness under their own policy. */
  frames: FrameServer;
  /** Settles when start-up housekeeping (the attachments sweep) is done; requests are served before. */
  ready: Promise<void>;
  /** Closes the database (checkpointing its log); call once, at quit. */
  close(): void;
  /** The send path calls `accounts.resolveForSend(id)`. */
  accounts: AccountsService;
  outbox: OutboxService;
  /** The sent history; the outbox records every finished attempt through `history.record`. */
  history: HistoryService;
  /** Where `mailto:` links are handed over to the renderer. */
  compose: ComposeInbox;
  templates: TemplatesService;
  /** What quitting would cut short: messages in the undo delay or being sent (see desktop/pending-work.ts). */
  pendingWork: PendingWork;
}

/** Every service's tables, in the order they are brought up to date (the upgrade test walks them all). */
export const ALL_MIGRATIONS: readonly MigrationSet[] = [draftsMigrations, attachmentsMigrations, outboxMigrations, batchMigrations, historyMigrations, templatesMigrations];

/**
 * The services and the handler table, wired once; Electron's main process and the browser
 * harness both start exactly this, so the harness exercises the same code the app runs.
 */
export function createCore(options: CoreOptions): Core {
  const bus = createEventBus();
  const notices = createNoticeBoard(bus);
  const clock = options.clock ?? systemClock;
  const dataDir = options.info.dataDir;
  // Before anything is written: the folder 0700 and what an older version left in it 0600 (docs/data.md).
  tightenDataFolder(dataDir, ['attachments']);
  const storage = openStorage({ dataDir, clock, notices, migrations: ALL_MIGRATIONS });
  const attachments = createAttachmentStore({
    db: storage.db,
    dataDir,
    clock,
    picker: options.filePicker ?? noFilePicker,
    referencers: [draftAttachmentTokens(storage.db), outboxAttachmentTokens(storage.db)],
  });
  const logError = options.logError ?? (() => undefined);
  // A copy that could not be deleted now is swept at the next start; the caller's work stands.
  const releaseAttachments = (tokens: string[]) => void attachments.release(tokens).catch((error: unknown) => logError('attachments:release', error));
  const drafts = createDraftsService({
    db: storage.db,
    clock,
    bus,
    notices,
    releaseAttachments,
  });
  // Deleted drafts last until the next start; their copies go with them in the sweep after.
  drafts.purgeDeleted();
  const providers = createProviderRegistry({ sandboxRecordFile: path.join(options.info.dataDir, 'sandbox-outbox.jsonl') });
  attachments.addReferencer(historyAttachmentTokens(storage.db));
  const history = createHistoryService({
    db: storage.db,
    clock,
    bus,
    providerFacts: (id) => ({ displayName: providers[id].displayName, threading: providers[id].capabilities.threading }),
    openAttachment: (token) => attachments.open(token),
    // The search index is written just after a record, not inside it.
    schedule: (work) => void (options.timers ?? systemTimers).set(work, 0),
    logError: (error) => logError('history:index', error),
  });
  attachments.addReferencer(templateAttachmentTokens(storage.db));
  const templates = createTemplatesService({ db: storage.db, clock, bus, releaseAttachments });
  // Like drafts: a deleted template can be restored until the next start.
  templates.purgeDeleted();
  // Like drafts: deleted history lasts until the next start; the sweep below removes its copies.
  history.purgeDeleted();
  const ready = startupHousekeeping(storage, attachments).then(
    () => undefined,
    (error: unknown) => logError('attachments:sweep', error),
  );
  const settings = openSettingsStore({ dir: options.info.dataDir, notices, ...(options.openSettingsFile ? { openFile: options.openSettingsFile } : {}) });
  const vault = createVault({ cipher: options.cipher, store: settings, notices, ...(options.scrypt ? { scrypt: options.scrypt } : {}) });
  const accounts = createAccountsService({ store: settings, vault, bus });
  const delivery = { resolveAccount: (id: string) => accounts.resolveForSend(id), openAttachment: (token: string) => attachments.open(token), providers };
  const outbox = createOutboxService({
    db: storage.db,
    clock,
    bus,
    notices,
    ...delivery,
    listAccounts: async () => (await accounts.list()).accounts,
    drafts,
    releaseAttachments,
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.random ? { random: options.random } : {}),
    logError: (error) => logError('outbox', error),
    recordAttempt: (attempt) => history.record(attempt),
    reportDelivery: (delivered) => history.reportDelivery(delivered),
    ...(options.notifier ? { notifier: options.notifier } : {}),
  });
  const batches = createBatchService({ db: storage.db, clock, outbox, listAccounts: async () => (await accounts.list()).accounts, drafts });
  const retryFromHistory = createHistoryRetry({ outbox, history });
  const compose = createComposeInbox(bus, attachments);
  const mailClient = createMailClientService({ platform: options.info.platform, appName: options.info.name, registry: options.mailtoRegistry ?? null });
  const spellcheck = createSpellcheckService({ engine: options.spellcheck ?? browserSpellcheck(), store: settings });
  const frames = createFrameServer((id) => history.messageHtml(id));
  const handlers: HandlerTable = {
    'app:info': () => options.info,
    'providers:list': () =>
      Object.values(providers).map(({ id, displayName, capabilities, probe }) => ({ id, displayName, capabilities, testsConnection: probe !== undefined })),
    'notices:list': () => notices.list(),
    'notices:dismiss': ({ id }) => notices.dismiss(id),
    'drafts:save': (input) => drafts.save(input),
    'drafts:list': () => drafts.list(),
    'drafts:get': ({ id }) => editableFromDraft(drafts.get(id)),
    'drafts:newest': () => {
      const inOutbox = outbox.draftsInOutbox();
      const newest = drafts.list().find((draft) => !inOutbox.has(draft.id));
      return newest ? editableFromDraft(drafts.get(newest.id)) : null;
    },
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
    'accounts:testConnection': (input) => testConnection({ providers, accounts }, input),
    'accounts:remove': ({ id }) => accounts.remove(id),
    'accounts:setDefault': ({ id }) => accounts.setDefault(id),
    'accounts:unlock': ({ passphrase }) => accounts.unlock(passphrase),
    'accounts:chooseVaultMode': (choice) => accounts.chooseVaultMode(choice),
    'outbox:submit': (message) => outbox.submit(message),
    'outbox:cancel': ({ id }) => outbox.cancel(id),
    'outbox:edit': ({ id }) => outbox.edit(id),
    'outbox:sendNow': ({ id }) => outbox.sendNow(id),
    'outbox:reschedule': ({ id, sendAt }) => outbox.reschedule(id, sendAt),
    'outbox:retryNow': ({ id }) => outbox.retryNow(id),
    'outbox:retry': ({ id }) => outbox.retry(id),
    'outbox:sendAgain': ({ id }) => outbox.sendAgain(id),
    'outbox:check': ({ id }) => outbox.check(id),
    'outbox:list': () => outbox.list(),
    'outbox:getSettings': () => outbox.settings(),
    'outbox:setSettings': (settings) => outbox.saveSettings(settings),
    'outbox:submitBatch': (input) => batches.submit(input),
    'preview:request': (message) => previewRequest(delivery, message),
    'outbox:batches': () => batches.list(),
    'outbox:pace': ({ accountId }) => batches.pace(accountId),
    'outbox:setPace': ({ accountId, pace }) => batches.setPace(accountId, pace),
    'history:threads': (query) => history.threads(query),
    'history:thread': ({ id }) => history.thread(id),
    'history:search': (query) => history.search(query),
    'history:suggestRecipients': ({ prefix, limit }) => history.suggestRecipients(prefix, limit),
    'history:delete': (input) => history.delete(input),
    'history:restore': ({ deletionId }) => {
      history.restore(deletionId);
      return null;
    },
    'history:replyTarget': async ({ messageId, mode }) => editableFromHistory(await history.replyTarget(messageId, mode)),
    'outbox:retryFromHistory': ({ messageId }) => retryFromHistory(messageId),
    'compose:pending': () => compose.takePending(),
    'mailClient:status': () => mailClient.status(),
    'mailClient:makeDefault': () => mailClient.makeDefault(),
    'spellcheck:status': () => spellcheck.status(),
    'spellcheck:set': ({ languages }) => spellcheck.set(languages),
    'templates:list': () => templates.list(),
    'templates:save': (input) => templates.save(input),
    'templates:rename': ({ id, name }) => templates.rename(id, name),
    'templates:delete': ({ id }) => {
      templates.delete(id);
      return null;
    },
    'templates:restore': ({ id }) => templates.restore(id),
  };
  const dispatchNow = createDispatcher(handlers, {
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    ...(options.logError ? { onUnexpectedError: options.logError } : {}),
  });
  const idle = createIdleCheckpoint({ checkpoint: storage.checkpoint, timers: options.timers ?? systemTimers, logError: (error) => logError('storage:checkpoint', error) });
  // Requests from the window and changes main announces (the outbox sending) are the app's activity.
  const unsubscribe = bus.subscribe(() => idle.activity());
  const dispatch: Dispatch = (channel, input, sender) => {
    idle.activity();
    return dispatchNow(channel, input, sender);
  };
  const close = () => {
    outbox.stop();
    idle.stop();
    unsubscribe();
    // Checkpoints on the way out: the database file holds everything when the app has quit.
    storage.close();
  };
  return { dispatch, bus, notices, storage, drafts, attachments, frames, accounts, outbox, history, compose, templates, pendingWork: outboxPendingWork(outbox, clock), ready, close };
}
