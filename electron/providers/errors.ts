import { redact, type VendorResponse } from './http.js';
import { ServiceError } from '../../shared/service-error.js';
import type { SendFailure, SendFailureKind } from '../../shared/outgoing.js';

/** What the vendor said about a failure, wherever in its body it said it. */
export interface VendorWords {
  message?: string;
  code?: string;
  fields?: { field: string; message: string }[];
}

type Json = Record<string, unknown>;

const MESSAGE_KEYS = ['message', 'detail', 'error_message', 'errorMessage', 'title', 'error_description'] as const;
const CODE_KEYS = ['code', 'type', 'error_code', 'errorCode'] as const;
const FIELD_LIST_KEYS = ['invalidFields', 'fields', 'details', 'errors', 'field_errors'] as const;
/** A bare `error: "invalid_key"` is a code; `error: "Invalid key"` is a sentence. */
const LOOKS_LIKE_CODE = /^[A-Za-z0-9_./:-]+$/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  // Some frameworks answer `message: ["to must be an email", ...]`.
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value.join('; ');
  if (typeof value === 'number') return String(value);
  return undefined;
}

function fieldsFrom(value: unknown): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isObject(item)) continue;
      const field = text(item.field) ?? text(item.path) ?? text(item.name) ?? text(item.param) ?? text(item.pointer);
      const message = text(item.message) ?? text(item.detail) ?? text(item.error) ?? text(item.reason);
      if (field && message) out.push({ field, message });
    }
  } else if (isObject(value)) {
    // `{ to: ["is required"], subject: "too long" }`
    for (const [field, raw] of Object.entries(value)) {
      const message = text(raw);
      if (message) out.push({ field, message });
    }
  }
  return out;
}

function wordsOf(node: Json): VendorWords {
  const words: VendorWords = {};
  for (const key of MESSAGE_KEYS) {
    const found = text(node[key]);
    if (found) {
      words.message = found;
      break;
    }
  }
  for (const key of CODE_KEYS) {
    const found = text(node[key]);
    if (found) {
      words.code = found;
      break;
    }
  }
  const bare = text(node.error);
  if (bare) {
    if (!words.code && LOOKS_LIKE_CODE.test(bare)) words.code = bare;
    else if (!words.message && !LOOKS_LIKE_CODE.test(bare)) words.message = bare;
  }
  for (const key of FIELD_LIST_KEYS) {
    const fields = fieldsFrom(node[key]);
    if (fields.length > 0) {
      words.fields = fields;
      break;
    }
  }
  return words;
}

/** Reads message, code and per-field errors from a vendor body, top level or under `error`. */
export function readVendorWords(json: unknown): VendorWords {
  if (!isObject(json)) return {};
  const top = wordsOf(json);
  const nested = isObject(json.error) ? wordsOf(json.error) : {};
  // The nested `error` object is the more specific one when both exist.
  const words: VendorWords = {};
  const message = nested.message ?? top.message;
  const code = nested.code ?? top.code;
  const fields = nested.fields ?? top.fields;
  if (message) words.message = message;
  if (code) words.code = code;
  if (fields) words.fields = fields;
  return words;
}

/**
 * Retry-After as delta seconds or an HTTP-date (RFC 9110 §10.2.3); failing that Rebilly's
 * Rate-Limit-Reset (an RFC 822 date), then X-RateLimit-Reset, which vendors send as epoch
 * seconds (the CRM gateway: its daily window resets at midnight UTC) or seconds to wait.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  // Rebilly's Rate-Limit-Reset is the moment the window resets, as an RFC 822 date.
  const resetDate = headers.get('rate-limit-reset')?.trim();
  if (resetDate && !/^\d+$/.test(resetDate)) {
    const at = Date.parse(resetDate);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  // Anchored, and the optional group starts with a literal dot: no backtracking blow-up.
  // eslint-disable-next-line security/detect-unsafe-regex
  if (reset && /^\d+(?:\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    if (value < 1e9) return Math.round(value * 1000);
    // Beyond 1e12 it can only be epoch milliseconds.
    const epochMs = value >= 1e12 ? value : value * 1000;
    return Math.max(0, Math.round(epochMs - now));
  }
  return undefined;
}

const QUOTE_LIMIT = 300;

function clean(value: string, secrets: string[], limit = QUOTE_LIMIT): string {
  // Control characters in a vendor's text would garble the message (or a log line) it lands in.
  // eslint-disable-next-line no-control-regex
  const flat = redact(value, secrets).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** The vendor's own words for the message, or a short plain description of a non-JSON body. */
