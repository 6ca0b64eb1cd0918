/**
 * Dates as people read them: TimeML values (`2025-03-13`, `2025-03`, `2024-SU`, `2013-W11`) and
 * YYYY-MM-DD days in words, and days as UTC milliseconds for the time axis. Always UTC: a day is a
 * calendar day, never shifted by the viewer's time zone.
 */
import type { DatePrecision } from '../../shared/areas/analysis';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SEASONS: Record<string, string> = {
  SP: 'Spring',
  SU: 'Summer',
  FA: 'Autumn',
  AU: 'Autumn',
  WI: 'Winter',
};

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** UTC midnight of a YYYY-MM-DD day (or of the first day of YYYY-MM / YYYY), NaN when unreadable. */
export function dayToMs(day: string): number {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(day);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), match[2] ? Number(match[2]) - 1 : 0, match[3] ? Number(match[3]) : 1);
}

/** The YYYY-MM-DD day of a UTC timestamp. */
export function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "13 March 2025" for a YYYY-MM-DD day (or a date-time); the input itself when unreadable. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** A TimeML date value in words at its precision: "13 March 2025", "March 2025", "Summer 2024". */
export function formatEventDate(value: string | null, precision?: DatePrecision | null): string {
  if (!value) return 'Date unknown';
  if (value === 'PRESENT_REF') return 'Now';
  if (value === 'PAST_REF') return 'In the past';
  if (value === 'FUTURE_REF') return 'In the future';
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) return formatDay(value);
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) return `${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
  match = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (match) return `${SEASONS[match[2]!]} ${match[1]}`;
  match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (match) return `Week ${Number(match[2])}, ${match[1]}`;
  match = /^(\d{4})-Q(\d)$/.exec(value);
  if (match) return `Q${match[2]} ${match[1]}`;
  if (/^\d{4}$/.test(value)) return value;
  return precision === 'fuzzy' ? `around ${value}` : value;
}

/** The month-and-year heading a day falls under ("March 2025"). */
export function monthHeading(day: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(day);
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : 'Date unknown';
}

/** Short month names, for axis ticks. */
export function shortMonth(monthIndex: number): string {
  return MONTHS[monthIndex]!.slice(0, 3);
}

/** A time axis item's date in words from its first and last day and its precision. */
export function formatRange(start: string, end: string, precision: DatePrecision): string {
  if (precision === 'day' || start === end) return formatDay(start);
  if (precision === 'month') return monthHeading(start);
  if (precision === 'year') return start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  if (precision === 'season') {
    const season =
      month >= 12 || month <= 2 ? 'Winter' : month <= 5 ? 'Spring' : month <= 8 ? 'Summer' : 'Autumn';
    return `${season} ${start.slice(0, 4)}`;
  }
  if (precision === 'quarter') return `Q${Math.ceil(month / 3)} ${start.slice(0, 4)}`;
  if (precision === 'week') return `Week of ${formatDay(start)}`;
  return `around ${formatDay(start)} – ${formatDay(end)}`;
}

/** The heading an item is listed under: its month, or its year when it is vaguer than a month. */
export function periodHeading(start: string, precision: DatePrecision): string {
  return ['day', 'week', 'month'].includes(precision) ? monthHeading(start) : start.slice(0, 4);
}
