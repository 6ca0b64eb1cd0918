/** "just now", "5 min ago", "yesterday", or a date: how a notes list says when a note last changed. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Creating an Intl formatter costs far more than formatting with one: a list of notes reuses them.
const formatters = new Map<string, { format(value: never, unit?: never): string }>();
function formatter<T extends { format(...args: never[]): string }>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (found === undefined) {
    found = make();
    formatters.set(key, found as never);
  }
  return found;
}

/** Describes `iso` relative to `now` in the user's language. */
export function relativeTime(iso: string, now: number, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const ago = now - then;
  // Clocks of the host and the page can differ slightly; a few seconds in the future is still "now".
  if (ago < 45_000) return 'just now';
  const rtf = formatter(
    `rtf:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
  );
  if (ago < HOUR) return rtf.format(-Math.round(ago / MINUTE), 'minute');
  if (ago < DAY) return rtf.format(-Math.round(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return rtf.format(-Math.round(ago / DAY), 'day');
  const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
  return formatter(
    `dtf:${locale}:${sameYear}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        ...(sameYear ? {} : { year: 'numeric' }),
      }),
  ).format(then);
}
