/**
 * Dates: {@link matchDates} finds the expressions with compiled patterns, each resolved against the
 * publication date and the tense of its sentence; bare years ("in 1987") are added where they are
 * not quantities ("1300 square km").
 */
import { matchDates } from './date-rules';
import { sentenceAt, type Sentence } from './text';
import { tenseOf, type Tense } from './timex';
import type { DateMention } from './types';

// Words after which a bare number is still a year ("in 2022, ..."), not a quantity ("1300 square km").
const AFTER_YEAR = new Set(
  'and or but to when after before as with in on at the a for that which was were is had has by from'.split(
    ' ',
  ),
);

function isQuantity(text: string, source: string, end: number): boolean {
  if (!/^\d{1,4}$/.test(text.trim())) return false;
  const year = Number(text.trim());
  if (year < 1000 || year > 2100) return true;
  // A house number: "at 2088 Philip Street", "1600 Pennsylvania Ave."
  if (STREET_AFTER.test(source.slice(end, end + 60))) return true;
  const next = /^\s+([a-z]+)/.exec(source.slice(end, end + 20))?.[1];
  return next !== undefined && !AFTER_YEAR.has(next);
}

/** One to three capitalised words and a street word: what follows a house number. */
const STREET_AFTER =
  /^\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Terrace|Square)\b/u;

const QUOTED = /[“"][^“”"]*[”"]/g;
const BARE_YEAR = /\b(?:1[89]\d\d|20\d\d)\b/g;

/** Two references far apart: an expression that resolves the same against both needs none. */
const PROBES = [new Date('1971-02-15T12:00:00Z'), new Date('2037-09-20T12:00:00Z')];

/** The dates of an article, and how many relative ones were left unresolved for want of a reference. */
export interface FoundDates {
  dates: DateMention[];
  unresolved: number;
}

/**
 * Finds and resolves the dates of an article.
 * @param published the reference date, YYYY-MM-DD; null when unknown: then only dates that need no
 *   reference ("July 23, 2008", "in 2022") are resolved, and relative ones ("Thursday") are counted
 */
export function findDates(
  text: string,
  sentences: readonly Sentence[],
  published: string | null,
): FoundDates {
  const reference = published === null ? null : new Date(`${published}T12:00:00Z`);
  const dates: DateMention[] = [];
  let unresolved = 0;
  // Tense is read once per sentence, and only for sentences that hold a date.
  const tenses = new Map<number, { tense: Tense; sentence: string }>();
  const contextAt = (offset: number): { tense: Tense; sentence: string } => {
    const index = sentenceAt(sentences, offset);
    let context = tenses.get(index);
    if (context === undefined) {
      const s = sentences[index];
      const sentence = s === undefined ? '' : text.slice(s.start, s.end);
      // The quoted words have their own tense ("“We will not accept it,” she said on Thursday").
      const narration = sentence.replace(QUOTED, ' ');
      context = { tense: s === undefined ? 'past' : tenseOf(narration), sentence };
      tenses.set(index, context);
    }
    return context;
  };
  for (const match of matchDates(text)) {
    let resolved;
    if (reference !== null) {
      resolved = match.resolve({ reference, ...contextAt(match.start) });
    } else {
      const context = contextAt(match.start);
      const [a, b] = PROBES.map((probe) => match.resolve({ reference: probe, ...context }));
      if (a?.value !== b?.value) {
        unresolved++;
        continue;
      }
      resolved = a;
    }
    if (resolved === null || resolved === undefined || resolved.value === '') continue;
    dates.push({
      span: [match.start, match.end],
      text: text.slice(match.start, match.end),
      value: resolved.value,
      precision: resolved.precision,
    });
  }
  addBareYears(text, dates);
  return { dates: dates.sort((a, b) => a.span[0] - b.span[0]), unresolved };
}

/** Adds bare years ("in 1987") that no recognised date covers and that are not amounts. */
function addBareYears(text: string, dates: DateMention[]): void {
  const spans = dates.map((d) => d.span).sort((a, b) => a[0] - b[0]);
  let cursor = 0;
  const found: DateMention[] = [];
  BARE_YEAR.lastIndex = 0;
  for (let m = BARE_YEAR.exec(text); m !== null; m = BARE_YEAR.exec(text)) {
    const end = m.index + m[0].length;
    while (cursor < spans.length && (spans[cursor] as [number, number])[1] <= m.index) cursor++;
    const next = spans[cursor];
    if (next !== undefined && next[0] < end) continue;
    if (isQuantity(m[0], text, end) || /[$€£.,]\s?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) {
      continue;
    }
    found.push({ span: [m.index, end], text: m[0], value: m[0], precision: 'year' });
  }
  dates.push(...found);
}
