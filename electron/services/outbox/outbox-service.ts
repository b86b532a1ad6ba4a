import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { AccountView, ProviderId } from '../../../shared/accounts.js';
import type { Draft } from '../../../shared/drafts.js';
import { editableFromSubmitted, type EditableMessage } from '../../../shared/editable-message.js';
import type { Notice } from '../../../shared/ipc.js';
import type { SubmitMessage, SubmitOutcome } from '../../../shared/message.js';
import type { Outcome } from '../../../shared/outcome.js';
import type { OutboxRow, OutboxSettings, OutboxSettingsPatch } from '../../../shared/outbox.js';
import { preflight } from '../../providers/preflight.js';
import type { Provider } from '../../providers/types.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../event-bus.js';
import type { HistoryAttempt } from '../history/recorder.js';
import { silentNotifier, type Notifier } from '../notifier.js';
import { ServiceError } from '../../../shared/service-error.js';
import { insertMany } from './submit-many.js';
import { describeRecipients, describeRoute, prepareDelivery, toOutgoing, type DeliveryDeps } from './delivery.js';
import { createOutboxStore, type OutboxRecord } from './outbox-store.js';
import { recoverAtStart } from './recovery.js';
import { systemTimers, type Timers } from './timers.js';
import { createOutboxWorker, type Settlement } from './worker.js';

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
  timers?: Timers;
  /** Desktop notifications: always when a message fails, and when one is sent if the person asked. */
  notifier?: Notifier;
  newId?: () => string;
  newIdempotencyKey?: () => string;
  random?: () => number;
  maxAttempts?: number;
  logError?: (error: unknown) => void;
}

export interface OutboxService {
  /** Freezes the message and writes it to disk before answering; the worker sends it at `sendAt`. */
  submit(message: SubmitMessage): Promise<SubmitOutcome>;
  submitMany(messages: ReadonlyArray<{ message: SubmitMessage; sendAt: number }>, alsoInTransaction?: (ids: string[]) => void): Promise<string[]>;
  /** Undo send: only while queued and before `sendAt`; answers the message as the composer opens it. */
  cancel(id: string): EditableMessage;
  /** A failed or unknown_outcome message goes back in the queue with the same idempotency key. */
  retry(id: string): OutboxRow;
  /**
   * Retry of a message recorded in the history: when the outbox still holds it (failed, or
   * maybe sent), that row goes again under its own idempotency key, so a vendor that already
   * has it does not send it twice. Null when the outbox no longer has it.
   */
  retryRecorded(idempotencyKey: string | null): OutboxRow | null;
  list(): OutboxRow[];
  settings(): OutboxSettings;
  /** Changes the settings given and keeps the others. */
  saveSettings(patch: OutboxSettingsPatch): OutboxSettings;
  /** Attachment tokens queued or kept messages still need (the attachments sweep keeps them). */
  attachmentTokens(): string[];
  /** Resolves when nothing is in flight or due now (tests, benchmarks, quit). */
  idle(): Promise<void>;
  /** Stops the worker; rows being sent stay `sending` and are recovered at the next start. */
  stop(): void;
}

/** Send-later times further out than this are almost certainly a mistake in the picker. */
const MAX_SCHEDULE_MS = 366 * 24 * 60 * 60_000;

// Preflight never opens a file; this stands in for the opener the attachments service gives at send time.
const unopened = (): Promise<Blob> => Promise.reject(new Error('preflight does not open attachments'));

type Progress = NonNullable<OutboxRow['progress']>;

function toRow(record: OutboxRecord, progress?: Progress): OutboxRow {
  const { idempotencyKey: _key, providerId: _provider, remoteId: _remote, attachmentTokens: _tokens, ...row } = record;
  return { ...row, progress: record.state === 'sending' && progress ? progress : null };
}

/** A large upload reports every chunk; the window needs a new figure only this often. */
const PROGRESS_EVENT_MS = 200;

