import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, BEST_EFFORT_UNKNOWN_RETRIES, RATE_LIMIT_CAP_MS, RETRY_AFTER_CAP_MS, retryDecision } from './retry-policy.js';
import type { SendFailure } from '../../shared/outgoing.js';

const f = (failure: Partial<SendFailure> & Pick<SendFailure, 'kind'>): SendFailure => ({ message: 'm', ...failure });
const half = () => 0.5;

describe('retryDecision', () => {
  it('retries rate limits, 503s and network failures', () => {
    expect(retryDecision(f({ kind: 'rate_limited', status: 429 }), 1, { idempotency: 'none', random: half })).toEqual({ retry: true, delayMs: 500 });
    expect(retryDecision(f({ kind: 'provider', status: 503 }), 1, { idempotency: 'none', random: half }).retry).toBe(true);
    expect(retryDecision(f({ kind: 'network' }), 1, { idempotency: 'none', random: half }).retry).toBe(true);
  });

  it('retries Unipile transient codes', () => {
    for (const vendorCode of ['errors/no_client_session', 'errors/network_down']) {
      expect(retryDecision(f({ kind: 'provider', status: 503, vendorCode }), 1, { idempotency: 'none' }).retry).toBe(true);
      expect(retryDecision(f({ kind: 'provider', vendorCode }), 1, { idempotency: 'none' }).retry).toBe(true);
    }
  });

  it('retries an unknown outcome only when the vendor deduplicates: always, or while a best-effort key is fresh', () => {
    expect(retryDecision(f({ kind: 'unknown_outcome', status: 504 }), 1, { idempotency: 'none' })).toEqual({ retry: false });
    // Unipile keeps keys but loses them on restarts: only the first repeats, seconds apart, lean on it.
    const top = () => 0.999999;
    expect(retryDecision(f({ kind: 'unknown_outcome' }), 1, { idempotency: 'best_effort', random: top })).toEqual({ retry: true, delayMs: 999 });
    expect(retryDecision(f({ kind: 'unknown_outcome' }), BEST_EFFORT_UNKNOWN_RETRIES, { idempotency: 'best_effort', random: top })).toEqual({ retry: true, delayMs: 1999 });
    expect(retryDecision(f({ kind: 'unknown_outcome' }), BEST_EFFORT_UNKNOWN_RETRIES + 1, { idempotency: 'best_effort' })).toEqual({ retry: false });
    expect(retryDecision(f({ kind: 'network' }), 1, { idempotency: 'best_effort', random: half }).retry).toBe(true);
    expect(retryDecision(f({ kind: 'unknown_outcome' }), 1, { idempotency: 'guaranteed', random: half }).retry).toBe(true);
  });

  it.each(['auth', 'validation', 'unsupported', 'cancelled'] as const)('never retries %s', (kind) => {
    expect(retryDecision(f({ kind }), 1, { idempotency: 'guaranteed' })).toEqual({ retry: false });
  });

  it('never retries other provider errors (500, 502)', () => {
    expect(retryDecision(f({ kind: 'provider', status: 500 }), 1, { idempotency: 'guaranteed' })).toEqual({ retry: false });
    expect(retryDecision(f({ kind: 'provider', status: 502, vendorCode: 'provider_error' }), 1, { idempotency: 'guaranteed' })).toEqual({ retry: false });
  });

  it('stops after maxAttempts (default 5)', () => {
    const failure = f({ kind: 'network' });
    expect(retryDecision(failure, 4, { idempotency: 'none' }).retry).toBe(true);
    expect(retryDecision(failure, 5, { idempotency: 'none' })).toEqual({ retry: false });
    expect(retryDecision(failure, 2, { idempotency: 'none', maxAttempts: 2 })).toEqual({ retry: false });
  });

  it('uses Retry-After when given: a vendor rate limit is waited out (a daily window up to its reset), any other wait capped at one hour', () => {
    expect(retryDecision(f({ kind: 'rate_limited', retryAfterMs: 12_000 }), 1, { idempotency: 'none', random: half })).toEqual({ retry: true, delayMs: 12_000 });
    expect(retryDecision(f({ kind: 'rate_limited', retryAfterMs: 86_400_000 }), 1, { idempotency: 'none' })).toEqual({ retry: true, delayMs: 86_400_000 });
    expect(retryDecision(f({ kind: 'rate_limited', retryAfterMs: 7 * 86_400_000 }), 1, { idempotency: 'none' })).toEqual({ retry: true, delayMs: RATE_LIMIT_CAP_MS });
    expect(retryDecision(f({ kind: 'provider', status: 503, retryAfterMs: 86_400_000 }), 1, { idempotency: 'none' })).toEqual({ retry: true, delayMs: RETRY_AFTER_CAP_MS });
  });

  it('backs off exponentially with full jitter, capped at five minutes', () => {
    const top = () => 0.999999;
    const delays = [1, 2, 3, 4].map((attempt) => {
      const d = retryDecision(f({ kind: 'network' }), attempt, { idempotency: 'none', random: top, maxAttempts: 20 });
      return d.retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([999, 1999, 3999, 7999]);
    const late = retryDecision(f({ kind: 'network' }), 15, { idempotency: 'none', random: top, maxAttempts: 20 });
    expect(late).toEqual({ retry: true, delayMs: BACKOFF_CAP_MS - 1 });
    expect(retryDecision(f({ kind: 'network' }), 3, { idempotency: 'none', random: () => 0 })).toEqual({ retry: true, delayMs: 0 });
  });
});
