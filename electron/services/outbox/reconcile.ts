import type { SentQuery, VendorCheck } from '../../../shared/outgoing.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { Provider, SendAccount } from '../../providers/types.js';

export interface ReconcileDeps {
  /** Waits `ms` (the outbox's injected timers, so tests move time by hand). */
  sleep(ms: number): Promise<void>;
  random?: () => number;
  /** How many reads, the first at once; later ones back off (1 s, 2 s, 4 s … with jitter). */
  tries?: number;
}

export const RECONCILE_TRIES = 4;
const BASE_MS = 1_000;

/**
 * Asks the vendor what became of an email whose send ended with an unknown outcome, before the
 * user is asked: the provider's `check` (a read of what it created: by the id the failure names,
 * `remoteRef`, or where the vendor can be searched, by what the message holds). Undefined when the vendor cannot be asked, could not
 * tell, or did not answer in `tries` reads: the outcome then stays unknown.
 */
export async function askVendor(provider: Provider, query: SentQuery, account: SendAccount, deps: ReconcileDeps): Promise<Exclude<VendorCheck, { found: 'unknown' }> | undefined> {
  if (!provider.check || (provider.checkNeedsId && !query.remoteId)) return undefined;
  const tries = deps.tries ?? RECONCILE_TRIES;
  const random = deps.random ?? Math.random;
  for (let attempt = 0; attempt < tries; attempt++) {
    if (attempt > 0) await deps.sleep(Math.round(BASE_MS * 2 ** (attempt - 1) * (0.5 + random() / 2)));
    try {
      const answer = await provider.check(query, account);
      if (answer.found !== 'unknown') return answer;
    } catch (error) {
      // A refused key or a bad address will not read any better on the next try.
      if (error instanceof ServiceError && (error.failure.kind === 'auth' || error.failure.kind === 'validation')) return undefined;
    }
  }
  return undefined;
}
