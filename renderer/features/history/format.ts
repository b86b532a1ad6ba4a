import type { HistoryAddress } from '../../../shared/history.js';
import { revealBidi } from '../../../shared/inert-text.js';
import { recipientLabel } from '../../../shared/address-display.js';

/** The name, or the address; a name that could pass for another address keeps its address beside it. */
export function addressLabel(address: HistoryAddress): string {
  const label = recipientLabel(address);
  return label.address ? `${label.text} <${label.address}>` : label.text;
}

export function fullAddress(address: HistoryAddress): string {
  return revealBidi(address.name ? `${address.name} <${address.email}>` : address.email);
}

/** "Ann, Bob and 3 more": a thread's people in the width of a row. */
export function participantsLabel(people: HistoryAddress[], shown = 3): string {
  if (people.length === 0) return 'No recipients';
  const names = people.slice(0, shown).map(addressLabel);
  return people.length > shown ? `${names.join(', ')} and ${people.length - shown} more` : names.join(', ');
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
