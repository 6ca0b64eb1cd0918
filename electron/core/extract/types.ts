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
  /**
   * 0..1: how much to trust the speaker, calibrated on held-out training folds (of the quotes given
   * 0.9, about nine in ten have the right speaker). 0 when there is no speaker.
   */
  confidence: number;
  /** Which rule or kind of phrase the chosen speaker came from, for debugging. */
  rule: string;
  kind: QuoteKind;
  /**
   * Why this speaker, in plain words: the two or three strongest signals the speaker model weighed
   * ("followed by “said”", "the subject of its sentence"). Shown by the review panel.
   */
  evidence: string[];
}

/** Someone who took part in an event, and how: who acted, who was acted on, or just there. */
export interface EventActor {
  /** Canonical name of the person or organisation. */
  name: string;
  kind: 'person' | 'org';
  role: 'agent' | 'patient' | 'other';
}

/** Where an event's date came from. */
export type EventDateSource =
  /** A date in the sentence that tells of it ("on Thursday", "in August"). */
  | 'text'
  /** The date of another happening it is tied to ("hours after Trump said ..."). */
  | 'anchor'
  /** Undated in the text: the month of the article's date (news tells of recent things). */
  | 'article';

/**
 * A happening the article tells of (a meeting, an attack, an arrest, a verdict), with every mention of
 * it in the article merged into one: what, who, where and when.
 */
export interface EventCandidate {
  /** A readable name built from the parts ("Trump meets Rutte at the White House"). */
  name: string;
  /** The kind of happening ("meeting", "earthquake"; a verb's lemma when it has no group). */
  kind: string;
  /** Lemmas of its trigger words ("meet", "talk"). */
  lemmas: string[];
  /** TimeML value of its date, or null when the article does not date it. */
  date: string | null;
  precision: DatePrecision | null;
  dateSource: EventDateSource | null;
  /** Canonical names of the people taking part. */
  participants: string[];
  /** People and organisations taking part, with their roles. */
  actors: EventActor[];
  /** The place it happened, as the article names it, or null. */
  place: string | null;
  /** Every place its mentions name (the first is `place`). */
  places: string[];
  /** The sentence of its first mention (kept for callers that want one passage). */
  span: Span;
  /** Each mention: the trigger words and the sentence holding them. */
  mentions: { span: Span; sentence: Span }[];
  /** 0..1: how central it is to the article (headline and lead, several mentions, named participants). */
  salience: number;
  /** The article's main event: its most salient one (exactly one per article that has events). */
  main: boolean;
}

/** The article's own date, and how it is known. */
export interface PublishedDate {
  /** YYYY-MM-DD, or null when unknown (relative dates then stay unresolved). */
  value: string | null;
  /** Given by the caller (page metadata, the user), read from the text or web address, or unknown. */
  origin: 'given' | 'inferred' | 'none';
  /** The words it was inferred from, or null. */
  evidence: string | null;
}

/** Everything {@link extractArticle} finds in one article. */
export interface Extraction {
  people: NamedEntity[];
  places: NamedEntity[];
  organizations: NamedEntity[];
  dates: DateMention[];
  quotes: QuoteMention[];
  events: EventCandidate[];
  /** The date relative dates were resolved against. */
  published: PublishedDate;
  /** Relative dates ("on Thursday", "last summer") left unresolved because the article's date is unknown. */
  unresolvedDates: number;
}

/** Options for {@link extractArticle}. */
export interface ExtractOptions {
  /**
   * Publication date, YYYY-MM-DD: the reference for "on Thursday", "last summer". When absent it is read
   * from the text (a dateline, a date in the first lines) or `url`; when that fails too, relative dates
   * stay unresolved. Never today's date.
   */
  published?: string | null;
  /** Where the article came from, for a date in its address (/2008/07/23/). */
  url?: string | null;
  /** Read a missing publication date from the text (default true); false keeps it unknown. */
  inferPublished?: boolean;
  /**
   * The entity tagger to use instead of the shipped model (resources/models/ner.bin): cross-validation
   * runs extraction with models trained on part of the data.
   */
  nerModel?: NerModel;
}
