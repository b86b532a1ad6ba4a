import type { SubmitMessage } from '../../../shared/message.js';
import { retryDecision, DEFAULT_MAX_ATTEMPTS } from '../../providers/retry-policy.js';
import { SendError, type SendFailure, type SendResult } from '../../providers/types.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../service-error.js';
import type { Delivery } from './delivery.js';
import { askVendor } from './reconcile.js';
import { finalWords, MAY_HAVE_BEEN_SENT, willRetry } from './failure-words.js';
import type { OutboxRecord, OutboxStore } from './outbox-store.js';
import type { Timers } from './timers.js';

/** How a message's sending ended. */
export type Settlement = { state: 'sent'; result: SendResult } | { state: 'failed' | 'unknown_outcome'; sentence: string };

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
}

function unexpected(error: unknown): SendFailure {
  // A provider throws only SendError; anything else happened somewhere during the request.
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
      const sentence = known?.message ?? 'Composer could not prepare this message for sending (an unexpected error). It was not sent; use Retry to try again.';
      store.settle(row.id, 'failed', sentence, known?.kind ?? 'internal', clock());
      deps.changed();
      deps.settled(row, { state: 'failed', sentence });
      return;
    }
    if (stopped || !store.claim(row.id, delivery.provider.id, clock())) return;
    deps.changed();
    const attempts = row.attempts + 1;
    let result: SendResult;
    try {
      const progress = deps.progress;
      result = await delivery.provider.send(delivery.message, delivery.account, undefined, progress ? (sent, total) => progress(row.id, sent, total) : undefined);
    } catch (error) {
      if (stopped) return;
      const failure = error instanceof SendError ? error.failure : unexpected(error);
      if (failure.kind === 'unknown_outcome' && (await reconciled(row, attempts, failure, delivery))) return;
      if (stopped) return;
      failed(row, attempts, failure, delivery);
      return;
    }
    if (stopped) return;
    sent(row, result);
  }

  function sent(row: OutboxRecord, result: SendResult): void {
    store.markSent(row.id, result.remoteId, clock());
    deps.changed();
    deps.settled(row, { state: 'sent', result });
  }

  /**
   * An unknown outcome is first a question for the vendor, where it offers a read of what it
   * created: true when its answer settled the message (sent, failed, or not sent and queued again).
   */
  async function reconciled(row: OutboxRecord, attempts: number, failure: SendFailure, delivery: Delivery): Promise<boolean> {
    const sleep = (ms: number) => new Promise<void>((resolve) => timers.set(resolve, ms));
    const outcome = await askVendor(delivery.provider, failure.remoteRef, delivery.account, { sleep, ...(deps.random ? { random: deps.random } : {}) });
    if (stopped || !outcome) return false;
    if (outcome.state === 'failed') {
      failed(row, attempts, outcome.failure, delivery);
      return true;
    }
    if (outcome.state === 'not_sent') {
      notSent(row, attempts, `${delivery.provider.displayName} was asked after its answer was lost: ${outcome.reason} The email was not sent.`);
      return true;
    }
    sent(row, outcome.result);
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
    deps.settled(row, { state: 'failed', sentence: final });
  }

  function failed(row: OutboxRecord, attempts: number, failure: SendFailure, delivery: Delivery): void {
    const now = clock();
    const idempotency = delivery.provider.capabilities.idempotency;
    const limit = failure.kind === 'network' ? Number.POSITIVE_INFINITY : maxAttempts;
    const decision = retryDecision(failure, attempts, { idempotency, maxAttempts: limit, ...(deps.random ? { random: deps.random } : {}) });
    if (decision.retry) {
      if (failure.kind === 'rate_limited' || failure.retryAfterMs !== undefined) holds.set(row.accountId, now + decision.delayMs);
      store.requeue(row.id, now + decision.delayMs, willRetry(failure, decision.delayMs), failure.kind, now);
      deps.changed();
      return;
    }
    const state = failure.kind === 'unknown_outcome' ? 'unknown_outcome' : 'failed';
    const sentence = finalWords(failure, attempts);
    store.settle(row.id, state, sentence, failure.kind, now);
    deps.changed();
    deps.settled(row, { state, sentence });
  }

  return {
    poke: pump,
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