function when(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function createOutboxService(deps: OutboxDeps): OutboxService {
  const { clock, bus } = deps;
  const store = createOutboxStore(deps.db);
  const newId = deps.newId ?? randomUUID;
  const newKey = deps.newIdempotencyKey ?? randomUUID;
  let announced = false;
  let stopped = false;
  const uploads = new Map<string, Progress>();
  let lastProgressEvent = Number.NEGATIVE_INFINITY;
  const rows = () => store.list().map((record) => toRow(record, uploads.get(record.id)));

  // Coalesces a burst of changes (a submit, a claim) into one event with the whole list.
  function changed(): void {
    if (announced) return;
    announced = true;
    queueMicrotask(() => {
      announced = false;
      if (!stopped) bus.emit('outbox:changed', rows());
    });
  }

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
    settled(row, settlement) {
      uploads.delete(row.id);
      notify(row, settlement.outcome);
      // Recorded first, so the history holds its attachment copies before the outbox lets go of them.
      void record(row, settlement).finally(() => {
        const { outcome } = settlement;
        if (outcome.state === 'sent' || outcome.state === 'accepted') {
          if (row.draftId) deps.drafts.removeAfterSend(row.draftId);
          deps.releaseAttachments(row.attachmentTokens);
        } else if (row.draftId) {
          // The draft stays, whole, with the reason on it.
          deps.drafts.markSendFailed(row.draftId, outcome.sentence);
        }
      });
    },
    ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.logError ? { logError: deps.logError } : {}),
  });

  const notifier = deps.notifier ?? silentNotifier;
  function notify(row: OutboxRecord, outcome: Outcome): void {
    const subject = row.subject ? `“${row.subject}”` : 'A message with no subject';
    try {
      if (outcome.state === 'sent' || outcome.state === 'accepted') {
        if (store.settings().notifyOnSent) notifier.notify({ title: 'Message sent', body: `${subject} to ${row.recipients} was sent.` });
      } else {
        const title = outcome.state === 'failed' ? 'Message not sent' : 'Message may not have been sent';
        notifier.notify({ title, body: `${subject} to ${row.recipients}: ${outcome.sentence} It is kept in the Outbox.` });
      }
    } catch (error) {
      // A desktop that cannot show a notification must not change what happened to the message.
      deps.logError?.(error);
    }
  }

  async function record(row: OutboxRecord, settlement: Settlement): Promise<void> {
    const message = store.message(row.id);
    if (!deps.recordAttempt || !message) return;
    try {
      const account = (await deps.listAccounts()).find((a) => a.id === row.accountId);
      const provider = (row.providerId ?? account?.settings.provider) as ProviderId | undefined;
      if (!provider) return;
      const { accountId, attachments, replyToHistoryId, draftId: _draftId, sendAt: _sendAt, ...content } = message;
      await deps.recordAttempt({
        accountId,
        provider,
        ...(account ? { from: account.from } : {}),
        content,
        attachments,
        ...(replyToHistoryId ? { replyToHistoryId } : {}),
        idempotencyKey: row.idempotencyKey,
        // The failure's own kind goes into the history: `auth` stays `auth`.
        outcome:
          'result' in settlement
            ? { status: 'sent', result: settlement.result }
            : { status: settlement.outcome.state, error: { kind: settlement.outcome.kind, message: settlement.outcome.sentence } },
      });
    } catch (error) {
      // The message's own fate is settled; a history that could not be written must not change it.
      deps.logError?.(error);
    }
  }

  recoverAtStart({ store, clock, providers: deps.providers, notices: deps.notices, drafts: deps.drafts });
  worker.poke();

  /** The draft a message was written in, while it is still kept; null when it is gone. */
  function draftOf(id: string | undefined): Draft | null {
    if (!id) return null;
    try {
      return deps.drafts.get(id);
    } catch {
      return null;
    }
  }

  async function checkAccount(message: SubmitMessage): Promise<{ account: AccountView; provider: Provider }> {
    const account = (await deps.listAccounts()).find((a) => a.id === message.accountId);
    if (!account) {
      throw new ServiceError({ kind: 'not_found', message: 'The account chosen for this message no longer exists. Choose another account and send again.' });
    }
    const provider = deps.providers[account.settings.provider as ProviderId];
    // What the provider cannot carry is refused now, with the composer still open, not later in the outbox.
    const files = message.attachments.map((a) => ({ filename: a.filename, mimeType: a.mimeType, size: a.size, open: unopened }));
    preflight(provider, toOutgoing(message, account.from, files, 'preflight'));
    return { account, provider };
  }

  return {
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
      const recipients = describeRecipients(message);
      store.insert({ id, idempotencyKey: newKey(), message, recipients, scheduled, sendAt, now });
      changed();
      worker.poke();
      const route = describeRoute(provider, account);
      const summary = scheduled
        ? `Scheduled for ${when(sendAt)}: to ${recipients} ${route}.`
        : delay === 0
          ? `Sending to ${recipients} ${route}.`
          : `Sending to ${recipients} ${route} in ${Math.round(delay / 1000)} s.`;
      return { id, state: 'queued', sendAt, undoUntil: sendAt, summary };
    },

    async submitMany(messages, alsoInTransaction) {
      const checked = messages[0] ? await checkAccount(messages[0].message) : null;
      const ids = checked ? insertMany({ db: deps.db, store, ...checked, newId, newKey, now: clock() }, messages, alsoInTransaction) : [];
      changed();
      worker.poke();
      return ids;
    },

    cancel(id) {
      const row = store.get(id);
      const message = store.message(id);
      if (!row || !message) throw new ServiceError({ kind: 'not_found', message: 'This message is no longer in the outbox.' });
      const now = clock();
      const tooLate = (what: string) => new ServiceError({ kind: 'conflict', message: `Too late to undo: ${what}.` });
      if (row.state === 'sent') throw tooLate('the message has already been sent');
      if (row.state === 'cancelled') throw tooLate('the message was already taken back');
      if (row.state !== 'queued' || row.attempts > 0 || now >= row.sendAt || !store.cancel(id, now)) {
        throw tooLate('the message is already being sent. Look for it in the outbox');
      }
      changed();
      worker.poke();
      return editableFromSubmitted(message, draftOf(message.draftId), null);
    },

    retry(id) {
      const row = store.get(id);
      if (!row) throw new ServiceError({ kind: 'not_found', message: 'This message is no longer in the outbox.' });
      if (!store.retry(id, clock())) {
        throw new ServiceError({ kind: 'conflict', message: `Only a failed message, or one that may not have been sent, can be retried; this one is ${row.state.replace('_', ' ')}.` });
      }
      changed();
      worker.poke();
      return toRow(store.get(id) ?? row, uploads.get(id));
    },

    retryRecorded(idempotencyKey) {
      const row = idempotencyKey ? store.byKey(idempotencyKey) : undefined;
      if (!row) return null;
      if (row.state === 'failed' || row.state === 'unknown_outcome') return this.retry(row.id);
      if (row.state === 'cancelled') return null;
      const where = row.state === 'sent' ? 'was sent after all' : 'is already on its way again';
      throw new ServiceError({ kind: 'conflict', message: `This message ${where}: see the Outbox. Nothing was sent twice.` });
    },

    list: rows,
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
    },
  };
}
