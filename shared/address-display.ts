import type { Address } from './address.js';
import { revealBidi } from './inert-text.js';

/** Letters and digits only, accents dropped, lower case, one space between words. */
function letters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `@` and the look-alikes a name could use to pass for an address. */
const AT_SIGNS = /[@\uFF20\uFE6B]/u;

/**
 * Whether a display name may stand for its address on its own: it holds no @ and one of its
 * words (or its initials) appears in the address, as "Ann Lee" does in ann.lee@x.io or
 * "PayPal" in service@paypal.com. "support@bank.com" or "Your bank" in front of
 * attacker@evil.com does not, so the address is shown beside it.
 */
export function nameFitsAddress(name: string, email: string): boolean {
  if (AT_SIGNS.test(name)) return false;
  const at = email.lastIndexOf('@');
  const local = letters(email.slice(0, at)).replace(/ /g, '');
  const domain = letters(email.slice(at + 1)).split(' ');
  const words = letters(name).split(' ').filter((word) => word.length >= 2);
  if (words.some((word) => local.includes(word) || domain.slice(0, -1).includes(word))) return true;
  const initials = letters(name)
    .split(' ')
    .map((word) => word.charAt(0))
    .join('');
  return initials.length >= 2 && local.startsWith(initials);
}

/** What a recipient chip shows: the name (or the address alone), and the address beside any name that does not fit it. */
export interface RecipientLabel {
  text: string;
  /** Shown beside the name; null when the name fits the address or there is no name. */
  address: string | null;
}

/** Direction controls in either part are shown as tokens, never obeyed. */
export function recipientLabel(address: Address): RecipientLabel {
  const name = address.name?.trim();
  if (!name) return { text: revealBidi(address.email), address: null };
  return { text: revealBidi(name), address: nameFitsAddress(name, address.email) ? null : revealBidi(address.email) };
}
