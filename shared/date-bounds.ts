/**
 * Dates as a user types them into a filter (search's `from:`/`to:`, the library's Published field):
 * `2025`, `2025-03` or `2025-03-01` (also with `/` or `.`), each standing for the first or last day it
 * covers. Shared so the search box and the library read the same words the same way.
 */

const DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;

/** `2025`, `2025-03`, `2025-03-01` as the first (or last) day they cover; null when not a date. */
export function parseDateBound(value: string, end: boolean): string | null {
  const match = DATE.exec(value.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? (end ? 12 : 1) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = match[3] === undefined ? (end ? lastDay : 1) : Number(match[3]);
  if (day < 1 || day > lastDay) return null;
  const pad = (v: number): string => String(v).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** A range of days, inclusive, as YYYY-MM-DD; an open end is null. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/**
 * A range typed as one field: `2019` or `2019-11` (that whole year or month), `2019-11-01 to
 * 2019-11-20` (also with `–`, `—` or `..`), `from 2019-11-01`, `to 2019-11-20` or `2019-11-01 to`
 * (an open end). '' is no range at all. Null when it cannot be read, or ends before it starts.
 */
export function parseDateRange(text: string): DateRange | null {
  const value = text.trim().toLowerCase();
  if (value === '') return { from: null, to: null };
  const openEnded = /^from\s/.test(value);
  const parts = value.replace(/^from\s+/, '').split(/\s*(?:\bto\b|–|—|\.\.)\s*/);
  if (parts.length > 2) return null;
  const [first = '', second] = parts;
  const startsOpen = first === '' && second !== undefined;
  const from = startsOpen ? null : parseDateBound(first, false);
  if (!startsOpen && from === null) return null;
  if (second === undefined) return { from, to: openEnded ? null : parseDateBound(first, true) };
  if (second === '') return { from, to: null };
  const to = parseDateBound(second, true);
  if (to === null || (from !== null && from > to)) return null;
  return { from, to };
}

/** How a range reads back in the field (the inverse of {@link parseDateRange} for whole days). */
export function formatDateRange(range: DateRange): string {
  if (range.from !== null && range.to !== null) {
    return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
  }
  if (range.from !== null) return `${range.from} to`;
  if (range.to !== null) return `to ${range.to}`;
  return '';
}
