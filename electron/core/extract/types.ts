import type { NerModel } from './ner/model';

/**
 * The result of reading one article: who and what it mentions, when things happened, who said what.
 * Every offset is a JavaScript string index into the text that was read, end exclusive.
 */

/** A [start, end) pair of JavaScript string indices. */
export type Span = [number, number];

/** A person, place or organisation, with every form it takes in the article. */
export interface NamedEntity {
  /** Canonical name: the longest form without a title ("Vladimir Putin"). */
  name: string;
  /** Every distinct surface form seen, titled forms included ("Russian President Vladimir Putin"). */
  aliases: string[];
  /** Where the name or an alias occurs; never a pronoun. */
  mentions: Span[];
}

/** How exact a resolved date is. */
export type DatePrecision = 'day' | 'month' | 'year' | 'season' | 'week' | 'quarter' | 'fuzzy';

/** A date expression resolved against the publication date. */
export interface DateMention {
  span: Span;
  text: string;
  /** TimeML TIMEX3 value: 2025-03-13, 2024-08, 2024, 2024-SU, 2013-W11, 1998-Q3, PRESENT_REF, PAST_REF ... */
  value: string;
  precision: DatePrecision;
}

/** What kind of quotation a quote is. */
export type QuoteKind = 'direct' | 'partial' | 'scare' | 'social';

/** Quoted words and who said them. */
export interface QuoteMention {
  /** The quoted words without the quotation marks. */
  span: Span;
  text: string;
  /** Canonical speaker name (a person's name when resolved, otherwise the speaker phrase), or null. */
  speaker: string | null;
  /** The mention used as evidence for the speaker (a name, pronoun or description), or null. */
  speakerSpan: Span | null;
  /** The cue that links speaker and quote ("said", "according to", "told reporters"), or null. */
  cue: string | null;
  /** 0..1: how much to trust the speaker. */
  confidence: number;
  /** Which rule decided the speaker, for debugging and for the UI's "why". */
  rule: string;
  kind: QuoteKind;
}

/** A candidate event: something that happened to someone at a resolved date. */
export interface EventCandidate {
  /** A short description taken from the sentence. */
  name: string;
  /** TimeML value of the date. */
  date: string;
  /** Canonical names of the people taking part. */
  participants: string[];
  place: string | null;
  /** The sentence the event was read from. */
  span: Span;
}

/** Everything {@link extractArticle} finds in one article. */
export interface Extraction {
  people: NamedEntity[];
  places: NamedEntity[];
  organizations: NamedEntity[];
  dates: DateMention[];
  quotes: QuoteMention[];
  events: EventCandidate[];
}

/** Options for {@link extractArticle}. */
export interface ExtractOptions {
  /** Publication date, YYYY-MM-DD: the reference for "on Thursday", "last summer". Defaults to today. */
  published?: string;
  /**
   * The entity tagger to use instead of the shipped model (resources/models/ner.bin): cross-validation
   * runs extraction with models trained on part of the data.
   */
  nerModel?: NerModel;
}
