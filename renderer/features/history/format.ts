import type { HistoryAddress, HistoryStatus } from '../../../shared/history.js';

export const STATUS_LABEL: Record<HistoryStatus, string> = { sent: 'Sent', failed: 'Failed', unknown_outcome: 'Unknown outcome' };

export function addressLabel(address: HistoryAddress): string {
  return address.name ? address.name : address.email;
}

export function fullAddress(address: HistoryAddress): string {
  return address.name ? `${address.name} <${address.email}>` : address.email;
}

/** "Ann, Bob and 3 more": a thread's people in the width of a row. */
export function participantsLabel(people: HistoryAddress[], shown = 3): string {
  if (people.length === 0) return 'No recipients';
  const names = people.slice(0, shown).map(addressLabel);
  return people.length > shown ? `${names.join(', ')} and ${people.length - shown} more` : names.join(', ');
}

/** Today: the time; this year: the day; older: the date with its year. */
export function shortWhen(at: number, now: Date = new Date()): string {
  const date = new Date(at);
  if (date.toDateString() === now.toDateString()) return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (date.getFullYear() === now.getFullYear()) return date.toLocaleDateString([], { month: 'short', day: 'numeric' });
  return date.toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });
}

export function longWhen(at: number): string {
  return new Date(at).toLocaleString([], { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
