import type { SubmitMessage } from '../../../shared/message.js';
import { failureAction, type Outcome } from '../../../shared/outcome.js';
import { retryDecision, DEFAULT_MAX_ATTEMPTS } from '../../providers/retry-policy.js';
import { ServiceError } from '../../../shared/service-error.js';
import { isSendFailure, type SendFailure, type SendResult } from '../../../shared/outgoing.js';
import type { Clock } from '../clock.js';
import type { Delivery } from './delivery.js';
import { askVendor } from './reconcile.js';
import { finalWords, MAY_HAVE_BEEN_SENT, willRetry } from './failure-words.js';
import type { OutboxRecord, OutboxStore } from './outbox-store.js';
import type { Timers } from './timers.js';

/** How a message's sending ended: the outcome, and the vendor's answer when it took the message. */
export type Settlement = { outcome: Extract<Outcome, { state: 'sent' | 'accepted' }>; result: SendResult } | { outcome: Extract<Outcome, { state: 'failed' | 'unknown_outcome' }> };

export interface WorkerDeps {
  store: OutboxStore;
  clock: Clock;
  timers: Timers;
  prepare(message: SubmitMessage, idempotencyKey: string): Promise<Delivery>;
  /** After every change of a row's state. */
  changed(): void;
  /** A message reached its end: sent, failed or unknown_outcome. */
  settled(row: OutboxRecord, outcome: Settlement): void;
  /** Bytes of a message's request sent so far, from providers that report it. */
  progress?(id: string, sent: number, total: number): void;
  maxAttempts?: number;
  random?: () => number;
  logError?: (error: unknown) => void;
}

export interface OutboxWorker {
  /** Looks for due messages now (after a submit, a retry, or at start). */
  poke(): void;
  /** Resolves when nothing is in flight and nothing is due at the clock's current time. */
  idle(): Promise<void>;
  /** Stops scheduling and abandons in-flight sends' bookkeeping (their rows stay `sending` for recovery). */
  stop(): void;
  /** Forgets a vendor's "wait" for this account (the person pressed Retry now). */
  release(accountId: string): void;
}

/** The failure is about an attached file whose stored copy is gone or changed. */
function fileGone(failure: { fields?: { field: string }[] | undefined }): boolean {
  return failure.fields?.some((f) => f.field === 'attachments') === true;
}

function unexpected(error: unknown): SendFailure {
  // A provider throws only ServiceError; anything else happened somewhere during the request.
  const detail = error instanceof Error ? ` (${error.message.slice(0, 200)})` : '';
  return { kind: 'unknown_outcome', message: `Sending stopped with an unexpected error${detail}.` };
}

/**
 * Sends due messages: one in flight per account, in submit order; waits out a vendor's
 * Retry-After for the whole account; retries what `retryDecision` allows with backoff and
 * jitter. A `network` failure (offline, refused, DNS) never gives up: nothing left the
 * machine, so the message is held and tried again with capped backoff until the network is
 * back — there is no separate online detector.
 */
