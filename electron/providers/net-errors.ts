import { ServiceError } from '../../shared/service-error.js';

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

/** Why nothing reached the vendor, or undefined when the failure proves no such thing. */
export function beforeRequestReason(error: unknown): string | undefined {
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
export function classifyFetchError(provider: string, error: unknown): ServiceError {
  const reason = beforeRequestReason(error);
  if (reason) {
    return new ServiceError({
      kind: 'network',
      message: `Could not reach ${provider}: ${reason}. The email was not sent; check the internet connection and the account's address, then try again.`,
    });
  }
  return new ServiceError({
    kind: 'unknown_outcome',
    message: `The connection to ${provider} broke before it answered; the email may or may not have been sent. Check the sent folder before sending again.`,
  });
}

/** fetch with `redirect: 'error'` rejects this way when the vendor answers with a 3xx. */
export function isRedirectRefusal(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof Error && cause.message === 'unexpected redirect';
}
