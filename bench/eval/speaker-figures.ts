/**
 * The quote figures the eval and the speaker model's card print: detection recall, speaker accuracy,
 * quote precision (EVAL.md) and the calibration table. Only quotations extraction presents as someone's
 * words count as predicted quotes (kinds direct, partial, social); those it sets aside as titles,
 * terms or scare quotes (kind "scare") do not.
 */
import type { QuoteMention } from '../../electron/core/extract/types';
import { isDirectQuote, overlaps, type PolnearDoc } from './extraction-data';
import { addCounts, emptyCounts, scoreQuotes, type QuoteCounts } from './quote-metrics';

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');

/** Whether extraction presents a quotation as someone's words. */
export const isAttributedQuote = (q: QuoteMention): boolean => q.kind !== 'scare';

/** Figures over texts, as strings with three decimals, and the calibration material. */
export interface QuoteFigures {
  gold: number;
  recall: string;
  accuracy: string;
  precision: string;
  /** The same with every pair of quotation marks counted (scare quotes and titles too). */
  allMarks: { recall: string; precision: string; predicted: number };
  predicted: number;
  judged: QuoteCounts['judged'];
  /** Gold direct quotes no predicted quote overlaps, by why (see {@link missedGold}). */
  missed: MissedGold;
}

/** Why gold direct quotes were missed. */
export interface MissedGold {
  /** No pair of marks around them, and their only "mark" is an apostrophe after a letter ("Sanders’ plan"). */
  apostrophe: number;
  /** No pair of marks around them otherwise. */
  noMarks: number;
  /** Their marks were found, and set aside as a title, a term or a scare quote (kind "scare"). */
  setAside: number;
}

const DOUBLE_OR_OPENING = /["“”‘]/;

/**
 * The gold direct quotes (EVAL.md) of one text that no quotation extraction presents as someone's
 * words overlaps, by cause. EVAL.md counts as a mark a ’ not followed by a letter, so a plural
 * possessive ("the generals’ hands") makes a direct quote of an indirect one: those are told apart.
 */
export function missedGold(doc: PolnearDoc, quotes: readonly QuoteMention[]): MissedGold {
  const missed: MissedGold = { apostrophe: 0, noMarks: 0, setAside: 0 };
  for (const attribution of doc.attributions) {
    const content = attribution.content;
    if (content === null || !isDirectQuote(doc.text, attribution)) continue;
    const over = quotes.filter((q) => content.segments.some((s) => overlaps(q.span, s)));
    if (over.some(isAttributedQuote)) continue;
    if (over.length > 0) {
      missed.setAside++;
      continue;
    }
    const start = content.segments[0]?.[0] ?? 0;
    const end = content.segments[content.segments.length - 1]?.[1] ?? 0;
    const around = doc.text.slice(Math.max(0, start - 1), end + 1);
    const apostrophesOnly =
      !DOUBLE_OR_OPENING.test(around) &&
      [...around.matchAll(/’/g)].every((m) => /\p{L}/u.test(around[m.index - 1] ?? ''));
    if (apostrophesOnly) missed.apostrophe++;
    else missed.noMarks++;
  }
  return missed;
}

export function quoteFigures(docs: readonly PolnearDoc[], quotes: readonly QuoteMention[][]): QuoteFigures {
  const kept = emptyCounts();
  const all = emptyCounts();
  const missed: MissedGold = { apostrophe: 0, noMarks: 0, setAside: 0 };
  docs.forEach((doc, i) => {
    const found = quotes[i] ?? [];
    const m = missedGold(doc, found);
    missed.apostrophe += m.apostrophe;
    missed.noMarks += m.noMarks;
    missed.setAside += m.setAside;
    addCounts(kept, scoreQuotes(doc, found.filter(isAttributedQuote)));
    addCounts(all, scoreQuotes(doc, found));
  });
  return {
    gold: kept.gold,
    recall: fmt(kept.detected / kept.gold),
    accuracy: fmt(kept.rightSpeaker / kept.gold),
    precision: fmt(kept.predictedHit / kept.predicted),
    allMarks: {
      recall: fmt(all.detected / all.gold),
      precision: fmt(all.predictedHit / all.predicted),
      predicted: all.predicted,
    },
    predicted: kept.predicted,
    judged: kept.judged,
    missed,
  };
}

const BUCKETS: Array<[number, number]> = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 0.95],
  [0.95, 1.01],
];

/**
 * Calibration rows: per confidence bucket, how many attributed quotes overlapping a gold direct quote
 * it holds and the share with the right speaker; then the ">= 0.9" row the target is about.
 */
export function calibrationRows(judged: QuoteCounts['judged']): string[][] {
  const row = (label: string, inBucket: QuoteCounts['judged']): string[] => [
    label,
    String(inBucket.length),
    inBucket.length === 0 ? '–' : fmt(inBucket.filter((j) => j.right).length / inBucket.length),
  ];
  return [
    ...BUCKETS.map(([lo, hi]) =>
      row(
        `${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)}`,
        judged.filter((j) => j.confidence >= lo && j.confidence < hi),
      ),
    ),
    row(
      '>= 0.90',
      judged.filter((j) => j.confidence >= 0.9),
    ),
  ];
}
