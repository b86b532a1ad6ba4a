/** The one way the window writes a moment: in the person's own locale and time zone. */

// Making a formatter costs about 0.1 ms (toLocaleDateString with options makes one per call) and
// a list writes dozens of dates as it scrolls: each kind is made once and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatted(at: number, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat([], options);
    formatters.set(key, formatter);
  }
  return formatter.format(at);
}

/** "14:05". */
export function timeOfDay(at: number): string {
  return formatted(at, { hour: '2-digit', minute: '2-digit' });
}

/** For a row in a list. Today: the time; this year: the day; older: the date with its year. */
export function shortWhen(at: number, now: Date = new Date()): string {
  const date = new Date(at);
  if (date.toDateString() === now.toDateString()) return timeOfDay(at);
  if (date.getFullYear() === now.getFullYear()) return formatted(at, { month: 'short', day: 'numeric' });
  return formatted(at, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** For a message shown whole: weekday, date and time. */
export function longWhen(at: number): string {
  return formatted(at, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "Dec 6, 14:05", with seconds where moments a few seconds apart must differ (draft versions). */
export function dayAndTime(at: number, options: { seconds?: boolean } = {}): string {
  return formatted(at, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', ...(options.seconds ? { second: '2-digit' } : {}) });
}
