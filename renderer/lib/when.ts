/**
 * The one way the window writes a moment: in the person's own locale and time zone.
 * Each shape keeps one Intl.DateTimeFormat: `toLocale…String` with options builds a new one
 * on every call, which cost a quarter of the start with 500 drafts listed.
 */

const formats = {
  time: new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' }),
  day: new Intl.DateTimeFormat([], { month: 'short', day: 'numeric' }),
  weekday: new Intl.DateTimeFormat([], { weekday: 'short', month: 'short', day: 'numeric' }),
  date: new Intl.DateTimeFormat([], { year: 'numeric', month: 'short', day: 'numeric' }),
  long: new Intl.DateTimeFormat([], { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
  dayTime: new Intl.DateTimeFormat([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
  dayTimeSeconds: new Intl.DateTimeFormat([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
};

const sameDay = (a: Date, b: Date) => a.getDate() === b.getDate() && a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear();

/** "14:05". */
export function timeOfDay(at: number): string {
  return formats.time.format(at);
}

/** "Mon, Dec 7": a day this week or next, without its time. */
export function weekdayDate(at: number): string {
  return formats.weekday.format(at);
}

/** For a row in a list. Today: the time; this year: the day; older: the date with its year. */
export function shortWhen(at: number, now: Date = new Date()): string {
  const date = new Date(at);
  if (sameDay(date, now)) return formats.time.format(date);
  if (date.getFullYear() === now.getFullYear()) return formats.day.format(date);
  return formats.date.format(date);
}

/** For a message shown whole: weekday, date and time. */
export function longWhen(at: number): string {
  return formats.long.format(at);
}

/** "Dec 6, 14:05", with seconds where moments a few seconds apart must differ (draft versions). */
export function dayAndTime(at: number, options: { seconds?: boolean } = {}): string {
  return (options.seconds ? formats.dayTimeSeconds : formats.dayTime).format(at);
}
