/**
 * An article's words as a short weighted list (TF-IDF, the top {@link TERMS} words), for "the articles
 * reporting these two events are about the same thing". Document frequencies come from the matching
 * model (counted on the training corpora, so a fresh library compares as well as a large one); a word
 * the model never saw counts as rare, which names and places usually are. (The library's own
 * frequencies, read from its full-text index, were tried: cross-validated B-cubed 0.837 against 0.853
 * on topics 1-12, so the fixed corpus stays.)
 */

/**
 * Words kept per article (and twice as many per event, over its articles). Chosen by 5-fold
 * cross-validation of event matching over the ECB+ training topics (B-cubed F1, the settings of
 * resources/models/event-matching.md held fixed): 30 words 0.899, 60 0.907, 80 0.909, 90 and 100 0.911,
 * 110 0.903, 120 to 200 0.899, 400 0.904. Thirty words left out most of what tells two reports of one
 * story apart from two of its kind (names, places, figures a long report repeats once or twice).
 */
export const TERMS = 100;

const STOPWORDS = new Set(
  (
    'the and for that with was were are has have had this from his her its their they them she him but not ' +
    'you your our out who whom what when where which while will would could should can may might must been ' +
    'being also than then there here into onto over under about after before more most other some such only ' +
    'very just said says say told tells one two three four five six seven eight nine ten first last new ' +
    'year years day days week weeks month months time times people like get got all any each both few many ' +
    'much own same too now did does doing done make made upon per via among against during through between ' +
    'because since until unless although though whether these those thus yet still even ever again already ' +
    'http https www com html htm php article news'
  ).split(' '),
);

/** Weighted words: word -> weight, the weights of one list forming a unit vector. */
export type Terms = Map<string, number>;

/** Document frequencies the weights are computed with. */
export interface TermStats {
  /** Documents counted. */
  documents: number;
  /** Word -> in how many of them it occurs. */
  frequency: ReadonlyMap<string, number>;
}

/** Document frequencies as TF-IDF needs them: how many documents, and how many hold a word. */
export interface DocumentFrequencies {
  documents: number;
  df(word: string): number;
}

/** Document frequencies of a fixed corpus. */
export function corpusFrequencies(stats: TermStats): DocumentFrequencies {
  return { documents: stats.documents, df: (word) => stats.frequency.get(word) ?? 0 };
}

function idf(stats: DocumentFrequencies, word: string): number {
  return Math.log((stats.documents + 1) / (stats.df(word) + 1)) + 1;
}

/** The lower-cased words of a text that can tell articles apart (three letters or more, no stopwords). */
export function contentWordsOf(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'’-]{2,}/gu) ?? [];
  return words.map((w) => w.replace(/['’]s$/, '')).filter((w) => !STOPWORDS.has(w));
}

/** How often each content word occurs. */
export type WordCounts = Map<string, number>;

/** Adds the content words of `text` to `counts`. */
export function countWords(text: string, counts: WordCounts): WordCounts {
  for (const word of contentWordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * `text` cut into stretches of about `size` characters, each ending after a white space (or at the
 * end), as [start, end) offsets: a word never spans two, so words and years read stretch by stretch
 * are those read from the whole (their patterns look at letters and digits around them only).
 */
export function stretchesAtSpaces(text: string, size: number): [number, number][] {
  const stretches: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const space = text.slice(start, end).search(/\s[^\s]*$/);
      // No white space in the stretch (one very long token): it is read whole, up to the next one.
      if (space >= 0) end = start + space + 1;
      else {
        const next = text.slice(end).search(/\s/);
        end = next < 0 ? text.length : end + next + 1;
      }
    }
    stretches.push([start, end]);
    start = end;
  }
  return stretches;
}

/** The top words of `counts`, weighted by TF-IDF and normalised. */
export function termsOfCounts(counts: WordCounts, stats: DocumentFrequencies, keep = TERMS): Terms {
  const weighted = [...counts].map(([word, n]): [string, number] => [
    word,
    (1 + Math.log(n)) * idf(stats, word),
  ]);
  return normalised(weighted, keep);
}

/** The article's top words, weighted by TF-IDF and normalised. */
export function articleTerms(text: string, stats: DocumentFrequencies, keep = TERMS): Terms {
  return termsOfCounts(countWords(text, new Map()), stats, keep);
}

function normalised(weighted: [string, number][], keep: number): Terms {
  const top = weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep);
  const norm = Math.sqrt(top.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return new Map(top.map(([word, w]) => [word, Math.round((w / norm) * 1e4) / 1e4]));
}

/** Cosine of two weighted lists. */
export function cosine(a: Terms, b: Terms): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, w] of small) dot += w * (large.get(word) ?? 0);
  return Math.max(0, Math.min(1, dot));
}

/** The list of an event reported by more articles: both lists added, then the top words kept. */
export function mergeTerms(a: Terms, b: Terms, keep = TERMS * 2): Terms {
  const sum = new Map(a);
  for (const [word, w] of b) sum.set(word, (sum.get(word) ?? 0) + w);
  return normalised([...sum], keep);
}

/** A list as stored (JSON object). */
export function termsToJson(terms: Terms): string {
  return JSON.stringify(Object.fromEntries(terms));
}

/** A stored list back; a damaged value is an empty list. */
export function termsFromJson(json: string | null | undefined): Terms {
  if (json === null || json === undefined || json === '') return new Map();
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const terms: Terms = new Map();
    for (const word in value) {
      const weight = value[word];
      if (typeof weight === 'number') terms.set(word, weight);
    }
    return terms;
  } catch {
    return new Map();
  }
}
