import { z } from 'zod';

/** The checks the vendors' settings share: addresses, ids, the time to wait. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a URL whose host is this computer, where plain http cannot leak a credential. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname.toLowerCase();
    return LOOPBACK_HOSTS.has(host) || (host.startsWith('127.') && host.split('.').length === 4 && host.split('.').every((part) => /^\d{1,3}$/.test(part)));
  } catch {
    return false;
  }
}

/** True when the address carries `user:password@`: a credential there would bypass the encrypted key field. */
export function hasUrlCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

// Credentials must never travel over plain http to another machine; loopback is where simulators run.
export const url = z
  .string()
  .trim()
  .min(1, 'Enter the address.')
  .refine(isHttpUrl, 'Enter a full address that starts with https://, for example https://api.example.com.')
  .refine((value) => !isHttpUrl(value) || new URL(value).protocol === 'https:' || isLoopbackUrl(value), 'Use https://: plain http is allowed only for this computer (localhost or 127.0.0.1).');
/**
 * Unipile's dashboard shows the DSN as host:port (`api1.unipile.com:13111`); with no scheme it
 * is taken as https://, the only one Unipile serves.
 */
export function withHttpsScheme(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.includes('://') || /\s/.test(trimmed)) return trimmed;
  try {
    return new URL(`https://${trimmed}`).hostname ? `https://${trimmed}` : trimmed;
  } catch {
    return trimmed;
  }
}
export const dsn = z.string().transform(withHttpsScheme).pipe(url);
export const timeoutMs = z.number().int().min(1_000, 'Allow at least 1 second.').max(300_000, 'Allow at most 300 seconds.').default(30_000);
export const required = (what: string) => z.string().trim().min(1, `Enter the ${what}.`).max(500, `The ${what} is too long.`);
