import { z } from 'zod';

/**
 * A deliberately practical address check: one @, a dot-atom or quoted local part, and a
 * domain of letters/digits/hyphens with at least one dot. Vendors reject far less, but
 * catching typos before Send is what the user notices.
 */
// The alternatives are disjoint and the input is capped at 64 characters before matching.
// eslint-disable-next-line security/detect-unsafe-regex
const LOCAL = /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[^"\\\r\n]|\\.)+")$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export function isValidEmail(email: string): boolean {
  if (email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

export const emailSchema = z.string().trim().refine(isValidEmail, { message: 'is not a valid email address' });

/** One mailbox: `{ name?, email }`. */
export const addressSchema = z.object({
  name: z.string().trim().max(200).optional(),
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

/** Parses `Ann <ann@x.io>`, `"Doe, Jane" <jane@x.io>` or a bare address; null when it is not one. */
export function parseAddress(input: string): Address | null {
  const trimmed = input.trim();
  const angle = /^(.*)<([^<>]+)>$/.exec(trimmed);
  if (angle) {
    const email = (angle[2] ?? '').trim();
    let name = (angle[1] ?? '').trim();
    if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
      name = name.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    if (!isValidEmail(email)) return null;
    return name ? { name, email } : { email };
  }
  return isValidEmail(trimmed) ? { email: trimmed } : null;
}
