import emailAddresses from 'email-addresses';
import { z } from 'zod';
import { addressSpecProblem, describeInvalidEntry } from './address-check.js';
import { splitAddressList } from './address-list.js';
import { hasLineBreak } from './inert-text.js';

type ParsedMailbox = emailAddresses.ParsedMailbox;

/** Display names longer than this are refused (the vendors cut or reject them). */
const MAX_NAME = 200;
/** A name, an address and their punctuation fit in this; longer input is refused before the parser, which backtracks on it. */
const MAX_ENTRY = 600;

/** RFC 5322 mailbox through the email-addresses parser; UTF-8 (RFC 6532) so IDN domains and local parts pass. */
function parseMailbox(input: string): ParsedMailbox | null {
  try {
    const parsed = emailAddresses.parseOneAddress({ input, rfc6532: true });
    return parsed && parsed.type === 'mailbox' ? parsed : null;
  } catch {
    // The parser is generated code; a crash on odd input must read as "not an address", never escape.
    return null;
  }
}

/** `local@domain` as written: a quoted local part keeps its quotes (the parser's `local` drops them). */
function specOf(mailbox: ParsedMailbox): string {
  const localTokens = mailbox.parts.local.tokens.trim();
  const local = localTokens.startsWith('"') ? localTokens : mailbox.local;
  return `${local}@${mailbox.domain}`;
}

