import { parseRecipients, type Address, type RecipientField } from '../../../../shared/address.js';

/** One chip of a To/Cc/Bcc field: what was typed, and either the address or why it is not one. */
export interface Chip {
  id: string;
  raw: string;
  address: Address | null;
  error: string | null;
}

export type { RecipientField };
export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];
export type RecipientLists = Record<RecipientField, Chip[]>;

let nextId = 0;
function chipId(): string {
  nextId += 1;
  return `chip-${nextId}`;
}

/** Chips for what was typed or pasted: `Ann <ann@x.io>, bob@y.org; "Lee, C" <c@z.com>` gives three. */
export function chipsFrom(input: string): Chip[] {
  return parseRecipients(input).map((entry) => ({ id: chipId(), raw: entry.raw, address: entry.address, error: entry.error }));
}

/** A chip for a known-good address (a draft, a reply, autocomplete). */
export function chipFor(address: Address): Chip {
  return { id: chipId(), raw: address.name ? `${address.name} <${address.email}>` : address.email, address, error: null };
}

/**
 * Adds chips to one field, dropping any address already present in To, Cc or Bcc, so a
 * person sees each recipient once. Returns the lists and the addresses that were merged.
 */
export function addChips(lists: RecipientLists, field: RecipientField, chips: Chip[]): { lists: RecipientLists; merged: string[] } {
  const seen = new Set<string>();
  for (const name of RECIPIENT_FIELDS) for (const chip of lists[name]) if (chip.address) seen.add(chip.address.email.toLowerCase());
  const merged: string[] = [];
  const kept: Chip[] = [];
  for (const chip of chips) {
    const key = chip.address?.email.toLowerCase();
    if (key && seen.has(key)) {
      merged.push(chip.address?.email ?? '');
      continue;
    }
    if (key) seen.add(key);
    kept.push(chip);
  }
  return { lists: { ...lists, [field]: [...lists[field], ...kept] }, merged };
}

export function removeChip(lists: RecipientLists, field: RecipientField, id: string): RecipientLists {
  return { ...lists, [field]: lists[field].filter((chip) => chip.id !== id) };
}

/** The valid addresses of a field, for the message. */
export function addressesOf(chips: Chip[]): Address[] {
  return chips.flatMap((chip) => (chip.address ? [chip.address] : []));
}

export function invalidChips(lists: RecipientLists): Chip[] {
  return RECIPIENT_FIELDS.flatMap((field) => lists[field].filter((chip) => chip.error !== null));
}
