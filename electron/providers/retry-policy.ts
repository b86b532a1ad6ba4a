import type { Idempotency } from '../../shared/capabilities.js';
import type { SendFailure } from '../../shared/outgoing.js';

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

export interface RetryOptions {
  /**
   * The provider's `capabilities.idempotency`. `guaranteed` means a repeat cannot send twice;
   * `best_effort` (Unipile, which forgets keys only when it restarts) makes a repeat safe only
   * while the key is fresh, so an unknown outcome is repeated automatically a few seconds later
   * at most `BEST_EFFORT_UNKNOWN_RETRIES` times, never after that and never by hand.
   */
  idempotency: Idempotency;
  maxAttempts?: number;
  random?: () => number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
/** Repeats of an unknown outcome under a best-effort key: within seconds of the first, while the vendor still holds the key. */
export const BEST_EFFORT_UNKNOWN_RETRIES = 2;
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** A vendor asking for more than this (a per-day cap) is better retried hourly than trusted blindly. */
export const RETRY_AFTER_CAP_MS = 60 * 60_000;
/** A vendor's own sending limit resets at the latest a day later (the gateway: midnight UTC); the outbox waits that long. */
export const RATE_LIMIT_CAP_MS = 25 * 60 * 60_000;

/** Unipile's "try again later" problems (its 503s), recognised even if an adapter re-labels the status. */
const TRANSIENT_VENDOR_CODES = new Set(['errors/no_client_session', 'errors/network_down', 'errors/service_unavailable']);

function retryable(failure: SendFailure, idempotency: Idempotency, attempt: number): boolean {
  switch (failure.kind) {
    case 'rate_limited':
    case 'network':
      // Nothing was sent (network) or the vendor refused before doing anything (429).
      return true;
    case 'provider':
      return failure.status === 503 || (failure.vendorCode !== undefined && TRANSIENT_VENDOR_CODES.has(failure.vendorCode));
    case 'unknown_outcome':
      // POST is neither safe nor idempotent (RFC 9110 §9.2.2): repeating a request whose
      // outcome is unknown may send the email twice, unless the vendor deduplicates by key:
      // always (guaranteed), or while the key is fresh (best effort: the first few seconds).
      return idempotency === 'guaranteed' || (idempotency === 'best_effort' && attempt <= BEST_EFFORT_UNKNOWN_RETRIES);
    case 'auth':
    case 'validation':
    case 'unsupported':
    case 'cancelled':
      return false;
  }
}

/**
 * Whether to try a failed send again and after how long. `attempt` counts the attempts
 * already made (1 after the first failure). The wait is the vendor's Retry-After when it gave
 * one, otherwise capped exponential backoff with full jitter, so a crowd of clients that
 * failed together does not return together.
 */
export function retryDecision(failure: SendFailure, attempt: number, opts: RetryOptions): RetryDecision {
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (attempt >= maxAttempts || !retryable(failure, opts.idempotency, attempt)) return { retry: false };
  if (failure.retryAfterMs !== undefined) {
    const cap = failure.kind === 'rate_limited' ? RATE_LIMIT_CAP_MS : RETRY_AFTER_CAP_MS;
    return { retry: true, delayMs: Math.min(Math.max(0, failure.retryAfterMs), cap) };
  }
  const random = opts.random ?? Math.random;
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return { retry: true, delayMs: Math.floor(random() * ceiling) };
}
