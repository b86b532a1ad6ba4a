import { timeOfDay, weekdayDate } from '../../lib/when.js';

/**
 * Time left before an action's window closes, as a toast button says it: seconds for the
 * usual undo delay, minutes for longer ones, and the clock time once it is an hour or more
 * away ("until 14:05", "until Mon 09:00"), never a raw count like 3547.
 */
export function timeLeft(ms: number, until: number, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  const at = new Date(until);
  const time = timeOfDay(until);
  if (at.toDateString() === now.toDateString()) return `until ${time}`;
  return `until ${weekdayDate(until)} ${time}`;
}
