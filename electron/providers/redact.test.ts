import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_RUN, redact } from './redact.js';

const KEY = 'wbk_Vq7Xz2Lm9Pr4TkQz8WvKc3Lp';

/** Every run of MIN_SECRET_RUN characters of `form` that survives in `text`, compared case-insensitively. */
function leakedRuns(text: string, form: string): string[] {
  const haystack = text.toLowerCase();
  const found: string[] = [];
  for (let i = 0; i + MIN_SECRET_RUN <= form.length; i++) {
    const run = form.slice(i, i + MIN_SECRET_RUN).toLowerCase();
    if (haystack.includes(run)) found.push(run);
  }
  return found;
}

describe('redact', () => {
  it('removes the key as typed, truncated, upper-cased, hex- and base64-encoded, and keeps the vendor’s other words', () => {
    const echoes = [
      KEY,
      KEY.slice(3, 14),
      KEY.toUpperCase(),
      Buffer.from(KEY).toString('hex'),
      Buffer.from(KEY).toString('hex').toUpperCase(),
      Buffer.from(KEY).toString('base64'),
      Buffer.from(KEY.slice(5, 20)).toString('base64'),
      Buffer.from(KEY).toString('base64url'),
      encodeURIComponent(KEY),
    ];
    for (const echo of echoes) {
      expect(redact(`Invalid API key "${echo}" for workspace 42.`, [KEY])).toBe('Invalid API key "[redacted]" for workspace 42.');
    }
  });

  it('leaves text that shares fewer than eight characters with the key alone', () => {
    expect(redact('Rate limit: try again in 7 s (wbk_Vq7, Xz2Lm9P).', [KEY])).toBe('Rate limit: try again in 7 s (wbk_Vq7, Xz2Lm9P).');
  });

  it('removes a short key only where it appears whole, as before', () => {
    expect(redact('key abc123 / ABC123', ['abc123'])).toBe('key [redacted] / ABC123');
  });

  it('property: no run of eight characters of the key or its hex/base64 forms survives, however the vendor cuts or cases it', () => {
    const key = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/.'), minLength: 8, maxLength: 64 });
    const noise = fc.string({ maxLength: 40 });
    fc.assert(
      fc.property(key, fc.nat(), fc.nat(), fc.constantFrom('plain', 'upper', 'lower', 'hex', 'HEX', 'base64'), noise, noise, (secret, a, b, form, before, after) => {
        const start = a % (secret.length - MIN_SECRET_RUN + 1);
        const end = start + MIN_SECRET_RUN + (b % (secret.length - start - MIN_SECRET_RUN + 1));
        const piece = secret.slice(start, end);
        const encoded = {
          plain: piece,
          upper: piece.toUpperCase(),
          lower: piece.toLowerCase(),
          hex: Buffer.from(piece).toString('hex'),
          HEX: Buffer.from(piece).toString('hex').toUpperCase(),
          base64: Buffer.from(piece).toString('base64'),
        }[form];
        const out = redact(`${before}${encoded}${after}`, [secret]);
        // base64's last group depends on where the piece ends, so only what comes before it is the key's.
        const keyPart = form === 'base64' ? encoded.slice(0, -4) : encoded;
        expect(leakedRuns(out, keyPart)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
