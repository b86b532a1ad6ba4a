/**
 * The one way the window writes a moment: in the person's own locale and time zone.
 * Each shape keeps one Intl.DateTimeFormat: `toLocale…String` with options builds a new one
 * on every call, which cost a quarter of the start with 500 drafts listed. Each is made the
 * first time it is needed: making all seven as the window loaded took ~14 ms of its start.
 */
const shapes = {
  time: { hour: '2-digit', minute: '2-digit' },
  day: { month: 'short', day: 'numeric' },
  weekday: { weekday: 'short', month: 'short', day: 'numeric' },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  dayTime: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  dayTimeSeconds: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Shape = keyof typeof shapes;
const made = new Map<Shape, Intl.DateTimeFormat>();

function format(shape: Shape, at: number | Date): string {
  let formatter = made.get(shape);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat([], shapes[shape]);
    made.set(shape, formatter);
  }
  return formatter.format(at);
}

const sameDay = (a: Date, b: Date) => a.getDate() === b.getDate() && a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear();

/** "14:05". */
export function timeOfDay(at: number): string {
  return format('time', at);
}

/** "Mon, Dec 7": a day this week or next, without its time. */
export function weekdayDate(at: number): string {
  return format('weekday', at);
}

/** For a row in a list. Today: the time; this year: the day; older: the date with its year. */
export function shortWhen(at: number, now: Date = new Date()): string {
  const date = new Date(at);
  if (sameDay(date, now)) return format('time', date);
  if (date.getFullYear() === now.getFullYear()) return format('day', date);
  return format('date', date);
}

/** For a message shown whole: weekday, date and time. */
export function longWhen(at: number): string {
  return format('long', at);
}

/** "Dec 6, 14:05", with seconds where moments a few seconds apart must differ (draft versions). */
export function dayAndTime(at: number, options: { seconds?: boolean } = {}): string {
  return format(options.seconds ? 'dayTimeSeconds' : 'dayTime', at);
}