export function vendorSays(res: VendorResponse, words: VendorWords, secrets: string[]): string {
  if (words.message) {
    const code = words.code ? ` (${clean(words.code, secrets, 80)})` : '';
    return `: "${clean(words.message, secrets)}"${code}`;
  }
  if (words.code) return ` (${clean(words.code, secrets, 80)})`;
  if (res.json === undefined && res.text.trim() !== '') {
    const type = res.headers.get('content-type') ?? '';
    if (/html/i.test(type) || /^\s*</.test(res.text)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(res.text)?.[1];
      const label = title ? ` ("${clean(title, secrets, 80)}")` : '';
      return ` with an HTML error page${label} instead of an API answer`;
    }
    return `: "${clean(res.text, secrets, 160)}"`;
  }
  return '';
}

export function kindFor(status: number): SendFailureKind {
  if (status === 401 || status === 403) return 'auth';
  if ([400, 404, 409, 413, 422].includes(status)) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status === 504) return 'unknown_outcome';
  return 'provider';
}

function wait(ms: number | undefined): string {
  if (ms === undefined) return 'Try again later.';
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `Try again in ${seconds} s.`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `Try again in ${minutes} min.` : `Try again in ${Math.ceil(minutes / 60)} h.`;
}

function sentence(provider: string, status: number, says: string, retryMs: number | undefined): string {
  switch (status) {
    case 401:
      return `${provider} did not accept the account's credentials${says}. Check the API key in the account settings.`;
    case 403:
      return `${provider} refused to send with this account${says}. Check that the key has permission to send email and the mailbox is connected.`;
    case 400:
    case 422:
      return `${provider} rejected the message${says}. Correct it and send again.`;
    case 404:
      return `${provider} could not find what the request refers to${says}. Check the account settings (and, for a reply, that the original email still exists).`;
    case 409:
      return `${provider} reported a conflict${says}. The message was not sent.`;
    case 413:
      return `${provider} refused the message as too large${says}. Remove or shrink attachments and send again.`;
    case 429:
      return `${provider} is limiting how fast this account can send${says}. ${wait(retryMs)}`;
    case 503:
      return `${provider} is temporarily unavailable${says}. ${wait(retryMs)}`;
    case 504:
      return `${provider} timed out while sending (HTTP 504)${says}; the email may or may not have been sent. Check the sent folder before sending again.`;
    default:
      if (status >= 500) return `${provider} had a problem on its side (HTTP ${status})${says}. Try again later.`;
      if (status >= 300 && status < 400) return `${provider} answered with a redirect (HTTP ${status}) instead of sending. Check the address in the account settings.`;
      return `${provider} refused the request (HTTP ${status})${says}.`;
  }
}

/** A normalized failure for a non-2xx vendor answer; adapters may adjust it afterwards. */
export function httpFailure(provider: string, res: VendorResponse, words: VendorWords, secrets: string[]): ServiceError {
  const status = res.status;
  const kind = kindFor(status);
  const retryMs = status === 429 || status === 503 ? retryAfterMs(res.headers) : undefined;
  const failure: SendFailure = {
    kind,
    message: sentence(provider, status, vendorSays(res, words, secrets), retryMs),
    status,
  };
  if (words.code) failure.vendorCode = clean(words.code, secrets, 120);
  if (retryMs !== undefined) failure.retryAfterMs = retryMs;
  if (words.fields && words.fields.length > 0) {
    failure.fields = words.fields.map((f) => ({ field: clean(f.field, secrets, 120), message: clean(f.message, secrets) }));
  }
  return new ServiceError(failure);
}
