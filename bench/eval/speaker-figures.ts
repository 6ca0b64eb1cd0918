/**
 * The quote figures the eval and the speaker model's card print: detection recall, speaker accuracy,
 * quote precision (EVAL.md) and the calibration table. Only quotations extraction presents as someone's
 * words count as predicted quotes (kinds direct, partial, social); those it sets aside as titles,
 * terms or scare quotes (kind "scare") do not.
 */
import type { QuoteMention } from '../../electron/core/extract/types';
import type { PolnearDoc } from './extraction-data';
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
}

export function quoteFigures(docs: readonly PolnearDoc[], quotes: readonly QuoteMention[][]): QuoteFigures {
  const kept = emptyCounts();
  const all = emptyCounts();
  docs.forEach((doc, i) => {
    const found = quotes[i] ?? [];
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
