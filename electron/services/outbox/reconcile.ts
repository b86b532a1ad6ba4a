import { SendError, type LookupOutcome, type Provider, type SendAccount } from '../../providers/types.js';

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
 * user is asked. Only a provider with a `lookup` and a failure naming what the vendor created
 * (`remoteRef`) can be asked. Undefined when the vendor could not be asked or did not answer in
 * `tries` reads: the outcome then stays unknown.
 */
export async function askVendor(provider: Provider, ref: string | undefined, account: SendAccount, deps: ReconcileDeps): Promise<LookupOutcome | undefined> {
  if (!provider.lookup || !ref) return undefined;
  const tries = deps.tries ?? RECONCILE_TRIES;
  const random = deps.random ?? Math.random;
  for (let attempt = 0; attempt < tries; attempt++) {
    if (attempt > 0) await deps.sleep(Math.round(BASE_MS * 2 ** (attempt - 1) * (0.5 + random() / 2)));
    try {
      return await provider.lookup(ref, account);
    } catch (error) {
      // A refused key or a bad address will not read any better on the next try.
      if (error instanceof SendError && (error.failure.kind === 'auth' || error.failure.kind === 'validation')) return undefined;
    }
  }
  return undefined;
}
