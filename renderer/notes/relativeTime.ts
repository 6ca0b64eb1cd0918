/**
 * "just now", "5 min. ago", "yesterday", or a date: how a notes list says when a note last changed.
 *
 * Written out in English, like the rest of the interface, rather than with Intl: the first Intl
 * formatter a page creates loads the locale data, about 60 ms of the window's start on this machine,
 * and the notes list is on the first screen. The exact time (a tooltip) uses Intl, on demand.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Describes `iso` relative to `now` (both read in the local time zone). */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const ago = now - then;
  // Clocks of the host and the page can differ slightly; a few seconds in the future is still "now".
  if (ago < 45_000) return 'just now';
  if (ago < HOUR) return `${Math.round(ago / MINUTE)} min. ago`;
  if (ago < DAY) return `${Math.round(ago / HOUR)} hr. ago`;
  const days = Math.round(ago / DAY);
  if (ago < 7 * DAY) return days === 1 ? 'yesterday' : `${days} days ago`;
  const date = new Date(then);
  const day = `${MONTHS[date.getMonth()]} ${date.getDate()}`;
  return date.getFullYear() === new Date(now).getFullYear() ? day : `${day}, ${date.getFullYear()}`;
}

/** `n` with thousands separated by commas (1,234), without loading Intl's locale data. */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// Creating an Intl formatter costs far more than formatting with one: rows reuse them.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (found === undefined) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** The date and time of `iso` in full, in the user's locale (a tooltip); '' when it is not a date. */
export function exactTime(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  return formatter(
    `exact:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(then);
}

/** The day of `iso` in the user's locale; `iso` itself when it is not a date. */
export function shortDate(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  return formatter(`day:${locale}`, () => new Intl.DateTimeFormat(locale)).format(then);
}
