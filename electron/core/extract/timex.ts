/**
 * Turns a recognised date expression into a TimeML value against the publication date. The recogniser
 * leaves "Thursday" and "August" open (XXXX-WXX-4, XXXX-08); news reports the past, so an open date is
 * the last one on or before publication unless its sentence speaks of the future.
 */
import type { DatePrecision } from './types';

/** A resolved TimeML value and how exact it is. */
export interface ResolvedDate {
  value: string;
  precision: DatePrecision;
}

/** Which way an open date points, read from its sentence. */
export type Tense = 'past' | 'future' | 'present';

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of a UTC date. */
export function ymd(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** ISO week of a UTC date, e.g. 2025-W11. */
export function isoWeek(date: Date): string {
  const t = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}-W${pad(Math.ceil(((t.getTime() - yearStart) / 864e5 + 1) / 7))}`;
}

const FUTURE =
  /\b(?:will|shall|won['’]t|next|upcoming|plans? to|is to|are to|going to|scheduled|expected to|due to)\b|['’]ll\b/i;
const PAST =
  /\b(?:was|were|had|did|said|met|sent|told|made|took|came|went|began|saw|gave|held|won|lost|left|fell|rose|spoke|wrote|ago|last|\w{3,}ed)\b/i;

/** Whether a sentence talks about the future, the past or neither. */
export function tenseOf(sentence: string): Tense {
  if (FUTURE.test(sentence)) return 'future';
  if (PAST.test(sentence)) return 'past';
  return 'present';
}

/** Shape of a value that is already a TimeML value, and its precision. */
function precisionOf(value: string): DatePrecision | null {
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return 'day';
  if (/^\d{4}-\d\d$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-(?:SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}-W\d\d$/.test(value)) return 'week';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^(?:PRESENT|PAST|FUTURE)_REF$|^\d{2,3}X*$|^\d{4}-(?:WXX|QX|XX)$/.test(value)) return 'fuzzy';
  return null;
}

/**
 * Resolves the recogniser's timex for one expression.
 * @param timex the recogniser's TIMEX value (may be open, like XXXX-WXX-4, or a range "(a,b,P3M)")
 * @param reference the publication date, at noon UTC
 * @param tense tense of the sentence the expression is in
 */
export function resolveTimex(timex: string, reference: Date, tense: Tense): ResolvedDate | null {
  const refYear = reference.getUTCFullYear();
  let m: RegExpExecArray | null;
  if ((m = /^XXXX-WXX-(\d)$/.exec(timex))) {
    const want = Number(m[1]) % 7;
    const date = new Date(reference);
    if (tense === 'future') {
      do date.setUTCDate(date.getUTCDate() + 1);
      while (date.getUTCDay() !== want);
    } else {
      while (date.getUTCDay() !== want) date.setUTCDate(date.getUTCDate() - 1);
    }
    return { value: ymd(date), precision: 'day' };
  }
  if ((m = /^XXXX-(\d\d)(?:-(\d\d))?$/.exec(timex))) {
    const month = Number(m[1]);
    const day = m[2] === undefined ? 1 : Number(m[2]);
    const thisYear = Date.UTC(refYear, month - 1, day, 12);
    // Later in the year than publication: this year's if it is near or the sentence looks ahead,
    // last year's when the sentence tells of the past ("in August" in a March article).
    const ahead = (thisYear - reference.getTime()) / 864e5;
    const year = ahead > 62 && tense === 'past' ? refYear - 1 : refYear;
    const value = m[2] === undefined ? `${year}-${m[1]}` : `${year}-${m[1]}-${m[2]}`;
    return { value, precision: m[2] === undefined ? 'month' : 'day' };
  }
  if ((m = /^\(XXXX-(\d\d)-01,XXXX-\d\d-01,P3M\)$/.exec(timex)) && Number(m[1]) % 3 === 1) {
    // "the third quarter": the latest one that has begun by publication.
    const quarter = (Number(m[1]) + 2) / 3;
    const started = Date.UTC(refYear, Number(m[1]) - 1, 1) <= reference.getTime();
    return { value: `${started ? refYear : refYear - 1}-Q${quarter}`, precision: 'quarter' };
  }
  if ((m = /^(\d{4}-\d\d-\d\d)T/.exec(timex))) return { value: m[1] as string, precision: 'day' };
  if ((m = /^\((\d{4})-(\d\d)-01,(\d{4})-(\d\d)-01,P3M\)$/.exec(timex)) && Number(m[2]) % 3 === 1) {
    return { value: `${m[1]}-Q${(Number(m[2]) + 2) / 3}`, precision: 'quarter' };
  }
  if ((m = /^\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),P(\d+)([DWMY])\)$/.exec(timex))) {
    const start = new Date(`${m[1]}T12:00:00Z`);
    if (m[4] === 'W' && m[3] === '1') return { value: isoWeek(start), precision: 'week' };
    if (m[4] === 'M' && m[3] === '1') return { value: (m[1] as string).slice(0, 7), precision: 'month' };
    if (m[4] === 'Y' && m[3] === '1') return { value: (m[1] as string).slice(0, 4), precision: 'year' };
    return { value: m[1] as string, precision: 'fuzzy' };
  }
  const precision = precisionOf(timex);
  return precision === null ? null : { value: timex, precision };
}
