import type { SendFailure } from '../../../shared/outgoing.js';

/** The sentence an unknown outcome ends with, in the outbox list and on the draft. */
export const MAY_HAVE_BEEN_SENT = 'It may have been sent — check before resending.';
export const KEY_REJECTED = 'The key was rejected — update it in Accounts, then retry.';

function inWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.ceil(minutes / 60)} h`;
}

/** 19:52:10 UTC, or with the date when it is not today (UTC). */
function utcMoment(at: number, now: number): string {
  const time = new Date(at).toISOString().slice(11, 19);
  const sameDay = new Date(at).toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? `${time} UTC` : `${new Date(at).toISOString().slice(0, 10)} ${time} UTC`;
}

/** A failure the worker will retry: the vendor's sentence, then when Composer tries again. */
export function willRetry(failure: SendFailure, delayMs: number, now?: number): string {
  if (failure.kind === 'rate_limited' && failure.retryAfterMs !== undefined && now !== undefined) {
    return `${failure.message} The vendor's sending limit resets at ${utcMoment(now + delayMs, now)}: Composer waits until then (${inWords(delayMs)}) and sends it, without using up a retry.`;
  }
  const lead = failure.kind === 'network' ? ' The message is kept in the outbox while the connection is down.' : '';
  return `${failure.message}${lead} Composer will try again in ${inWords(delayMs)}.`;
}

/** A failure the person must act on: what happened and what to do. */
export function finalWords(failure: SendFailure, attempts: number): string {
  if (failure.kind === 'unknown_outcome') return `${failure.message} ${MAY_HAVE_BEEN_SENT}`;
  if (failure.kind === 'auth') return `${KEY_REJECTED} (${failure.message})`;
  const tries = attempts > 1 ? ` Composer gave up after ${attempts} attempts; use Retry to try again.` : '';
  return `${failure.message}${tries}`;
}
