/**
 * Dates: Microsoft's recognizers find the expressions (best span recall on TempEval-3 of the offline
 * options) and {@link resolveTimex} fixes their values against the publication date.
 */
import { Culture, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { sentenceAt, type Sentence } from './text';
import { resolveTimex, tenseOf, type ResolvedDate } from './timex';
import type { DateMention } from './types';

interface RecognizerValue {
  timex?: string;
  Mod?: string;
}

interface Recognized {
  start: number;
  /** Inclusive, as the recognizer reports it. */
  end: number;
  text: string;
  typeName: string;
  resolution?: { values?: RecognizerValue[] };
}

let model: { parse(query: string, reference: Date): Recognized[] } | undefined;

// Building the English model takes a while; do it once per process.
function dateModel(): { parse(query: string, reference: Date): Recognized[] } {
  model ??= new DateTimeRecognizer(Culture.English).getDateTimeModel() as unknown as {
    parse(query: string, reference: Date): Recognized[];
  };
  return model;
}

const DATE_TYPES = /datetimeV2\.(?:date|daterange|datetime|datetimerange)$/;
// Words after which a bare number is still a year ("in 2022, ..."), not a quantity ("1300 square km").
const AFTER_YEAR = new Set(
  'and or but to when after before as with in on at the a for that which was were is had has by from'.split(
    ' ',
  ),
);

const DATE_TRIGGER =
  /\b(?:\d{2,4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|tonight|now|year|month|week|day|season|spring|summer|fall|autumn|winter|quarter|decade|centur|recent|current|past|future|ago|last|next|earlier|later|morning|evening|night|noon|weekend|christmas|easter|holiday|eve|former|present|time)/i;

const MAX_CHUNK = 1500;

/** The sentences, with overlong ones (text without punctuation) cut at white space. */
function* chunks(sentences: readonly Sentence[], text: string): Generator<[number, number]> {
  for (const { start, end } of sentences) {
    let from = start;
    while (end - from > MAX_CHUNK) {
      const space = text.lastIndexOf(' ', from + MAX_CHUNK);
      const cut = space > from ? space : from + MAX_CHUNK;
      yield [from, cut];
      from = cut;
    }
    yield [from, end];
  }
}

/** "mid-2024", "early 2023", "late 1990s": a year with a modifier the recogniser cannot resolve. */
function fuzzyYear(text: string): ResolvedDate | null {
  const m = /\b(?:mid|early|late|end of|start of|beginning of)[-\s]+(\d{4})\b/i.exec(text);
  return m?.[1] === undefined ? null : { value: m[1], precision: 'fuzzy' };
}

/** Lower-case words the recogniser reads as dates that are almost always verbs: "may", "march", "fall". */
const VERB_LIKE = /^(?:may|march|fall|sat|sun|wed)$/;

/** Expressions the recogniser leaves out, as TimeML annotates them; checked on the text itself. */
const EXTRA: Array<[RegExp, (reference: Date) => ResolvedDate]> = [
  [/\b(?:currently|current|at present|presently|nowadays|these days)\b/gi, () => ref('PRESENT_REF')],
  [/\b(?:the future|soon|coming (?:years|months|weeks))\b/gi, () => ref('FUTURE_REF')],
  [
    /\b(?:recently|recent (?:years|months|weeks)|the past|in the past|previously|formerly)\b/gi,
    () => ref('PAST_REF'),
  ],
  [/\bthis year\b/gi, (r) => ({ value: String(r.getUTCFullYear()), precision: 'year' })],
  [/\blast year\b/gi, (r) => ({ value: String(r.getUTCFullYear() - 1), precision: 'year' })],
  [/\bnext year\b/gi, (r) => ({ value: String(r.getUTCFullYear() + 1), precision: 'year' })],
];

function ref(value: string): ResolvedDate {
  return { value, precision: 'fuzzy' };
}

function isQuantity(text: string, source: string, end: number): boolean {
  if (!/^\d{1,4}$/.test(text.trim())) return false;
  const year = Number(text.trim());
  if (year < 1000 || year > 2100) return true;
  const next = /^\s+([a-z]+)/.exec(source.slice(end, end + 20))?.[1];
  return next !== undefined && !AFTER_YEAR.has(next);
}

/**
 * Finds and resolves the dates of an article.
 * @param published the reference date, YYYY-MM-DD
 */
export function findDates(text: string, sentences: readonly Sentence[], published: string): DateMention[] {
  const reference = new Date(`${published}T12:00:00Z`);
  const dates: DateMention[] = [];
  const results: Recognized[] = [];
  // The recogniser is slow and superlinear on long input: run it per sentence, and only on sentences
  // with a word that can start a date.
  for (const [chunkStart, chunkEnd] of chunks(sentences, text)) {
    const body = text.slice(chunkStart, chunkEnd);
    if (!DATE_TRIGGER.test(body)) continue;
    try {
      for (const r of dateModel().parse(body, reference)) {
        results.push({ ...r, start: r.start + chunkStart, end: r.end + chunkStart });
      }
    } catch {
      // The recogniser throws on some odd input; a sentence without dates beats no extraction at all.
    }
  }
  for (const result of results) {
    if (!DATE_TYPES.test(result.typeName)) continue;
    const start = result.start;
    const end = result.end + 1;
    const surface = text.slice(start, end);
    if (isQuantity(surface, text, end) || VERB_LIKE.test(surface)) continue;
    const sentence = sentences[sentenceAt(sentences, start)];
    const tense = sentence === undefined ? 'past' : tenseOf(text.slice(sentence.start, sentence.end));
    let resolved = fuzzyYear(surface);
    for (const value of result.resolution?.values ?? []) {
      if (resolved !== null) break;
      if (value.timex !== undefined) resolved = resolveTimex(value.timex, reference, tense);
    }
    // Keep what the rules cannot resolve: the span is still a date the user may want to see.
    resolved ??= { value: result.resolution?.values?.[0]?.timex ?? 'PAST_REF', precision: 'fuzzy' };
    dates.push({ span: [start, end], text: surface, value: resolved.value, precision: resolved.precision });
  }
  addUncovered(text, reference, dates);
  return dates.sort((a, b) => a.span[0] - b.span[0]);
}

/** Adds {@link EXTRA} expressions and bare years ("in 1987") that no recognised date covers. */
function addUncovered(text: string, reference: Date, dates: DateMention[]): void {
  const covered = (start: number, end: number): boolean =>
    dates.some((d) => d.span[0] < end && start < d.span[1]);
  const found: DateMention[] = [];
  for (const [pattern, resolve] of EXTRA) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!covered(m.index, end)) found.push({ span: [m.index, end], text: m[0], ...resolve(reference) });
    }
  }
  for (const m of text.matchAll(/\b(?:1[89]\d\d|20\d\d)\b/g)) {
    const end = m.index + m[0].length;
    if (covered(m.index, end) || isQuantity(m[0], text, end) || /[$€£.,]\s?$/.test(text.slice(0, m.index)))
      continue;
    found.push({ span: [m.index, end], text: m[0], value: m[0], precision: 'year' });
  }
  dates.push(...found);
}
