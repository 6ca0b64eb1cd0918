/**
 * The analysis area of the API: what the extractor found in each source (people, places,
 * organisations, quotes with their speakers, events), the user's review of it, and the pages and
 * timeline built on top. Every found thing is anchored to a span of its source's `plainText`.
 *
 * The user's decisions (confirm, reject, reassign a speaker, rename, merge, split) are kept as user
 * decisions and survive re-extraction: running the extractor again never undoes them.
 */

import type {
  EntityId,
  EntityKind,
  IsoTimestamp,
  MentionId,
  NoteId,
  Origin,
  QuoteId,
  ReviewStatus,
  SourceId,
} from '../model';
import type {
  ReviewQuoteInput,
  ReviewQuotesInput,
  ReviewMentionInput,
  AddQuoteInput,
  CreateEntityInput,
  AddMentionInput,
  ListEntitiesOptions,
  RenameEntityInput,
  MergeEntitiesInput,
  SplitEntityInput,
  EntityPageListInput,
  TimelineOptions,
  ListQuotesOptions,
  SetPublishedInput,
  SeparateEventsInput,
  SplitEventInput,
} from './analysis.args';

// The argument types are inferred from the schemas (see the .args file); the UI imports them from here.
export type {
  ReviewQuoteInput,
  ReviewQuotesInput,
  ReviewMentionInput,
  AddQuoteInput,
  CreateEntityInput,
  AddMentionInput,
  ListEntitiesOptions,
  RenameEntityInput,
  MergeEntitiesInput,
  SplitEntityInput,
  EntityPageListInput,
  TimelineOptions,
  ListQuotesOptions,
  SetPublishedInput,
  SeparateEventsInput,
  SplitEventInput,
};

/** A [start, end) range of JavaScript string offsets into a source's plain text. */
export interface SpanRange {
  start: number;
  end: number;
}

/** How exact a date is. */
export type DatePrecision = 'day' | 'month' | 'year' | 'season' | 'week' | 'quarter' | 'fuzzy';

/** What kind of quotation a quote is. */
export type QuoteKind = 'direct' | 'partial' | 'scare' | 'social';

/** A person, place, organisation, event or topic as lists and typeaheads show it. */
export interface EntitySummary {
  id: EntityId;
  kind: EntityKind;
  name: string;
  /** Other names it goes by, without `name`. */
  aliases: string[];
  /** Mentions in sources and notes that are not rejected. */
  mentionCount: number;
  /** Quotes attributed to it that are not rejected. */
  quoteCount: number;
  /** Sources it is mentioned or quoted in. */
  sourceCount: number;
}

/** Where a source or note names an entity. */
export interface MentionView extends SpanRange {
  id: MentionId;
  entityId: EntityId;
  entityName: string;
  entityKind: EntityKind;
  /** The words as they stand in the text. */
  text: string;
  status: ReviewStatus;
  origin: Origin;
}

