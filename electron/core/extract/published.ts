/**
 * The article's own date when the page's metadata gives none: read from a dateline or a date standing
 * in the first lines ("May 2, 2013 | 5:03pm", "First Published: June 13, 2013"), from the web address
 * (/2008/07/23/, -20130504), or from a full date in the opening sentences. Only whole dates (day, month
 * and year) that need no reference to be read count, and never one after today: a date in the year 3000
 * is not a publication date. Nothing found means the date stays unknown; the import day is never used.
 */
import { matchDates } from './date-rules';
import type { Span } from './types';

/** A publication date read from the article, and what it was read from. */
export interface InferredPublished {
  /** YYYY-MM-DD. */
  value: string;
  /** Where it was read: the dateline or first lines, the web address, or a sentence of the text. */
  from: 'dateline' | 'url' | 'text';
  /** The words it was read from, for the reader's "inferred from ...". */
  evidence: string;
  /** Where those words are in the text, or null for the web address. */
  span: Span | null;
}

const HEAD_LINES = 6;
const HEAD_CHARS = 1_500;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PUBLISHED_CUE =
  /\b(?:published|posted|first published|originally published|date|dated|filed)\b\s*:?\s*$/i;
const UPDATED_CUE = /\b(?:updated|modified|last updated|edited)\b[^|]*$/i;
/** Two references far apart: a date that reads the same against both depends on neither. */
const REFERENCES = [new Date('1971-02-15T12:00:00Z'), new Date('2037-09-20T12:00:00Z')];

const pad = (n: number): string => String(n).padStart(2, '0');

function realDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Whether a day is plausible as a publication date: from 1800 up to tomorrow. */
function plausible(day: string, today: Date): boolean {
  const tomorrow = new Date(today.getTime() + 864e5).toISOString().slice(0, 10);
  return day >= '1800-01-01' && day <= tomorrow;
}

/** A web address written out as words ("http : / / www . x . com / 2013 / 05 / 02 / ...") made whole. */
function addressOf(line: string): string | null {
  if (!/^\s*https?\s*:\s*\/\s*\//i.test(line)) return null;
  return line.replace(/\s+/g, '');
}

/** The day a web address carries in its path, or null. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const patterns: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [/\/((?:19|20)\d\d)\/(\d\d?)\/(\d\d?)(?=\/|$|[^\d])/, (m) => realDay(+m[1]!, +m[2]!, +m[3]!)],
    [
      /\/((?:19|20)\d\d)\/([a-z]{3,9})\/(\d\d?)(?=\/|$|[^\d])/i,
      (m) => {
        const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
        return month === -1 ? null : realDay(+m[1]!, month + 1, +m[3]!);
      },
    ],
    [/(?:^|[/_.-])((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?=[/_.-]|$)/, (m) => realDay(+m[1]!, +m[2]!, +m[3]!)],
  ];
  for (const [pattern, read] of patterns) {
    const m = pattern.exec(path);
    const day = m === null ? null : read(m);
    if (day !== null) return day;
  }
  return null;
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

interface Candidate extends InferredPublished {
  score: number;
}

/** Whole dates in one line of the head, each scored by how much it looks like the article's own date. */
function lineDates(
  text: string,
  lineStart: number,
  lineEnd: number,
  index: number,
  today: Date,
): Candidate[] {
  const line = text.slice(lineStart, lineEnd);
  const words = line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const found: Candidate[] = [];
  const matches = matchDates(line).map((m) => ({
    start: m.start,
    end: m.end,
    values: REFERENCES.map(
      (reference) => m.resolve({ reference, tense: 'past', sentence: line })?.value ?? '',
    ),
  }));
  // "05 / 02 / 2013": a numeric date written with spaces (US order), which the date rules leave alone.
  for (const m of line.matchAll(/(?<![\d/])(\d\d?)\s+\/\s+(\d\d?)\s+\/\s+((?:19|20)\d\d)(?!\d)/g)) {
    const day = realDay(+m[3]!, +m[1]!, +m[2]!) ?? '';
    matches.push({ start: m.index, end: m.index + m[0].length, values: [day, day] });
  }
  for (const match of matches) {
    const values = match.values;
    const value = values[0]!;
    if (!/^\d{4}-\d\d-\d\d$/.test(value) || values.some((v) => v !== value) || !plausible(value, today))
      continue;
    const before = line.slice(0, match.start);
    const dateWords = line.slice(match.start, match.end).split(/\s+/).length;
    let score = 3 - index * 0.2;
    // A line that is little more than the date (with a time, a "|", a cue): a dateline.
    const standalone = words - dateWords <= 6;
    if (standalone) score += 3;
    if (PUBLISHED_CUE.test(before)) score += 2;
    if (UPDATED_CUE.test(before)) score -= 1.5;
    // "WASHINGTON, July 23, 2008 —": a place and a comma before the date, a dash after.
    if (/^[\p{Lu}][\p{Lu}\p{L} .]{1,40},\s*$/u.test(before)) score += 2;
    found.push({
      value,
      from: standalone || score >= 5 ? 'dateline' : 'text',
      evidence: line.slice(match.start, match.end),
      span: [lineStart + match.start, lineStart + match.end],
      score,
    });
  }
  return found;
}

/**
 * The article's date as its text or web address gives it, or null.
 * @param text the article's plain text
 * @param url where it came from, if known
 * @param today the latest plausible date (default: now)
 */
export function inferPublished(
  text: string,
  url?: string | null,
  today = new Date(),
): InferredPublished | null {
  const candidates: Candidate[] = [];
  const lineRe = /[^\n]+/g;
  let index = 0;
  let addressSeen = false;
  for (
    let m = lineRe.exec(text);
    m !== null && index < HEAD_LINES && m.index < HEAD_CHARS;
    m = lineRe.exec(text)
  ) {
    if (m[0].trim() === '') continue;
    const address = addressOf(m[0]);
    if (address !== null) {
      addressSeen = true;
      const day = dateFromUrl(address);
      if (day !== null && plausible(day, today)) {
        candidates.push({ value: day, from: 'url', evidence: address, span: null, score: 4.5 });
      }
      continue;
    }
    candidates.push(...lineDates(text, m.index, m.index + m[0].length, index, today));
    index++;
  }
  if (url !== undefined && url !== null && !addressSeen) {
    const day = dateFromUrl(url);
    if (day !== null && plausible(day, today)) {
      candidates.push({ value: day, from: 'url', evidence: url, span: null, score: 4.5 });
    }
  }
  // A date inside a sentence of the story is a weak clue: only the latest one, never a birth date.
  const told = candidates.filter((c) => c.from === 'text');
  const latest = told.reduce<string>((a, c) => (c.value > a ? c.value : a), '');
  const usable = candidates.filter(
    (c) => c.from !== 'text' || (c.value === latest && !/\bborn\b/i.test(lineOf(text, c.span?.[0] ?? 0))),
  );
  if (usable.length === 0) return null;
  const best = usable.reduce((a, b) => (b.score > a.score ? b : a));
  const { score: _score, ...found } = best;
  void _score;
  return found;
}
