/**
 * Who said each quote, decided by a trained ranker over candidates (speaker-candidates.ts): the names,
 * pronouns and descriptions around the quote, every phrase a hand-written rule proposes, the previous
 * quote's speaker, and "no speaker". Each option gets a score from its features (speaker-features.ts);
 * the best one wins, its softmax probability (calibrated on held-out training folds) becomes the
 * quote's confidence, and its strongest features become the quote's evidence.
 */
import { isTitleOrTerm, positionalKind, quoteFeatures } from './quote-kind';
import type { Candidate, QuoteCandidates, SpeakerContext } from './speaker-candidates';
import { speakerCandidates } from './speaker-candidates';
import { evidenceFor } from './speaker-evidence';
import {
  candidateFeatures,
  noSpeakerFeatures,
  previousSpeakerFeatures,
  quoteFacts,
  type QuoteFacts,
} from './speaker-features';
import type { SpeakerModel } from './speaker-model';
import type { QuoteMention, Span } from './types';

/** One answer the ranker can give for a quote. */
export interface SpeakerOption {
  type: 'candidate' | 'previous' | 'none';
  candidate: Candidate | null;
  speaker: string | null;
  speakerSpan: Span | null;
  cue: string | null;
  /** Which rule or kind of phrase it came from, for debugging and the stored `rule`. */
  rule: string;
  features: string[];
}

/** What the ranker decided for one quote. */
export interface SpeakerDecision {
  quote: QuoteCandidates;
  facts: QuoteFacts;
  options: SpeakerOption[];
  /** Softmax probability of each option. */
  probabilities: number[];
  chosen: number;
  /** Probability that the chosen speaker is right (options naming the same speaker added up). */
  probability: number;
}

/** Scores a feature list: the ranker's linear score. */
export type FeatureScorer = (features: readonly string[]) => number;

function ruleOf(c: Candidate): string {
  return c.rules[0] ?? (c.nearRules[0] !== undefined ? `near-${c.nearRules[0]}` : c.kind);
}