export function createOutboxWorker(deps: WorkerDeps): OutboxWorker {
  const { store, clock, timers } = deps;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const inFlight = new Map<string, Promise<void>>();
  /** Account -> until when the vendor asked us to wait. */
  const holds = new Map<string, number>();
  let timer: unknown;
  let wakeAt = Number.POSITIVE_INFINITY;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  function heldUntil(accountId: string): number {
    return holds.get(accountId) ?? 0;
  }

  function schedule(now: number): void {
    let next = Number.POSITIVE_INFINITY;
    for (const { account_id, at } of store.wakes()) {
      if (inFlight.has(account_id)) continue;
      next = Math.min(next, Math.max(at, heldUntil(account_id)));
    }
    if (next === wakeAt && timer !== undefined) return;
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    wakeAt = next;
    if (next !== Number.POSITIVE_INFINITY) {
      timer = timers.set(() => {
        timer = undefined;
        wakeAt = Number.POSITIVE_INFINITY;
        pump();
      }, Math.max(0, next - now));
    }
  }

  function pump(): void {
    if (stopped) return;
    const now = clock();
    let waiting = false;
    for (const { account_id: accountId, at } of store.wakes()) {
      if (inFlight.has(accountId)) continue;
      if (at > now || heldUntil(accountId) > now) continue;
      const row = store.dueFor(accountId, now);
      if (!row) continue;
      waiting = true;
      const run = attempt(row)
        .catch((error: unknown) => deps.logError?.(error))
        .finally(() => {
          inFlight.delete(row.accountId);
          pump();
        });
      inFlight.set(row.accountId, run);
    }
    schedule(now);
    if (inFlight.size === 0 && !waiting) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  async function attempt(row: OutboxRecord): Promise<void> {
    const message = store.message(row.id);
    if (!message) return;
    let delivery: Delivery;
    try {
      delivery = await deps.prepare(message, row.idempotencyKey);
    } catch (error) {
      if (stopped) return;
      // Nothing left the machine: the account or an attachment cannot be had as things stand.
      const known = error instanceof ServiceError ? error.failure : undefined;
      const gone = known !== undefined && fileGone(known);
      const sentence = gone
        ? `${known.message.replace(/ (Nothing was attached; pick it again|It was not attached; drop it again once it is there)\.$/, '')} It was not sent; use Edit to attach the file again.`
        : (known?.message ?? 'Composer could not prepare this message for sending (an unexpected error). It was not sent; use Retry to try again.');
      // A stored copy that is gone cannot come back by retrying: only Edit (attach it again) can help.
      const kind = gone ? 'not_found' : (known?.kind ?? 'internal');
      store.settle(row.id, 'failed', sentence, kind, clock());
      deps.changed();
      deps.settled(row, { outcome: { state: 'failed', kind, sentence, action: failureAction(kind) } });
      return;
    }
    if (stopped || !store.claim(row.id, delivery.provider.id, clock())) return;
    deps.changed();
    const attempts = row.attempts + 1;
    const began = clock();
    let result: SendResult;
    try {
      const progress = deps.progress;
      result = await delivery.provider.send(delivery.message, delivery.account, undefined, progress ? (sent, total) => progress(row.id, sent, total) : undefined);
    } catch (error) {
      if (stopped) return;
      const failure = error instanceof ServiceError && isSendFailure(error.failure) ? error.failure : unexpected(error);
      if (failure.kind === 'unknown_outcome' && (await reconciled(row, attempts, failure, delivery, began))) return;
      if (stopped) return;
      failed(row, attempts, failure, delivery);
      return;
    }
    if (stopped) return;
    sent(row, result);
  }

  function sent(row: OutboxRecord, result: SendResult): void {
    store.markDelivered(row.id, result.status, result.remoteId, clock());
    deps.changed();
    deps.settled(row, { outcome: { state: result.status, remoteId: result.remoteId }, result });
  }

  /**
   * An unknown outcome is first a question for the vendor, where it offers a read of what it
   * created: true when its answer settled the message (sent, failed, or not sent and queued again).
   */
  async function reconciled(row: OutboxRecord, attempts: number, failure: SendFailure, delivery: Delivery, began: number): Promise<boolean> {
    // A repeat under a key the vendor still holds is the surer answer than a read: it replays.
    if (retryDecision(failure, attempts, { idempotency: delivery.provider.capabilities.idempotency, maxAttempts }).retry) return false;
    const sleep = (ms: number) => new Promise<void>((resolve) => timers.set(resolve, ms));
    const query = { idempotencyKey: row.idempotencyKey, remoteId: failure.remoteRef ?? null, attemptedAt: began, message: delivery.message };
    const answer = await askVendor(delivery.provider, query, delivery.account, { sleep, ...(deps.random ? { random: deps.random } : {}) });
    if (stopped || !answer) return false;
    if (answer.found === 'failed') {
      failed(row, attempts, answer.failure, delivery);
      return true;
    }
    if (answer.found === false) {
      notSent(row, attempts, `${delivery.provider.displayName} was asked after its answer was lost: ${answer.sentence ?? 'it holds no such email.'} The email was not sent.`);
      return true;
    }
    sent(row, answer.result);
    return true;
  }

  /** The vendor says nothing of this message will go out: sending again cannot duplicate it. */
  function notSent(row: OutboxRecord, attempts: number, sentence: string): void {
    const now = clock();
    const decision = retryDecision({ kind: 'network', message: sentence }, attempts, { idempotency: 'none', maxAttempts, ...(deps.random ? { random: deps.random } : {}) });
    if (decision.retry) {
      store.requeue(row.id, now + decision.delayMs, `${sentence} Composer will send it again in ${Math.max(1, Math.ceil(decision.delayMs / 1000))} s.`, 'network', now);
      deps.changed();
      return;
    }
    const final = `${sentence} Composer gave up after ${attempts} attempts; use Retry to send it again.`;
    store.settle(row.id, 'failed', final, 'network', now);
    deps.changed();
    deps.settled(row, { outcome: { state: 'failed', kind: 'network', sentence: final, action: failureAction('network') } });
  }

  function failed(row: OutboxRecord, attempts: number, failure: SendFailure, delivery: Delivery): void {
    const now = clock();
    const idempotency = delivery.provider.capabilities.idempotency;
    // Waiting out the connection or the vendor's announced limit is not a failed try.
    const waitsForLimit = failure.kind === 'rate_limited' && failure.retryAfterMs !== undefined;
    const limit = failure.kind === 'network' || waitsForLimit ? Number.POSITIVE_INFINITY : maxAttempts;
    const decision = retryDecision(failure, attempts, { idempotency, maxAttempts: limit, ...(deps.random ? { random: deps.random } : {}) });
    if (decision.retry) {
      if (failure.kind === 'rate_limited' || failure.retryAfterMs !== undefined) holds.set(row.accountId, now + decision.delayMs);
      store.requeue(row.id, now + decision.delayMs, willRetry(failure, decision.delayMs, now), failure.kind, now);
      deps.changed();
      return;
    }
    const sentence = finalWords(failure, attempts);
    const { kind } = failure;
    const outcome: Settlement['outcome'] = kind === 'unknown_outcome' ? { state: 'unknown_outcome', kind, sentence } : { state: 'failed', kind, sentence, action: failureAction(kind) };
    store.settle(row.id, outcome.state, sentence, kind, now);
    deps.changed();
    deps.settled(row, { outcome });
  }

  return {
    poke: pump,
    release(accountId) {
      holds.delete(accountId);
    },
    idle() {
      const done = new Promise<void>((resolve) => idleWaiters.push(resolve));
      pump();
      return done;
    },
    stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    },
  };
}

export { MAY_HAVE_BEEN_SENT };
