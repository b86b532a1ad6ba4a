import { AssertionError } from 'node:assert';
import { inspect } from 'node:util';

/** The forms a secret leaks in: as is, URL-encoded, JSON-escaped, base64 (e.g. Basic auth). */
function formsOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
  ];
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[circular]';
          seen.add(v);
        }
        return v;
      }) ?? ''
    );
  } catch (error) {
    return error instanceof Error ? error.message : '';
  }
}

/** Every string an error exposes: message, stack, own properties, then its cause chain. */
function errorTexts(value: unknown, depth = 0, out: string[] = []): string[] {
  if (depth > 10 || typeof value !== 'object' || value === null) return out;
  const record = value as { message?: unknown; stack?: unknown; cause?: unknown; errors?: unknown };
  if (typeof record.message === 'string') out.push(record.message);
  if (typeof record.stack === 'string') out.push(record.stack);
  out.push(safeJson(Object.getOwnPropertyNames(value).reduce<Record<string, unknown>>((acc, key) => {
    acc[key] = (value as Record<string, unknown>)[key];
    return acc;
  }, {})));
  errorTexts(record.cause, depth + 1, out);
  if (Array.isArray(record.errors)) for (const inner of record.errors) errorTexts(inner, depth + 1, out);
  return out;
}

/**
 * Fails when `secret` (or an encoded form of it) can be read anywhere in `value`: its full
 * inspection (hidden properties included), its JSON, its message, stack and cause chain.
 * The failure message names where it leaked, never the secret itself.
 */
export function expectNoSecret(value: unknown, secret: string): void {
  if (secret.length < 4) throw new Error('expectNoSecret needs a distinctive secret (at least 4 characters)');
  const views: [string, string][] = [
    ['util.inspect', inspect(value, { depth: Infinity, showHidden: true, getters: true })],
    ['JSON.stringify', safeJson(value)],
    ['String()', (() => {
      try {
        return String(value);
      } catch {
        return '';
      }
    })()],
    ...errorTexts(value).map((text): [string, string] => ['message/stack/cause chain', text]),
  ];
  for (const [where, text] of views) {
    for (const form of formsOf(secret)) {
      if (text.includes(form)) {
        throw new AssertionError({ message: `The secret leaked through ${where}.` });
      }
    }
  }
}
