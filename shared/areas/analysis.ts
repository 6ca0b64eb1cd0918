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
import type { Validators } from '../validation';

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
  /** 0..1, for extracted quotes; 1 for quotes marked by hand. */
  confidence: number;
  /** Which extraction rule decided the speaker; null for quotes marked by hand. */
  rule: string | null;
  status: ReviewStatus;
  origin: Origin;
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
  participants: { id: EntityId; name: string; kind: EntityKind }[];
  /** Where it is reported: the source, and the passage when known. */
  reports: { source: SourceRef; span: SpanRange | null; quoteId: QuoteId | null }[];
  status: ReviewStatus;
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

/** A review of one quote: its status and/or its speaker. */
export interface ReviewQuoteInput {
  id: QuoteId;
  status?: ReviewStatus;
  /** A different speaker (confirms the quote), or null for "speaker unknown". */
  speakerId?: EntityId | null;
}

/** A review of one mention. */
export interface ReviewMentionInput {
  id: MentionId;
  status: ReviewStatus;
}

/** A quote marked by hand in the reader. */
export interface AddQuoteInput extends SpanRange {
  sourceId: SourceId;
  speakerId?: EntityId;
}

/** A mention marked by hand in the reader: of an existing entity, or of a new one. */
export interface AddMentionInput extends SpanRange {
  sourceId: SourceId;
  entityId?: EntityId;
  newEntity?: { kind: EntityKind; name: string };
}

/** Which entities to list (the People and Events screens, the @ and # typeaheads). */
export interface ListEntitiesOptions {
  kinds?: EntityKind[];
  /** Matches the start of any word of the name or an alias, accents and case ignored. */
  query?: string;
  /** Default 50. */
  limit?: number;
}

/** A new entity the user names (e.g. typed after @ in a note). */
export interface CreateEntityInput {
  kind: EntityKind;
  name: string;
}

/** Everything about one entity, for its page. */
export interface EntityPage {
  entity: EntitySummary & { description: string };
  /** Quotes by this person (for events: quotes that report it), oldest source first. */
  quotes: QuoteView[];
  /** Sources that mention it, with how often, newest first. */
  sources: { source: SourceRef; mentionCount: number; firstMention: SpanRange | null }[];
  /** Notes that mention or link to it. */
  notes: { id: NoteId; title: string; updatedAt: IsoTimestamp }[];
  /** Entities mentioned in the same sources, most shared sources first. */
  coMentioned: { id: EntityId; name: string; kind: EntityKind; sharedSources: number }[];
  /** Events it took part in (for an event: the event itself is `event`). */
  events: EventView[];
  /** Only for events. */
  event: EventView | null;
}

/** Which items the timeline shows. */
export interface TimelineOptions {
  /** YYYY-MM-DD bounds, inclusive. */
  from?: string;
  to?: string;
  /** Only items involving these entities (people, orgs, topics). */
  entityIds?: EntityId[];
}

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

/** Which quotes to list (the quote panel, `/quote` in the editor). */
export interface ListQuotesOptions {
  speakerId?: EntityId;
  sourceId?: SourceId;
  /** Words the quote must contain. */
  query?: string;
  /** Include rejected quotes (default false). */
  includeRejected?: boolean;
  limit?: number;
}

/** Methods of the analysis area. */
export interface AnalysisApi {
  /** What was found in one source. NOT_FOUND for an unknown source. */
  getSourceAnalysis(id: SourceId): Promise<SourceAnalysis>;
  /** Runs the extractor on the source again, keeping the user's decisions. */
  reextractSource(id: SourceId): Promise<ExtractionCounts>;
  /** Confirms, rejects or reassigns a quote. */
  reviewQuote(input: ReviewQuoteInput): Promise<QuoteView>;
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
  renameEntity(input: { id: EntityId; name: string }): Promise<EntitySummary>;
  /** Merges entities into one: their aliases, mentions, quotes and links move to `into`. */
  mergeEntities(input: { into: EntityId; from: EntityId[] }): Promise<EntitySummary>;
  /** Moves some aliases (and the mentions written that way) of an entity to a new entity. */
  splitEntity(input: { id: EntityId; aliases: string[]; name: string }): Promise<EntitySummary>;
  /** Everything about one entity. */
  getEntityPage(id: EntityId): Promise<EntityPage>;
  /** Events and dated quotes in date order. */
  getTimeline(options?: TimelineOptions): Promise<TimelineItem[]>;
  /** Quotes, for the quote panel and the editor's quote search. */
  listQuotes(options?: ListQuotesOptions): Promise<QuoteView[]>;
}

/** The analysis area's methods, in the order hosts register them. */
export const ANALYSIS_METHODS = [
  'getSourceAnalysis',
  'reextractSource',
  'reviewQuote',
  'reviewMention',
  'addQuote',
  'addMention',
  'listEntities',
  'createEntity',
  'renameEntity',
  'mergeEntities',
  'splitEntity',
  'getEntityPage',
  'getTimeline',
  'listQuotes',
] as const satisfies readonly (keyof AnalysisApi)[];

/** Argument validators of the analysis area. */
export const ANALYSIS_VALIDATORS: Validators<AnalysisApi> = {} as Validators<AnalysisApi>;
