import { parseRecipients, type Address } from './address.js';
import { oneLine } from './inert-text.js';

/** The composer fields a `mailto:` link fills. */
export interface MailtoFields {
  to: Address[];
  cc: Address[];
  bcc: Address[];
  subject: string;
  body: string;
  /** Addresses in the link that are not addresses, as written, so the composer can show them. */
  invalid: string[];
}

export type MailtoResult = { ok: true; value: MailtoFields } | { ok: false; reason: string };

/** Links longer than this are refused rather than parsed: no real link is that long, a hostile one might be. */
const MAX_LENGTH = 256 * 1024;

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function addAddresses(target: Address[], invalid: string[], list: string): void {
  for (const entry of parseRecipients(list)) {
    if (entry.address) target.push(entry.address);
    else invalid.push(entry.raw);
  }
}

/**
 * Parses a `mailto:` link per RFC 6068: addresses in the path and in `to=`, `cc=`, `bcc=`
 * (several, comma-separated, percent-encoded UTF-8), `subject=` and `body=` (CRLF becomes a
 * new line). Header names are case-insensitive; other headers (`in-reply-to`, `references`,
 * anything unknown) are ignored on purpose, so a link cannot thread a message into a
 * conversation. `+` stays a plus (plus-addressing), unlike in form encoding.
 * Never throws: a link it cannot read answers `ok: false` with the reason.
 */
export function parseMailto(url: string): MailtoResult {
  if (typeof url !== 'string') return { ok: false, reason: 'The link is not text.' };
  const trimmed = url.trim();
  if (trimmed.length > MAX_LENGTH) return { ok: false, reason: 'The mailto link is too long to open.' };
  if (!/^mailto:/i.test(trimmed)) return { ok: false, reason: 'The link does not start with mailto:, so it is not an email link.' };
  // Some generators write `mailto://`; the fragment is never part of the message.
  const rest = trimmed.slice('mailto:'.length).replace(/^\/\//, '').replace(/#.*$/s, '');
  const query = rest.indexOf('?');
  const path = query >= 0 ? rest.slice(0, query) : rest;
  const fields: MailtoFields = { to: [], cc: [], bcc: [], subject: '', body: '', invalid: [] };
  let subject: string | undefined;
  let body: string | undefined;

  const pathText = decode(path);
  if (pathText === null) return { ok: false, reason: brokenEscape('address') };
  addAddresses(fields.to, fields.invalid, pathText);

  const pairs = query >= 0 ? rest.slice(query + 1).split('&') : [];
  for (const pair of pairs) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq >= 0 ? pair.slice(0, eq) : pair);
    const value = decode(eq >= 0 ? pair.slice(eq + 1) : '');
    if (name === null || value === null) return { ok: false, reason: brokenEscape(name ?? 'header') };
    switch (name.trim().toLowerCase()) {
      case 'to':
        addAddresses(fields.to, fields.invalid, value);
        break;
      case 'cc':
        addAddresses(fields.cc, fields.invalid, value);
        break;
      case 'bcc':
        addAddresses(fields.bcc, fields.invalid, value);
        break;
      case 'subject':
        // A subject is one line: a line break in it would be a header injection.
        subject ??= oneLine(value).trim();
        break;
      case 'body':
        body ??= value.replace(/\r\n?/g, '\n');
        break;
      default:
        // in-reply-to, references, unknown or hostile headers: ignored, never applied.
        break;
    }
  }
  fields.subject = subject ?? '';
  fields.body = body ?? '';
  return { ok: true, value: fields };
}

function brokenEscape(where: string): string {
  return `The mailto link has a broken %-escape in its ${where}, so it cannot be read; ask the sender for a working link.`;
}
