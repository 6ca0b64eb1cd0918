/**
 * PolNeAR train texts read the way extraction reads an article, with the gold attributions each
 * detected quote overlaps: the material the speaker ranker and the quote classifier learn from.
 */
import { readArticle } from '../../electron/core/extract';
import type { SpeakerContext } from '../../electron/core/extract/speaker-candidates';
import type { PolnearAttribution, PolnearDoc, Span } from '../eval/extraction-data';
import { speakerIsRight } from '../eval/quote-metrics';

const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

/** One training text: its reading and, per detected quote, the gold attributions it overlaps. */
export interface SpeakerDoc {
  doc: PolnearDoc;
  ctx: SpeakerContext;
  /** Per quote of ctx.quotes: gold attributions whose content overlaps it. */
  gold: PolnearAttribution[][];
}

export function readSpeakerDoc(doc: PolnearDoc): SpeakerDoc {
  const reading = readArticle(doc.text);
  const ctx: SpeakerContext = {
    text: doc.text,
    layout: reading.layout,
    tokens: reading.tokens,
    quotes: reading.quoted,
    people: reading.people,
    coref: reading.coref,
  };
  const gold = reading.quoted.map((q) =>
    doc.attributions.filter((a) => a.content?.segments.some((s) => overlaps(q.span, s)) === true),
  );
  return { doc, ctx, gold };
}

/**
 * Whether an answer is right for a quote overlapping `gold`: a speaker matching one gold Source (EVAL.md's
 * test), or "no speaker" for a quote no attribution covers (a title, a scare quote).
 */
export function answerIsRight(
  gold: readonly PolnearAttribution[],
  speaker: string | null,
  speakerSpan: Span | null,
): boolean {
  if (gold.length === 0) return speaker === null && speakerSpan === null;
  return gold.some((a) => a.source !== null && speakerIsRight(speaker, speakerSpan, a.source));
}

/** Texts split into `k` folds by text (never a text in two folds), deterministically. */
export function foldsOf<T>(items: readonly T[], k: number): number[] {
  return items.map((_, i) => i % k);
}