/** Whitespace the parser tolerates as CFWS (`ann @ x.io`) is almost always a typo. */
function hasLooseSpace(mailbox: ParsedMailbox): boolean {
  const text = mailbox.parts.address.tokens
    .replace(/\([^()]*\)/g, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .trim();
  return /\s/.test(text);
}

/**
 * True when `email` is one bare address (no display name, no comment) that the RFC 5322
 * parser accepts and whose domain is a real host name (dotted, letters/digits/hyphens in
 * any script; no IP literals, which no vendor takes).
 */
export function isValidEmail(email: string): boolean {
  const known = verdicts.get(email);
  if (known !== undefined) return known;
  const valid = addressSpecProblem(email) === null && (isPlainAddress(email) || isBareMailbox(email));
  // The same few addresses are checked on every keystroke and every send; the parser is the slow part.
  if (verdicts.size >= MAX_REMEMBERED) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(email, valid);
  return valid;
}

const MAX_REMEMBERED = 1_000;
const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const HOST_LABEL = /^[A-Za-z0-9-]+$/;

/**
 * A dot-atom local part at an ASCII host: what nearly every address is, and always a bare
 * RFC 5322 mailbox, so the parser (some 60 µs an address, most of an adapter's own cost per
 * send) is asked only about the rest. shared/address.test.ts holds the two to agreeing.
 */
export function isPlainAddress(email: string): boolean {
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return false;
  return email.slice(0, at).split('.').every((atom) => ATOM.test(atom)) && email.slice(at + 1).split('.').every((label) => HOST_LABEL.test(label));
}
const verdicts = new Map<string, boolean>();

/** True when the RFC 5322 parser reads `email` as one mailbox without a name, exactly as written. */
export function isBareMailbox(email: string): boolean {
  const mailbox = parseMailbox(email);
  return mailbox !== null && mailbox.name === null && specOf(mailbox) === email;
}

export const emailSchema = z.string().trim().refine(isValidEmail, { message: 'is not a valid email address' });

/** One mailbox: `{ name?, email }`. */
export const addressSchema = z.object({
  name: z.string().trim().max(MAX_NAME).optional(),
  email: emailSchema,
});
export type Address = z.infer<typeof addressSchema>;

/** `Ann <ann@x.io>` or `ann@x.io`, quoting a display name that needs it (RFC 5322 §3.4). */
export function formatAddress(address: Address): string {
  if (!address.name) return address.email;
  const needsQuotes = /[()<>[\]:;@\\,."]/.test(address.name);
  const name = needsQuotes ? `"${address.name.replace(/(["\\])/g, '\\$1')}"` : address.name;
  return `${name} <${address.email}>`;
}

/** One entry of a recipient list: the text the user typed and either the address or the reason it is not one. */
export interface RecipientEntry {
  raw: string;
  address: Address | null;
  /** Phrased to follow the raw text: `"ann@x" has no domain ending such as .com`. */
  error: string | null;
}

/** Why an entry holding a line break is refused: a second header line could add recipients. */
function lineBreakReason(raw: string): string {
  const header = /[\r\n\v\f\u0085\u2028\u2029]\s*([A-Za-z][A-Za-z0-9-]*)\s*:/u.exec(raw);
  return header ? `holds a line break and a second header (${header[1]}:), which could add recipients you did not type` : 'holds a line break; an address is one line';
}

function parseEntry(raw: string): RecipientEntry {
  if (raw.length > MAX_ENTRY) return { raw, address: null, error: 'is too long to be an email address' };
  if (hasLineBreak(raw)) return { raw, address: null, error: lineBreakReason(raw) };
  // What nearly every entry is, and what the parser would read as exactly itself: the parser (compiled on its first call, some 10 ms when a draft opens at start) is left for the rest.
  if (isPlainAddress(raw)) {
    const problem = addressSpecProblem(raw);
    return problem ? { raw, address: null, error: problem } : { raw, address: { email: raw }, error: null };
  }
  const mailbox = parseMailbox(raw);
  if (!mailbox) return { raw, address: null, error: describeInvalidEntry(raw) };
  const email = specOf(mailbox);
  const problem = hasLooseSpace(mailbox) ? 'has a space in it' : addressSpecProblem(email);
  if (problem) return { raw, address: null, error: problem };
  // What was typed becomes exactly that address or nothing: `alert(1)@x.io` is not alert@x.io.
  if (!raw.includes(email)) {
    const reason = raw.includes('(') ? 'has text in ( ) inside the address, which mail would drop' : 'is not written as one address';
    return { raw, address: null, error: `${reason} and send to ${email} instead` };
  }
  // `ann@x.io (Ann Lee)` is the old way of naming someone; keep the comment as the name.
  const comment = mailbox.parts.comments.map((c) => c.tokens.trim()).find((c) => c.length > 2);
  const name = (mailbox.name ?? (comment ? comment.slice(1, -1) : '')).trim();
  if (name.length > MAX_NAME) return { raw, address: null, error: `has a name longer than ${MAX_NAME} characters` };
  return { raw, address: name ? { name, email } : { email }, error: null };
}

/** Parses `Ann <ann@x.io>`, `"Doe, Jane" <jane@x.io>` or a bare address; null when it is not exactly one. */
export function parseAddress(input: string): Address | null {
  const raw = input.trim();
  if (!raw) return null;
  return parseEntry(raw).address;
}

/**
 * Splits a typed or pasted list (`Ann <ann@x.io>, bob@y.org; "Lee, C" <c@z.com>`) into
 * entries, each with its address or a human reason. Commas and semicolons separate except
 * inside quotes, `<...>` and comments; a group (`Team: a@x.io, b@y.io;`) expands to its
 * members; a piece that is only addresses separated by spaces or new lines (a pasted
 * column) is split on them. Order is kept; nothing typed is dropped.
 */
export function parseRecipients(input: string): RecipientEntry[] {
  const entries: RecipientEntry[] = [];
  for (const piece of splitAddressList(input)) {
    const entry = parseEntry(piece.raw);
    const words = piece.raw.split(/\s+/);
    if (entry.error && words.length > 1 && words.every(isValidEmail)) {
      for (const email of words) entries.push({ raw: email, address: { email }, error: null });
    } else {
      entries.push(entry);
    }
  }
  return entries;
}

/** The three recipient fields of a message. */
export type RecipientField = 'to' | 'cc' | 'bcc';
