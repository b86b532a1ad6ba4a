import { ServiceError } from '../../shared/service-error.js';
import { classifyFetchError, isRedirectRefusal } from './net-errors.js';
import { formatDuration, sendWords, type TransportWords } from './transport-words.js';
import { countedBody, type UploadProgress } from './upload-progress.js';

export { redact } from './redact.js';
export { formatDuration };

export interface VendorRequest {
  /** Display name, used in messages. */
  provider: string;
  url: string;
  /** POST unless said otherwise; GET and DELETE carry no body. */
  method?: 'POST' | 'PATCH' | 'GET' | 'DELETE';
  headers: Record<string, string>;
  body?: string | FormData;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Values that must never appear in any error. */
  secrets: string[];
  /** Told the bytes of the body sent so far; the body is then streamed with its exact Content-Length. */
  onProgress?: UploadProgress;
  /** How transport failures are said: a send's wording unless this is a read that sends nothing. */
  words?: TransportWords;
}

export interface VendorResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Undefined when the body is not JSON. */
  json: unknown;
}

/** Vendor answers are small; a runaway body must not fill main's memory. */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** 127.0.0.0/8, localhost and [::1]: the only places a secret may travel unencrypted. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}


function checkTransport(req: VendorRequest): URL {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new ServiceError({ kind: 'validation', message: `The ${req.provider} address in the account settings is not a valid URL.` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ServiceError({ kind: 'validation', message: `The ${req.provider} address must start with https://.` });
  }
  if (url.username !== '' || url.password !== '') {
    throw new ServiceError({ kind: 'validation', message: `The ${req.provider} address must not contain a user name or password; put the key in the account's key field.` });
  }
  const hasSecret = req.secrets.some((s) => s.length > 0);
  if (hasSecret && url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ServiceError({
      kind: 'validation',
      message: `${req.provider} requires HTTPS: the account's address starts with http://, which would send the key unencrypted. Change it to https://.`,
    });
  }
  return url;
}

async function readBody(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_RESPONSE_BYTES) {
      // The cut text will not parse as JSON, which callers treat as an unreadable answer.
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function cancelled(provider: string, words: TransportWords): ServiceError {
  return new ServiceError({ kind: 'cancelled', message: words.cancelled(provider) });
}

function timedOut(provider: string, timeoutMs: number, words: TransportWords): ServiceError {
  return new ServiceError({ kind: 'unknown_outcome', message: words.timedOut(provider, timeoutMs) });
}

/**
 * One request to a vendor (a POST unless `method` says otherwise). HTTP statuses come back as a response for the adapter to judge; only
 * transport failures throw, each as a fresh ServiceError so that nothing from the request (headers,
 * query, key) can ride along in a `cause`.
 */
export async function callVendor(req: VendorRequest): Promise<VendorResponse> {
  checkTransport(req);
  const words = req.words ?? sendWords;
  if (req.signal?.aborted) throw cancelled(req.provider, words);

  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(req.headers)) headers.set(name, value);
  } catch {
    // The header API's own message quotes the offending value, which may be the key.
    throw new ServiceError({
      kind: 'validation',
      message: `${req.provider} cannot be contacted with these account settings: the key or another setting contains characters that cannot be sent. Re-enter the key.`,
    });
  }
  const method = req.method ?? 'POST';
  if (typeof req.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (!headers.has('accept')) headers.set('accept', 'application/json');

  const onAbort = (): ServiceError => (req.signal?.aborted ? cancelled(req.provider, words) : timedOut(req.provider, req.timeoutMs, words));

  let body: string | FormData | ReadableStream<Uint8Array> | undefined = req.body;
  if (req.onProgress && req.body !== undefined) {
    try {
      const counted = await countedBody(req.body, req.onProgress);
      body = counted.body;
      headers.set('content-length', String(counted.length));
      if (counted.contentType && !headers.has('content-type')) headers.set('content-type', counted.contentType);
    } catch {
      // Measuring reads the attachment files; one that vanished since it was checked stops here, before anything is sent.
      throw new ServiceError({ kind: 'validation', message: words.unreadableBody(req.provider) });
    }
  }

  let res: Response;
  try {
    // Never follow a redirect: that would replay the key to wherever Location points. 'error'
    // rather than 'manual', because undici keeps a second copy of a streamed body for a manual
    // redirect, holding a whole attachment in memory.
    res = await fetch(req.url, { method, headers, ...(body === undefined ? {} : { body }), signal, redirect: 'error', ...(req.onProgress ? { duplex: 'half' as const } : {}) });
  } catch (error) {
    if (signal.aborted) throw onAbort();
    if (isRedirectRefusal(error)) {
      throw new ServiceError({ kind: 'provider', message: words.redirected(req.provider) });
    }
    throw classifyFetchError(req.provider, error, words);
  }

  let text: string;
  try {
    text = await readBody(res);
  } catch {
    if (signal.aborted) throw onAbort();
    throw new ServiceError({ kind: 'unknown_outcome', message: words.brokeMidAnswer(req.provider), status: res.status });
  }
  return { status: res.status, headers: res.headers, text, json: parseJson(text) };
}
