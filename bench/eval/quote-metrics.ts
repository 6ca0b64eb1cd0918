/**
 * EVAL.md's quote metrics for one PolNeAR text, shared by `npm run eval` (dev) and the speaker model's
 * cross-validation on train (bench/train/speakers.ts), so both report the same measure.
 */
import { TITLES } from '../../electron/core/extract/lexicon';
import {
  isDirectQuote,
  overlaps,
  type PolnearAttribution,
  type PolnearDoc,
  type Span,
} from './extraction-data';

/** What a predicted quote is judged on. */
export interface PredictedQuote {
  span: Span;
  speaker: string | null;
  speakerSpan: Span | null;
  confidence: number;
}

/** Words of 3+ letters, titles (Mr, President, Sen.) left out, lower-cased. */
export function nameWords(text: string): Set<string> {
  const all = text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  return new Set(all.filter((w) => !TITLES.has(w)));
}

/**
 * EVAL.md's "right speaker": the speaker span overlaps the gold Source, or the speaker name shares a
 * word of 3+ letters (titles excluded) with the gold Source text.
 */
export function speakerIsRight(
  speaker: string | null,
  speakerSpan: Span | null,
  source: NonNullable<PolnearAttribution['source']>,
): boolean {
  if (speakerSpan !== null && source.segments.some((s) => overlaps(speakerSpan, s))) return true;
  if (speaker === null) return false;
  const gold = nameWords(source.text);
  for (const word of nameWords(speaker)) if (gold.has(word)) return true;
  return false;
}

/** Counts for one text; add them up over texts. */
export interface QuoteCounts {
  gold: number;
  detected: number;
  rightSpeaker: number;
  predicted: number;
  predictedHit: number;
  /**
   * Per predicted quote that overlaps a gold direct quote: its confidence and whether its speaker is
   * right for one of those gold quotes (the calibration table's rows).
   */
  judged: Array<{ confidence: number; right: boolean }>;
}

export function emptyCounts(): QuoteCounts {
  return { gold: 0, detected: 0, rightSpeaker: 0, predicted: 0, predictedHit: 0, judged: [] };
}

/** Adds `b` into `a`. */
export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  a.gold += b.gold;
  a.detected += b.detected;
  a.rightSpeaker += b.rightSpeaker;
  a.predicted += b.predicted;
  a.predictedHit += b.predictedHit;
  for (const j of b.judged) a.judged.push(j);
  return a;
}

/** EVAL.md's quote counts of one text for the quotes predicted on it. */
export function scoreQuotes(doc: PolnearDoc, quotes: readonly PredictedQuote[]): QuoteCounts {
  const counts = emptyCounts();
  const contents = doc.attributions.flatMap((a) => a.content?.segments ?? []);
  counts.predicted = quotes.length;
  counts.predictedHit = quotes.filter((q) => contents.some((c) => overlaps(q.span, c))).length;
  for (const attribution of doc.attributions) {
    if (!isDirectQuote(doc.text, attribution) || attribution.content === null) continue;
    counts.gold++;
    const segments = attribution.content.segments;
    const matching = quotes.filter((q) => segments.some((s) => overlaps(q.span, s)));
    if (matching.length > 0) counts.detected++;
    const source = attribution.source;
    const right = source !== null && matching.some((q) => speakerIsRight(q.speaker, q.speakerSpan, source));
    if (right) counts.rightSpeaker++;
  }
  const direct = doc.attributions.filter((a) => a.content !== null && isDirectQuote(doc.text, a));
  for (const q of quotes) {
    const gold = direct.filter((a) => a.content?.segments.some((s) => overlaps(q.span, s)));
    if (gold.length === 0) continue;
    const right = gold.some((a) => a.source !== null && speakerIsRight(q.speaker, q.speakerSpan, a.source));
    counts.judged.push({ confidence: q.confidence, right });
  }
  return counts;
}
