import { ServiceError } from '../../shared/service-error.js';
import { sendWords, type TransportWords } from './transport-words.js';

/**
 * Codes that can only happen before the request was written: name resolution, the TCP
 * connect, the TLS handshake. Anything else (a reset, "other side closed") may have come
 * after the vendor read the request, so it is an unknown outcome, never a safe retry. That
 * includes a reused keep-alive connection the vendor closed as idle just as the request went
 * out: undici reports it exactly as a close after the vendor read the request (same error, body
 * reported sent; keep-alive.test.ts shows both), and re-sends by itself only what it had not
 * yet written.
 */
const BEFORE_REQUEST: Record<string, string> = {
  ENOTFOUND: 'its address could not be found',
  EAI_AGAIN: 'its address could not be looked up',
  EAI_FAIL: 'its address could not be looked up',
  EAI_NONAME: 'its address could not be found',
  ECONNREFUSED: 'the connection was refused',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EHOSTDOWN: 'the host is down',
  ENETDOWN: 'the network is down',
  EADDRNOTAVAIL: 'no local address is available',
  UND_ERR_CONNECT_TIMEOUT: 'the connection attempt timed out',
};

const TLS_CODE = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|HOSTNAME_MISMATCH$)/;
/** Node's own wording when the socket closes during the TLS handshake (code ECONNRESET). */
const TLS_HANDSHAKE_CLOSED = /before secure TLS connection was established/;

interface Clue {
  code?: string;
  message: string;
}

function clues(error: unknown, depth = 0, out: Clue[] = []): Clue[] {
  if (depth > 6 || typeof error !== 'object' || error === null) return out;
  const record = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  out.push({
    ...(typeof record.code === 'string' ? { code: record.code } : {}),
    message: typeof record.message === 'string' ? record.message : '',
  });
  clues(record.cause, depth + 1, out);
  // Happy-eyeballs connects report one error per address tried.
  if (Array.isArray(record.errors)) for (const inner of record.errors) clues(inner, depth + 1, out);
  return out;
}

/**
 * Refusals fetch itself makes before it opens any connection: they say the account's address
 * cannot work as written, so trying again unchanged cannot help either. undici gives a port on
 * the fetch standard's blocked list (9, 25, 6000, …) only the message "bad port", with no code.
 */
const REFUSED_ADDRESS: { test: (clue: Clue) => boolean; reason: string }[] = [
  { test: (c) => c.message === 'bad port', reason: 'its address uses a port that web requests may not use (such as 9, 25 or 6000)' },
  { test: (c) => c.code === 'ERR_INVALID_URL' || /^Failed to parse URL/.test(c.message), reason: 'its address is not a valid URL' },
  { test: (c) => /^(?:unknown scheme|URL scheme must be a HTTP\(S\) scheme)$/.test(c.message), reason: 'its address does not start with https://' },
];

/** Why fetch refused to contact the vendor at this address at all, or undefined. */
export function refusedAddressReason(error: unknown): string | undefined {
  for (const clue of clues(error)) {
    const found = REFUSED_ADDRESS.find((entry) => entry.test(clue));
    if (found) return found.reason;
  }
  return undefined;
}

/** Why nothing reached the vendor, or undefined when the failure proves no such thing. */
export function beforeRequestReason(error: unknown): string | undefined {
  const refused = refusedAddressReason(error);
  if (refused) return refused;
  for (const clue of clues(error)) {
    const code = clue.code ?? '';
    const known = BEFORE_REQUEST[code];
    if (known) return known;
    if (TLS_CODE.test(code)) return 'a secure (TLS) connection could not be established';
    if (code === 'ECONNRESET' && TLS_HANDSHAKE_CLOSED.test(clue.message)) {
      return 'a secure (TLS) connection could not be established';
    }
  }
  return undefined;
}

/**
 * Turns a fetch rejection into a fresh ServiceError. The original error is deliberately dropped:
 * undici errors carry socket details and, for some failures, header values.
 */
export function classifyFetchError(provider: string, error: unknown, words: TransportWords = sendWords): ServiceError {
  const refused = refusedAddressReason(error);
  // Nothing left, and waiting will not change the address: fail now rather than retry forever.
  if (refused) return new ServiceError({ kind: 'validation', message: words.refusedAddress(provider, refused) });
  const reason = beforeRequestReason(error);
  if (reason) return new ServiceError({ kind: 'network', message: words.unreachable(provider, reason) });
  return new ServiceError({ kind: 'unknown_outcome', message: words.broke(provider) });
}

/** fetch with `redirect: 'error'` rejects this way when the vendor answers with a 3xx. */
export function isRedirectRefusal(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof Error && cause.message === 'unexpected redirect';
}
