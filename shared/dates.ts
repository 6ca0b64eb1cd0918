/**
 * The one test of "is this a real calendar day written YYYY-MM-DD", for the API's argument schemas, the CLI's
 * `--date` and the extractor's publication date. A shape check alone lets 2025-13-45 through (which
 * JavaScript's Date turns into Invalid Date) and 2025-02-30 (which it quietly moves into March).
 */

/** Is `text` YYYY-MM-DD naming a day that exists (2024-02-29 does, 2025-02-29 does not)? */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC treats years 0-99 as 1900-1999; setUTCFullYear puts such a year back where it was written.
  date.setUTCFullYear(Number(match[1]));
  return date.toISOString().slice(0, 10) === text;
}
