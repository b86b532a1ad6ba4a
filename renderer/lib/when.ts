/** The one way the window writes a moment: in the person's own locale and time zone. */

/** "14:05". */
export function timeOfDay(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "Mon, Dec 7": a day this week or next, without its time. */
export function weekdayDate(at: number): string {
  return new Date(at).toLocaleDateString([], { weekday: 'short', month: 'short', day: 'numeric' });
}

/** For a row in a list. Today: the time; this year: the day; older: the date with its year. */
export function shortWhen(at: number, now: Date = new Date()): string {
  const date = new Date(at);
  if (date.toDateString() === now.toDateString()) return timeOfDay(at);
  if (date.getFullYear() === now.getFullYear()) return date.toLocaleDateString([], { month: 'short', day: 'numeric' });
  return date.toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });
}

/** For a message shown whole: weekday, date and time. */
export function longWhen(at: number): string {
  return new Date(at).toLocaleString([], { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "Dec 6, 14:05", with seconds where moments a few seconds apart must differ (draft versions). */
export function dayAndTime(at: number, options: { seconds?: boolean } = {}): string {
  return new Date(at).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', ...(options.seconds ? { second: '2-digit' } : {}) });
}
