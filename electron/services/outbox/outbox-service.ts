import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { AccountView, ProviderId } from '../../../shared/accounts.js';
import type { Draft } from '../../../shared/drafts.js';
import type { Notice } from '../../../shared/ipc.js';
import type { SubmitMessage, SubmitOutcome } from '../../../shared/message.js';
import type { OutboxRow, OutboxSettings, OutboxSettingsPatch } from '../../../shared/outbox.js';
import { ServiceError } from '../../../shared/service-error.js';
import { preflight } from '../../providers/preflight.js';
import type { Provider } from '../../providers/types.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../event-bus.js';
import type { DeliveredMessage } from '../history/delivery-report.js';
import type { HistoryAttempt } from '../history/recorder.js';
import type { Notifier } from '../notifier.js';
import { inTransaction } from '../storage/transaction.js';
import { createOutboxDecisions, type OutboxDecisions } from './decisions.js';
import { insertMany } from './submit-many.js';
import { describeRecipients, describeRoute, prepareDelivery, toOutgoing, type Delivery, type DeliveryDeps } from './delivery.js';
import { createFollowUp } from './follow-up.js';
import { createOutboxStore, type OutboxRecord } from './outbox-store.js';
import { recoverAtStart } from './recovery.js';
import { offeredActions } from './row-actions.js';
import { createSettlement } from './settlement.js';
import { systemTimers, type Timers } from './timers.js';
import { createOutboxWorker, type Settlement } from './worker.js';
import { sentenceTime } from './sentence-time.js';

export interface OutboxDeps extends DeliveryDeps {
  db: DatabaseSync;
  clock: Clock;
  bus: Pick<EventBus, 'emit'>;
  notices: { post(notice: Notice): void };
  /** The accounts as the composer sees them (no secrets): submit checks the account and what its provider carries. */
  listAccounts(): Promise<AccountView[]>;
  drafts: { removeAfterSend(draftId: string): void; markSendFailed(draftId: string, message: string): void; get(id: string): Draft };
  releaseAttachments(tokens: string[]): void;
  /** The sent history: every attempt that ended sent, failed or unknown is recorded there. */
  recordAttempt?(attempt: HistoryAttempt): Promise<unknown>;
  reportDelivery?(delivered: DeliveredMessage): unknown;
  timers?: Timers;
  /** Desktop notifications: always when a message fails, and when one is sent if the person asked. */
  notifier?: Notifier;
  newId?: () => string;
  newIdempotencyKey?: () => string;
  random?: () => number;
  maxAttempts?: number;
  logError?: (error: unknown) => void;
}

/**
 * The life of a message once it is sent from the composer, one state machine:
 * scheduled | queued -> sending -> sent | accepted | failed | unknown_outcome, or cancelled
 * (Undo, Cancel, Edit: back to Drafts). One message id has at most one live row (the store's
 * unique index); sending it again replaces the waiting or failed row, never adds a second.
 */
export interface OutboxService extends OutboxDecisions {
  /** Freezes the message and writes it to disk before answering; the worker sends it at `sendAt`. */
  submit(message: SubmitMessage): Promise<SubmitOutcome>;
  submitMany(messages: ReadonlyArray<{ message: SubmitMessage; sendAt: number }>, alsoInTransaction?: (ids: string[]) => void): Promise<string[]>;
  /**
   * Retry of a message recorded in the history: when the outbox still holds it (failed, or
   * maybe sent), that row goes again under its own idempotency key, so a vendor that already
   * has it does not send it twice. Null when the outbox no longer has it.
   */
  retryRecorded(idempotencyKey: string | null): OutboxRow | null;
  list(): OutboxRow[];
  /** The drafts whose message is in the outbox now: they open from there (Edit), not as drafts. */
  draftsInOutbox(): ReadonlySet<string>;
  settings(): OutboxSettings;
  /** Changes the settings given and keeps the others. */
  saveSettings(patch: OutboxSettingsPatch): OutboxSettings;
  /** Attachment tokens live messages still need (the attachments sweep keeps them). */
  attachmentTokens(): string[];
  /** Resolves when nothing is in flight or due now (tests, benchmarks, quit). */
  idle(): Promise<void>;
  /** Stops the worker; rows being sent stay `sending` and are recovered at the next start. */
  stop(): void;
}