/** Every option of one quote, given what was decided for the quote before it. */
export function speakerOptions(
  ctx: SpeakerContext,
  q: QuoteCandidates,
  facts: QuoteFacts,
  previous: SpeakerDecision | undefined,
): SpeakerOption[] {
  const before = previous?.options[previous.chosen];
  const previousSpeaker = before?.speaker ?? null;
  const options: SpeakerOption[] = q.candidates.map((c) => ({
    type: 'candidate',
    candidate: c,
    speaker: c.speaker,
    speakerSpan: c.span,
    cue: c.cue,
    rule: ruleOf(c),
    features: [],
  }));
  // Rank among candidates on the same side, nearest first (candidates come sorted by distance).
  const seen = { before: 0, after: 0, inside: 0 };
  const seenPerson = { before: 0, after: 0, inside: 0 };
  options.forEach((o) => {
    const c = o.candidate as Candidate;
    const side = c.span[1] <= q.quote.open ? 'before' : c.span[0] >= q.quote.close ? 'after' : 'inside';
    seen[side]++;
    if (c.person !== null) seenPerson[side]++;
    const rank = { side: seen[side], person: c.person === null ? 0 : seenPerson[side] };
    o.features = candidateFeatures(ctx, q, facts, c, rank, previousSpeaker);
  });
  if (before !== undefined && before.speaker !== null && previous !== undefined) {
    options.push({
      type: 'previous',
      candidate: null,
      speaker: before.speaker,
      speakerSpan: before.speakerSpan,
      cue: null,
      rule: 'previous-speaker',
      features: previousSpeakerFeatures(ctx, facts, q, {
        quote: previous.quote,
        kind: before.type === 'candidate' ? (before.candidate?.kind ?? 'name') : before.type,
        probability: previous.probability,
      }),
    });
  }
  options.push({
    type: 'none',
    candidate: null,
    speaker: null,
    speakerSpan: null,
    cue: null,
    rule: 'none',
    features: noSpeakerFeatures(facts, q),
  });
  return options;
}

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Decides every quote of an article in order (a quote's options depend on the previous decision).
 * `choose` picks the option (the best score at extraction; training may pick otherwise).
 */
export function decideSpeakers(
  ctx: SpeakerContext,
  candidates: readonly QuoteCandidates[],
  score: FeatureScorer,
  choose: (
    decision: Omit<SpeakerDecision, 'chosen' | 'probability'>,
    index: number,
  ) => number = pickBySpeaker,
): SpeakerDecision[] {
  const decisions: SpeakerDecision[] = [];
  candidates.forEach((q, index) => {
    const facts = quoteFacts(ctx, q);
    const options = speakerOptions(ctx, q, facts, decisions[decisions.length - 1]);
    const probabilities = softmax(options.map((o) => score(o.features)));
    const partial = { quote: q, facts, options, probabilities };
    const chosen = choose(partial, index);
    const speaker = options[chosen]?.speaker ?? null;
    // A pronoun no one could be resolved to stands alone; a named speaker gathers all its mentions.
    const probability =
      speaker === null
        ? (probabilities[chosen] ?? 0)
        : options.reduce((sum, o, i) => (o.speaker === speaker ? sum + (probabilities[i] ?? 0) : sum), 0);
    decisions.push({ ...partial, chosen, probability });
  });
  return decisions;
}

/** Index of the largest value (the first on a tie). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++)
    if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/**
 * The option to show: the speaker with the most probability (options naming the same person added
 * up), then that speaker's likeliest mention. "No speaker" is never chosen here: whether a quotation
 * is someone's words at all is the quote classifier's call (see {@link quoteMention}).
 */
export function pickBySpeaker(decision: Pick<SpeakerDecision, 'options' | 'probabilities'>): number {
  const { options, probabilities } = decision;
  const mass = new Map<string, number>();
  options.forEach((o, i) => {
    if (o.type !== 'none' && o.speaker !== null)
      mass.set(o.speaker, (mass.get(o.speaker) ?? 0) + (probabilities[i] ?? 0));
  });
  let best = -1;
  let bestMass = -1;
  options.forEach((o, i) => {
    if (o.type === 'none') return;
    const m = o.speaker === null ? (probabilities[i] ?? 0) : (mass.get(o.speaker) ?? 0);
    // Within one speaker, a mention near the quote before "the previous quote's speaker".
    const p = (probabilities[i] ?? 0) + (o.type === 'candidate' ? 1 : 0);
    const q = (probabilities[best] ?? -1) + (options[best]?.type === 'candidate' ? 1 : 0);
    if (m > bestMass + 1e-12 || (Math.abs(m - bestMass) <= 1e-12 && p > q)) {
      best = i;
      bestMass = m;
    }
  });
  return best === -1 ? options.length - 1 : best;
}

/** Turns one decision into the quote the extraction returns: kind, speaker, confidence, evidence. */
export function quoteMention(
  ctx: SpeakerContext,
  decision: SpeakerDecision,
  model: SpeakerModel,
): QuoteMention {
  const { quote } = decision.quote;
  const option = decision.options[decision.chosen] as SpeakerOption;
  const none = decision.options.findIndex((o) => o.type === 'none');
  const noSpeaker = none === -1 ? 0 : (decision.probabilities[none] ?? 0);
  const features = quoteFeatures(ctx, decision.quote, decision.facts, noSpeaker, decision.probability);
  const isQuote =
    model.quoteProbability(features) >= model.quoteThreshold && !isTitleOrTerm(ctx.text, ctx.layout, quote);
  const base = { span: quote.span, text: ctx.text.slice(quote.span[0], quote.span[1]) };
  if (!isQuote || option.type === 'none') {
    return {
      ...base,
      speaker: null,
      speakerSpan: null,
      cue: null,
      confidence: 0,
      rule: isQuote ? 'none' : 'not-a-quote',
      kind: 'scare',
      evidence: isQuote
        ? ['no speaker found near the quote']
        : ['reads as a title, a term or a scare quote rather than someone’s words'],
    };
  }
  return {
    ...base,
    speaker: option.speaker,
    speakerSpan: option.speakerSpan,
    cue: option.cue,
    confidence: Math.round(model.calibrate(decision.probability) * 100) / 100,
    rule: option.rule,
    kind: positionalKind(ctx, decision.quote),
    evidence: evidenceFor(option.features, model.weight),
  };
}

/** Attributes every quotation of an article with the trained model. */
export function attributeQuotes(ctx: SpeakerContext, model: SpeakerModel): QuoteMention[] {
  const decisions = decideSpeakers(ctx, speakerCandidates(ctx), model.rank, pickBySpeaker);
  return decisions.map((d) => quoteMention(ctx, d, model));
}
