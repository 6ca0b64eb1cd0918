/**
 * EVAL.md's entity metric for CoNLL-2003: each document's text is its tokens joined by single spaces and
 * its sentences by newlines; predicted spans map to the tokens they overlap; a prediction counts when
 * type, first and last token equal a gold entity's (entity-level exact match).
 */
import type { ConllDocument } from '../train/ner/conll';
import { ENTITY_TYPES, isInside, typeOf } from '../../electron/core/extract/ner/decode';

/** A CoNLL document as the extractor reads it. */
export interface ConllText {
  text: string;
  /** [start, end) of each sentence (one a line). */
  sentences: Array<[number, number]>;
  tokens: Array<{ start: number; end: number }>;
  /** Gold entities as "TYPE:firstToken:lastToken". */
  gold: Set<string>;
}

/** Rebuilds a document's text as EVAL.md says. */
export function conllText(doc: ConllDocument): ConllText {
  let text = '';
  const tokens: ConllText['tokens'] = [];
  const sentences: ConllText['sentences'] = [];
  const gold = new Set<string>();
  doc.sentences.forEach(({ words, labels }, s) => {
    if (s > 0) text += '\n';
    const start = text.length;
    const base = tokens.length;
    words.forEach((word, w) => {
      if (w > 0) text += ' ';
      tokens.push({ start: text.length, end: text.length + word.length });
      text += word;
    });
    sentences.push([start, text.length]);
    for (let i = 0; i < words.length; i++) {
      const label = labels[i] as number;
      if (label === 0 || isInside(label)) continue;
      let j = i + 1;
      while (j < words.length && isInside(labels[j] as number)) j++;
      gold.add(`${ENTITY_TYPES[typeOf(label)]}:${base + i}:${base + j - 1}`);
    }
  });
  return { text, sentences, tokens, gold };
}

/** Counts per type: true positives, predicted, gold. */
export type EntityCounts = Record<string, { tp: number; predicted: number; gold: number }>;

export function emptyCounts(): EntityCounts {
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, predicted: 0, gold: 0 }]));
}

/** The token key "first:last" of a character span, or null when it covers no token. */
function tokenKey(doc: ConllText, start: number, end: number): string | null {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.tokens[mid] as { end: number }).end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = -1;
  for (let i = lo; i < doc.tokens.length && (doc.tokens[i] as { start: number }).start < end; i++) last = i;
  return last < lo ? null : `${lo}:${last}`;
}

/** Adds one document's predictions (type and character span) to `counts`. */
export function scoreDocument(
  doc: ConllText,
  predicted: Iterable<{ type: string; start: number; end: number }>,
  counts: EntityCounts,
): void {
  const keys = new Set<string>();
  for (const p of predicted) {
    const key = tokenKey(doc, p.start, p.end);
    if (key !== null) keys.add(`${p.type}:${key}`);
  }
  for (const key of keys) {
    const c = counts[key.split(':')[0] as string];
    if (c === undefined) continue;
    c.predicted++;
    if (doc.gold.has(key)) c.tp++;
  }
  for (const key of doc.gold) {
    const c = counts[key.split(':')[0] as string];
    if (c !== undefined) c.gold++;
  }
}

/** Precision, recall and F1 of one type's counts. */
export function prf(c: { tp: number; predicted: number; gold: number }): {
  p: number;
  r: number;
  f1: number;
} {
  const p = c.predicted === 0 ? 0 : c.tp / c.predicted;
  const r = c.gold === 0 ? 0 : c.tp / c.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
