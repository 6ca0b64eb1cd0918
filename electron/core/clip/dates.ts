/**
 * Publication dates arrive as whatever the page wrote: ISO strings with offsets, "Jan. 13, 2017",
 * "05/29/2007 09:49:00", RFC 2822. This turns them into ISO 8601 without moving the calendar date:
 * an ISO value keeps its own offset (converting "23:00-08:00" to UTC would change the day), and a
 * zone-less value keeps its wall-clock time, whatever time zone the clipping machine is in.
 */

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** A time zone written in a non-ISO date ("GMT", "+0100", "EST"): then only UTC is unambiguous. */
const HAS_ZONE = /\b(?:GMT|UTC|[ECMP][SD]T)\b|\s[+-]\d{2}:?\d{2}\b/;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Normalises a published date/time to ISO 8601, or returns null when it is not a date. */
export function normalizePublished(raw: string | null | undefined): string | null {
  const value = raw?.trim().replace(/\s+/g, ' ');
  if (!value) return null;
  const iso = value.match(ISO_DATE);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!validDay(Number(y), Number(mo), Number(d))) return null;
    const date = `${y}-${mo}-${d}`;
    if (h === undefined) return date;
    const offset =
      zone === undefined ? '' : /^z$/i.test(zone) ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return `${date}T${h}:${mi}:${s ?? '00'}${offset}`;
  }
  // Dates without a year ("March 3") or bare numbers are too ambiguous to store as a publication date.
  if (!/\b\d{4}\b/.test(value)) return null;
  const parsed = new Date(value.replace(/\b(\w{3,4})\.(?=\s)/, '$1'));
  const time = parsed.getTime();
  if (Number.isNaN(time)) return null;
  const year = parsed.getFullYear();
  if (year < 1800 || year > 2200) return null;
  if (HAS_ZONE.test(value)) return parsed.toISOString().replace(/\.000Z$/, 'Z');
  const day = `${pad(year, 4)}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
  const hasTime = /\d{1,2}:\d{2}/.test(value);
  if (!hasTime) return day;
  return `${day}T${pad(parsed.getHours())}:${pad(parsed.getMinutes())}:${pad(parsed.getSeconds())}`;
}