/** The source a quote or mention comes from, for citing it. */
export interface SourceRef {
  id: SourceId;
  title: string;
  siteName: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** A quote with its speaker and its place in the source. */
export interface QuoteView extends SpanRange {
  id: QuoteId;
  source: SourceRef;
  /** The quoted words, without quotation marks. */
  text: string;
  kind: QuoteKind;
  speaker: { id: EntityId; name: string } | null;
  /** Where the speaker is named (a name, "he", "the president"), the evidence for the attribution. */
  speakerSpan: SpanRange | null;
  /** The attribution cue ("said", "according to"), or null. */
  cue: string | null;
  /**
   * 0..1, for extracted quotes: calibrated, so of the quotes at 0.9 about nine in ten have the right
   * speaker; 1 for quotes marked by hand or whose speaker the user chose.
   */
  confidence: number;
  /** Which extraction rule decided the speaker; null for quotes marked by hand. */
  rule: string | null;
  /**
   * Why the extractor chose this speaker, in plain words (two or three reasons, strongest first); empty
   * for quotes marked by hand, speakers the user chose, and quotes extracted before evidence was kept.
   */
  evidence: string[];
  status: ReviewStatus;
  origin: Origin;
  /** The event the quote's paragraph is about, if any. */
  event?: { id: EntityId; name: string } | null;
}

/** An event with when, where and who. */
export interface EventView {
  id: EntityId;
  name: string;
  /** TimeML value of the date (`2025-03-13`, `2025-03`, `2024-SU`), or null when unknown. */
  date: string | null;
  /** The first and last day the date covers (YYYY-MM-DD), for placing it on a time axis. */
  dateStart: string | null;
  dateEnd: string | null;
  precision: DatePrecision | null;
  place: string | null;
  /** People and organisations taking part, with their role: who acted, who was acted on, or just there. */
  participants: { id: EntityId; name: string; kind: EntityKind; role?: EventRole }[];
  /** Where it is reported: the source, and the passage when known (quotes about it are not reports). */
  reports: { source: SourceRef; span: SpanRange | null; quoteId: QuoteId | null }[];
  status: ReviewStatus;
  /** The kind of happening ("meeting", "earthquake"), or null for events made by hand. */
  kind?: string | null;
  /**
   * Where the date came from: 'text' (the article dates it), 'anchor' (tied to another happening),
   * 'article' (undated in the text: the article's month), or null.
   */
  dateSource?: 'text' | 'anchor' | 'article' | null;
  /** How many sources report it. */
  sourceCount?: number;
}

/** What a participant did in an event. */
export type EventRole = 'agent' | 'patient' | 'other';

/** An event that may be the same happening as another (the matcher was not sure enough to merge). */
export interface SimilarEvent {
  id: EntityId;
  name: string;
  date: string | null;
  precision: DatePrecision | null;
  sourceCount: number;
  /** The matcher's probability that the two are one happening, 0..1. */
  score: number;
}

/** Everything found in one source. */
export interface SourceAnalysis {
  sourceId: SourceId;
  /** When the extractor last ran on it, or null if never. */
  extractedAt: IsoTimestamp | null;
  /** People, places and organisations mentioned in it. */
  entities: EntitySummary[];
  /** Every mention in the source, rejected ones included (the UI may show or hide them), in text order. */
  mentions: MentionView[];
  /** Every quote, rejected ones included, in text order. */
  quotes: QuoteView[];
  events: EventView[];
}

/** What a (re-)extraction produced. */
export interface ExtractionCounts {
  sourceId: SourceId;
  entities: number;
  mentions: number;
  quotes: number;
  events: number;
}

/** Most quotes one {@link AnalysisApi.reviewQuotes} call reviews. */
export const MAX_BATCH_REVIEWS = 5_000;

/** Everything about one entity, for its page. */
export interface EntityPage {
  entity: EntitySummary & { description: string };
  /**
   * The first {@link ENTITY_PAGE_SIZE} quotes by this person (for events: quotes that report it), oldest
   * source first; `listEntityQuotes` returns the ones after them.
   */
  quotes: QuoteView[];
  /** How many quotes there are in all (live sources, not rejected). */
  quoteCount: number;
  /**
   * The first {@link ENTITY_PAGE_SIZE} sources that mention it, with how often, newest first;
   * `listEntitySources` returns the ones after them.
   */
  sources: EntitySourceRow[];
  /** How many sources mention it in all. */
  sourceCount: number;
  /** Notes that mention or link to it. */
  notes: { id: NoteId; title: string; updatedAt: IsoTimestamp }[];
  /**
   * Entities mentioned in the same sources, most shared sources first (at most 20, counted over the
   * entity's 500 most recently stored sources).
   */
  coMentioned: { id: EntityId; name: string; kind: EntityKind; sharedSources: number }[];
  /** Events it took part in (for an event: the event itself is `event`). */
  events: EventView[];
  /** Only for events. */
  event: EventView | null;
  /** Only for events: events that may be the same happening, for the user to merge or dismiss. */
  similarEvents?: SimilarEvent[];
}

/** A source on an entity page: how often it mentions the entity, and where first. */
export interface EntitySourceRow {
  source: SourceRef;
  mentionCount: number;
  firstMention: SpanRange | null;
}

/** Quotes or sources an entity page shows at first, and the default size of each further page. */
export const ENTITY_PAGE_SIZE = 50;

/** One item on the time axis: an event, or a quote dated by its source's publication. */
export interface TimelineItem {
  kind: 'event' | 'quote';
  /** The event's id or the quote's id. */
  id: EntityId | QuoteId;
  title: string;
  /** YYYY-MM-DD, the first and last day the item covers. */
  start: string;
  end: string;
  precision: DatePrecision;
  entities: { id: EntityId; name: string; kind: EntityKind }[];
  sources: SourceRef[];
  /** For quotes: the quote, to open the reader at it. */
  quote: QuoteView | null;
}

/** What changing a source's publication date did. */
export interface SetPublishedResult {
  publishedAt: string | null;
  publishedOrigin: 'page' | 'inferred' | 'user' | null;
  /** The re-extraction it caused (the user's review decisions kept). */
  counts: ExtractionCounts;
}

/** Methods of the analysis area. */
export interface AnalysisApi {
  /** What was found in one source. NOT_FOUND for an unknown source. */
  getSourceAnalysis(id: SourceId): Promise<SourceAnalysis>;
  /** Runs the extractor on the source again, keeping the user's decisions. */
  reextractSource(id: SourceId): Promise<ExtractionCounts>;
  /** Confirms, rejects or reassigns a quote. */
  reviewQuote(input: ReviewQuoteInput): Promise<QuoteView>;
  /**
   * Sets the status of several quotes in one step (all or none): the review panel's "confirm every
   * quote at or above a confidence", and its Undo, which puts each quote's earlier status back.
   * Returns the quotes as they are now, in the order given. NOT_FOUND if one of them is gone.
   */
  reviewQuotes(input: ReviewQuotesInput): Promise<QuoteView[]>;
  /** Confirms or rejects a mention. */
  reviewMention(input: ReviewMentionInput): Promise<MentionView>;
  /** Marks a span of a source as a quote. INVALID_ARGUMENT if the span is outside the text. */
  addQuote(input: AddQuoteInput): Promise<QuoteView>;
  /** Marks a span of a source as a mention of an entity (an existing one or a new one). */
  addMention(input: AddMentionInput): Promise<MentionView>;
  /** Entities, most mentioned first, filtered by kind and name prefix. */
  listEntities(options?: ListEntitiesOptions): Promise<EntitySummary[]>;
  /** Creates an entity; an existing one of the same kind and name is returned instead of a copy. */
  createEntity(input: CreateEntityInput): Promise<EntitySummary>;
  /** Renames an entity (the old name stays as an alias). */
  renameEntity(input: RenameEntityInput): Promise<EntitySummary>;
  /** Merges entities into one: their aliases, mentions, quotes and links move to `into`. */
  mergeEntities(input: MergeEntitiesInput): Promise<EntitySummary>;
  /** Moves some aliases (and the mentions written that way) of an entity to a new entity. */
  splitEntity(input: SplitEntityInput): Promise<EntitySummary>;
  /** Everything about one entity. */
  getEntityPage(id: EntityId): Promise<EntityPage>;
  /**
   * The entity page's quotes after the quote `after`, in the page's order. Paging through them returns
   * every quote once. NOT_FOUND when `after` no longer exists (reload the page).
   */
  listEntityQuotes(input: EntityPageListInput): Promise<QuoteView[]>;
  /**
   * The entity page's sources after the source `after`, in the page's order. Paging through them returns
   * every source once. NOT_FOUND when `after` no longer exists (reload the page).
   */
  listEntitySources(input: EntityPageListInput): Promise<EntitySourceRow[]>;
  /** Events and dated quotes in date order. */
  getTimeline(options?: TimelineOptions): Promise<TimelineItem[]>;
  /** Quotes, for the quote panel and the editor's quote search. */
  listQuotes(options?: ListQuotesOptions): Promise<QuoteView[]>;
  /**
   * Sets a source's publication date (the user's word wins over the page's and any inferred one) and
   * re-extracts it, so its relative dates and events are resolved against the new date. The user's
   * review decisions stay.
   */
  setSourcePublished(input: SetPublishedInput): Promise<SetPublishedResult>;
  /**
   * Says two events are different happenings: the suggestion between them goes, and neither matching
   * nor re-extraction will merge them.
   */
  separateEvents(input: SeparateEventsInput): Promise<void>;
  /**
   * Splits an event: the reports (and quotes) of `sourceIds` move to a new event named `name`, kept
   * apart from the first one. Re-extraction keeps the split.
   */
  splitEvent(input: SplitEventInput): Promise<EntitySummary>;
}

/** The analysis area's methods, in the order hosts register them. */
export const ANALYSIS_METHODS = [
  'getSourceAnalysis',
  'reextractSource',
  'reviewQuote',
  'reviewQuotes',
  'reviewMention',
  'addQuote',
  'addMention',
  'listEntities',
  'createEntity',
  'renameEntity',
  'mergeEntities',
  'splitEntity',
  'getEntityPage',
  'listEntityQuotes',
  'listEntitySources',
  'getTimeline',
  'listQuotes',
  'setSourcePublished',
  'separateEvents',
  'splitEvent',
] as const satisfies readonly (keyof AnalysisApi)[];

/** Longest entity name accepted, in characters. */
export const MAX_ENTITY_NAME = 500;
/**
 * People, quotes and events are looked for in this many characters of an article's text at most (a
 * long book's worth), so that one huge page cannot take the analyser's memory and time; the whole text
 * is stored and searchable.
 */
export const MAX_ANALYSED_CHARS = 1_000_000;
/** Most entities or quotes one list call returns. */
export const MAX_LIST_LIMIT = 1_000;
/** Most items of each kind one timeline call returns. */
export const MAX_TIMELINE_LIMIT = 20_000;
/** Largest span offset accepted (sources are far smaller). */
export const MAX_OFFSET = 100_000_000;