const MAX_SCHEDULE_MS = 366 * 24 * 60 * 60_000;

// Preflight never opens a file; this stands in for the opener the attachments service gives at send time.
const unopened = (): Promise<Blob> => Promise.reject(new Error('preflight does not open attachments'));

type Progress = NonNullable<OutboxRow['progress']>;

/** A large upload reports every chunk; the window needs a new figure only this often. */
const PROGRESS_EVENT_MS = 200;

function isProviderId(id: string | null, providers: Record<ProviderId, Provider>): id is ProviderId {
  return id !== null && Object.hasOwn(providers, id);
}

export function createOutboxService(deps: OutboxDeps): OutboxService {
  const { clock, bus, providers } = deps;
  const store = createOutboxStore(deps.db);
  const newId = deps.newId ?? randomUUID;
  const newKey = deps.newIdempotencyKey ?? randomUUID;
  let announced = false;
  let stopped = false;
  const uploads = new Map<string, Progress>();
  let lastProgressEvent = Number.NEGATIVE_INFINITY;

  function toRow(record: OutboxRecord): OutboxRow {
    const { idempotencyKey: _key, providerId, remoteId: _remote, attachmentTokens: _tokens, messageId: _message, mayHaveSent: _maybe, ...row } = record;
    const provider = isProviderId(providerId, providers) ? providers[providerId] : undefined;
    const progress = uploads.get(record.id);
    return { ...row, progress: record.state === 'sending' && progress ? progress : null, actions: offeredActions(record, provider), vendor: provider?.displayName ?? null };
  }
  const rows = () => store.list().map(toRow);

  // Coalesces a burst of changes (a submit, a claim) into one event with the whole list.
  function changed(): void {
    if (announced) return;
    announced = true;
    queueMicrotask(() => {
      announced = false;
      if (!stopped) bus.emit('outbox:changed', rows());
    });
  }

  const settlement = createSettlement({ ...deps, store, uploads });
  const prepareRow = async (row: OutboxRecord): Promise<Delivery> => {
    const message = store.message(row.id);
    if (!message) throw new ServiceError({ kind: 'not_found', message: 'This message is no longer in the outbox.' });
    return prepareDelivery(deps, message, row.idempotencyKey);
  };
  const followUp = createFollowUp({
    store,
    clock,
    timers: deps.timers ?? systemTimers,
    providers,
    prepare: prepareRow,
    settled(row, answer) {
      settlement.followedUp(row, answer);
      changed();
    },
    ...(deps.logError ? { logError: deps.logError } : {}),
  });
  // An accepted message is asked about until its vendor says it went out or failed.
  const settled = (row: OutboxRecord, outcome: Settlement): void => {
    settlement.settled(row, outcome);
    if (outcome.outcome.state === 'accepted') followUp.watch(row.id);
  };
  const worker = createOutboxWorker({
    store,
    clock,
    timers: deps.timers ?? systemTimers,
    prepare: (message, key) => prepareDelivery(deps, message, key),
    changed,
    progress(id, sent, total) {
      uploads.set(id, { sent, total });
      const now = clock();
      if (sent < total && now - lastProgressEvent < PROGRESS_EVENT_MS) return;
      lastProgressEvent = now;
      changed();
    },
    settled,
    ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.logError ? { logError: deps.logError } : {}),
  });

  recoverAtStart({ store, clock, providers, notices: deps.notices, drafts: deps.drafts });
  worker.poke();
  followUp.watchAll();

  /** The draft a message was written in, while it is still kept; null when it is gone. */
  function draftOf(id: string | undefined): Draft | null {
    if (!id) return null;
    try {
      return deps.drafts.get(id);
    } catch {
      return null;
    }
  }

  const decisions = createOutboxDecisions({
    store,
    clock,
    providers,
    draftOf,
    prepare: prepareRow,
    settled,
    changed(release) {
      if (release) worker.release(release);
      changed();
      worker.poke();
    },
    row: toRow,
    maxScheduleMs: MAX_SCHEDULE_MS,
  });

  async function checkAccount(message: SubmitMessage): Promise<{ account: AccountView; provider: Provider }> {
    const account = (await deps.listAccounts()).find((a) => a.id === message.accountId);
    if (!account) {
      throw new ServiceError({ kind: 'not_found', message: 'The account chosen for this message no longer exists. Choose another account and send again.' });
    }
    const provider = providers[account.settings.provider];
    // What the provider cannot carry is refused now, with the composer still open, not later in the outbox.
    const files = message.attachments.map((a) => ({ filename: a.filename, mimeType: a.mimeType, size: a.size, open: unopened }));
    preflight(provider, toOutgoing(message, account.from, files, 'preflight'));
    return { account, provider };
  }

  /** Puts the message in the outbox, replacing its waiting or failed row: never a second live copy. */
  function enter(message: SubmitMessage, entry: { id: string; scheduled: boolean; sendAt: number; now: number }): void {
    const messageId = message.draftId ?? entry.id;
    inTransaction(deps.db, () => {
      const live = store.liveOf(messageId);
      if (live?.state === 'sending') {
        throw new ServiceError({ kind: 'conflict', message: 'This message is being sent right now, so it was not sent again. See the Outbox for how it ends.' });
      }
      if (live?.state === 'unknown_outcome' || live?.mayHaveSent) {
        throw new ServiceError({
          kind: 'conflict',
          message: 'This message may already have been sent, so it was not sent again. In the Outbox, check with the vendor, or use “Send again anyway”.',
        });
      }
      if (live) store.takeOut(live.id, 'Replaced by a newer send of the same message.', entry.now);
      store.insert({ ...entry, messageId, idempotencyKey: newKey(), message, recipients: describeRecipients(message) });
    });
  }

  return {
    ...decisions,
    async submit(message) {
      const { account, provider } = await checkAccount(message);
      const now = clock();
      const requested = message.sendAt === undefined ? undefined : Date.parse(message.sendAt);
      if (requested !== undefined && requested - now > MAX_SCHEDULE_MS) {
        throw new ServiceError({
          kind: 'invalid_input',
          message: 'The send-later time is more than a year away. Pick an earlier date.',
          fields: [{ field: 'sendAt', message: 'more than a year away' }],
        });
      }
      const delay = store.settings().undoDelayMs;
      const scheduled = requested !== undefined && requested > now + delay;
      const sendAt = scheduled ? requested : now + delay;
      const id = newId();
      enter(message, { id, scheduled, sendAt, now });
      changed();
      worker.poke();
      const recipients = describeRecipients(message);
      const route = describeRoute(provider, account);
      // The time left is the toast's to count; the sentence says where the message goes, once.
      const summary = scheduled ? `Scheduled for ${sentenceTime(sendAt)}: to ${recipients} ${route}.` : `Sending to ${recipients} ${route}.`;
      return { id, state: scheduled ? 'scheduled' : 'queued', sendAt, undoUntil: sendAt, summary };
    },

    async submitMany(messages, alsoInTransaction) {
      const checked = messages[0] ? await checkAccount(messages[0].message) : null;
      const ids = checked ? insertMany({ db: deps.db, store, ...checked, newId, newKey, now: clock() }, messages, alsoInTransaction) : [];
      changed();
      worker.poke();
      return ids;
    },

    retryRecorded(idempotencyKey) {
      const row = idempotencyKey ? store.byKey(idempotencyKey) : undefined;
      if (!row) return null;
      if (row.state === 'failed' || row.state === 'unknown_outcome') return decisions.retry(row.id);
      if (row.state === 'cancelled') return null;
      const where = row.state === 'sent' || row.state === 'accepted' ? 'was sent after all' : 'is already on its way again';
      throw new ServiceError({ kind: 'conflict', message: `This message ${where}: see the Outbox. Nothing was sent twice.` });
    },

    list: rows,
    draftsInOutbox: () => store.liveDraftIds(),
    settings: () => store.settings(),
    saveSettings(patch) {
      store.saveSettings(patch);
      return store.settings();
    },
    attachmentTokens: () => store.tokens(),
    idle: () => worker.idle(),
    stop() {
      stopped = true;
      worker.stop();
      followUp.stop();
    },
  };
}

