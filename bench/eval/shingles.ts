/**
 * The clipping body-text metric of EVAL.md (the Scrapinghub article-extraction benchmark's own):
 * tokens are the `\w+` matches, case kept; shingles are every run of 4 consecutive tokens (a text of
 * 1-3 tokens is one shingle); tp/fp/fn are counted over shingle multisets per page; P and R are means
 * over pages and F1 = 2PR/(P+R).
 */

/**
 * `\w` as in the benchmark's Python (Unicode letters, digits and underscore), so non-English pages
 * are tokenised too; JavaScript's own `\w` is ASCII-only.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

/** Per-page counts and scores. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Averaged scores over pages. */
export interface SetScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** The shingle multiset of a text: shingle -> count. */
export function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  if (tokens.length === 0) return counts;
  if (tokens.length < SHINGLE) add(tokens.join(' '));
  else for (let i = 0; i + SHINGLE <= tokens.length; i++) add(tokens.slice(i, i + SHINGLE).join(' '));
  return counts;
}

/**
 * Scores one page. Precision and recall are 1 when there is nothing wrong (fp = fn = 0, including both
 * texts empty) and 0 when their denominator is 0 otherwise.
 */
export function scorePage(predicted: string, gold: string): PageScore {
  const got = shingles(predicted);
  const want = shingles(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of got) {
    const goldCount = want.get(key) ?? 0;
    tp += Math.min(count, goldCount);
    fp += Math.max(0, count - goldCount);
  }
  for (const [key, count] of want) fn += Math.max(0, count - (got.get(key) ?? 0));
  const perfect = fp === 0 && fn === 0;
  const precision = perfect ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = perfect ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall };
}

/** Mean precision and recall over pages, and the F1 of those means. */
export function aggregateScores(pages: readonly PageScore[]): SetScore {
  if (pages.length === 0) return { precision: 0, recall: 0, f1: 0, pages: 0 };
  const precision = pages.reduce((sum, page) => sum + page.precision, 0) / pages.length;
  const recall = pages.reduce((sum, page) => sum + page.recall, 0) / pages.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: pages.length };
}
