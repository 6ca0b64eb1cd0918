/**
 * Places a TimeML TIMEX3 value on the calendar: the first and last day it covers and how exact it is.
 *
 * Seasons are meteorological (northern hemisphere): spring Mar 1-May 31, summer Jun 1-Aug 31, autumn
 * Sep 1-Nov 30, winter Dec 1-end of February of the next year. Whole months are easier to draw and to
 * read than solstice dates, and news writing means them ("last summer" = the summer months).
 * PRESENT_REF is the publication day, marked fuzzy; PAST_REF and FUTURE_REF cannot be placed (null).
 */
import type { DatePrecision } from '../../../shared/areas/analysis';

/** Where a date lies. */
export interface DateRange {
  start: string;
  end: string;
  precision: DatePrecision;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
/** Days in month `m` (1-12) of year `y`. */
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const SEASONS: Record<string, [number, number]> = {
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  AU: [9, 11],
  WI: [12, 2],
};

/** Monday of ISO week `w` of ISO year `y`, as a UTC Date. */
function isoWeekMonday(y: number, w: number): Date {
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const day = jan4.getUTCDay() || 7;
  return new Date(Date.UTC(y, 0, 4 - day + 1 + (w - 1) * 7));
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The days `value` covers, or null when it names no placeable time.
 * @param published the publication date (YYYY-MM-DD...) that PRESENT_REF stands for
 */
export function timexRange(value: string, published: string | null): DateRange | null {
  let m = /^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
    const day = ymd(y, mo, d);
    return { start: day, end: day, precision: 'day' };
  }
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { start: ymd(y, mo, 1), end: ymd(y, mo, daysIn(y, mo)), precision: 'month' };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  m = /^(\d{3})X$/.exec(value);
  if (m) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31`, precision: 'fuzzy' };
  m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const [from, to] = SEASONS[m[2]!]!;
    const endYear = to < from ? y + 1 : y;
    return { start: ymd(y, from, 1), end: ymd(endYear, to, daysIn(endYear, to)), precision: 'season' };
  }
  m = /^(\d{4})-W(\d\d)$/.exec(value);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (w < 1 || w > 53) return null;
    const monday = isoWeekMonday(y, w);
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    return { start: iso(monday), end: iso(sunday), precision: 'week' };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const first = (q - 1) * 3 + 1;
    return { start: ymd(y, first, 1), end: ymd(y, first + 2, daysIn(y, first + 2)), precision: 'quarter' };
  }
  if (value === 'PRESENT_REF' && published !== null && /^\d{4}-\d\d-\d\d/.test(published)) {
    const day = published.slice(0, 10);
    return { start: day, end: day, precision: 'fuzzy' };
  }
  return null;
}
