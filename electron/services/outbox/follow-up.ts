import type { ProviderId } from '../../../shared/accounts.js';
import type { SendFailure, SendResult } from '../../../shared/outgoing.js';
import type { Provider } from '../../providers/types.js';
import type { Clock } from '../clock.js';
import type { Delivery } from './delivery.js';
import type { OutboxRecord, OutboxStore } from './outbox-store.js';
import type { Timers } from './timers.js';

/**
 * When to ask again after an acceptance: soon (most vendors send within seconds), then less
 * and less often; after the last step, every half hour.
 */
export const FOLLOW_UP_STEPS_MS = [5_000, 15_000, 30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 30 * 60_000];
/** After this long a vendor that still only "accepted" is no longer asked: the row stays Accepted. */
export const FOLLOW_UP_FOR_MS = 3 * 24 * 60 * 60_000;

export type FollowUpAnswer = { state: 'sent'; result: SendResult } | { state: 'failed'; failure: SendFailure };

export interface FollowUpDeps {
  store: OutboxStore;
  clock: Clock;
  timers: Timers;
  providers: Record<ProviderId, Provider>;
  prepare(row: OutboxRecord): Promise<Delivery>;
  /** The row was moved on (sent, or failed with the vendor's reason): history, notification, the Outbox. */
  settled(row: OutboxRecord, answer: FollowUpAnswer): void;
  logError?: (error: unknown) => void;
}

/**
 * Asks a vendor that accepted a message to send it later (Rebilly's queue, Stuut's pending)
 * what became of it, with growing pauses, until it says sent or failed. Rows in the store are
 * the memory: after a restart every accepted row of the last days is asked about again.
 */
export function createFollowUp(deps: FollowUpDeps): { watch(id: string): void; watchAll(): void; stop(): void } {
  const { store, clock, timers } = deps;
  const pending = new Map<string, unknown>();
  let stopped = false;

  const canAsk = (row: OutboxRecord): boolean => {
    const provider = row.providerId && Object.hasOwn(deps.providers, row.providerId) ? deps.providers[row.providerId as ProviderId] : undefined;
    return row.state === 'accepted' && row.remoteId !== null && provider?.check !== undefined && clock() - row.updatedAt < FOLLOW_UP_FOR_MS;
  };

  function schedule(id: string, step: number): void {
    if (stopped || pending.has(id)) return;
    const wait = FOLLOW_UP_STEPS_MS[Math.min(step, FOLLOW_UP_STEPS_MS.length - 1)] ?? 30 * 60_000;
    pending.set(
      id,
      timers.set(() => {
        pending.delete(id);
        void ask(id, step);
      }, wait),
    );
  }

  async function ask(id: string, step: number): Promise<void> {
    const row = store.get(id);
    if (stopped || !row || !canAsk(row)) return;
    try {
      const delivery = await deps.prepare(row);
      const answer = await delivery.provider.check?.(
        { idempotencyKey: row.idempotencyKey, remoteId: row.remoteId, attemptedAt: row.updatedAt, message: delivery.message },
        delivery.account,
      );
      if (stopped) return;
      if (answer?.found === true && answer.result.status === 'sent') {
        if (store.deliveryConfirmed(id, clock())) deps.settled(row, { state: 'sent', result: answer.result });
        return;
      }
      if (answer?.found === 'failed') {
        if (store.deliveryFailed(id, afterAcceptance(answer.failure), 'provider', clock())) {
          deps.settled(row, { state: 'failed', failure: answer.failure });
        }
        return;
      }
    } catch (error) {
      // A read that failed now (the vendor down, the account changed) is asked again later.
      deps.logError?.(error);
    }
    schedule(id, step + 1);
  }

  return {
    watch(id) {
      const row = store.get(id);
      if (row && canAsk(row)) schedule(id, 0);
    },
    watchAll() {
      for (const row of store.inState('accepted')) if (canAsk(row)) schedule(row.id, 0);
    },
    stop() {
      stopped = true;
      for (const handle of pending.values()) timers.clear(handle);
      pending.clear();
    },
  };
}

/** "After accepting it, Rebilly could not send the email (…): <its words>. Retry …" */
export function afterAcceptance(failure: SendFailure): string {
  const words = failure.message.replace(/\.$/, '');
  return `After accepting it, ${words}. Retry sends it again; Edit lets you change it first.`;
}
