import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'harness_token';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/**
 * The page URL carries the token; the page's own asset requests carry it back as a
 * SameSite=Strict cookie. A request with neither, or from another Host (DNS rebinding),
 * is refused.
 */
export function hasAccess(request: IncomingMessage, token: string, expectedHost: string): boolean {
  if (request.headers.host !== expectedHost) return false;
  const url = new URL(request.url ?? '/', `http://${expectedHost}`);
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null) return sameSecret(fromQuery, token);
  const fromCookie = cookieValue(request.headers.cookie, TOKEN_COOKIE);
  return fromCookie !== null && sameSecret(fromCookie, token);
}

/** The bridge socket needs the token in its URL and must come from the harness's own page. */
export function socketHasAccess(request: IncomingMessage, token: string, expectedHost: string, origin: string): boolean {
  if (request.headers.host !== expectedHost || request.headers.origin !== origin) return false;
  const url = new URL(request.url ?? '/', `http://${expectedHost}`);
  const fromQuery = url.searchParams.get('token');
  return url.pathname === '/bridge' && fromQuery !== null && sameSecret(fromQuery, token);
}
