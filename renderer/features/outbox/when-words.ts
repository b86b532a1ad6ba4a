import { dayAndTime, timeOfDay } from '../../lib/when.js';

/** "14:05", or "6 Dec, 14:05" when not today: a time a person reads at a glance. */
export function clockTime(at: number, now = Date.now()): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? timeOfDay(at) : dayAndTime(at);
}

/** "in less than a minute", "in 4 minutes", "in 2 hours", "in 3 days". */
export function fromNow(at: number, now = Date.now()): string {
  const minutes = Math.round((at - now) / 60_000);
  if (minutes < 1) return 'in less than a minute';
  if (minutes < 90) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in ${hours} hours`;
  return `in ${Math.round(hours / 24)} days`;
}
