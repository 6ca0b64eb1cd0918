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
import {
  arity,
  defined,
  idOf,
  invalid,
  objectOf,
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalString,
  requiredString,
  type Validators,
} from '../validation';

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

/** A review of one quote: its status and/or its speaker. */
export interface ReviewQuoteInput {
  id: QuoteId;
  status?: ReviewStatus;
  /** A different speaker (confirms the quote), or null for "speaker unknown". */
  speakerId?: EntityId | null;
}

/** Several quotes set to a status in one step. */
export interface ReviewQuotesInput {
  reviews: { id: QuoteId; status: ReviewStatus }[];
}

/** Most quotes one {@link AnalysisApi.reviewQuotes} call reviews. */
export const MAX_BATCH_REVIEWS = 5_000;

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

/** The next page of an entity page's quotes (`after` a quote id) or sources (`after` a source id). */
export interface EntityPageListInput {
  /** The entity (a merged-away id lists the entity it was merged into). */
  id: EntityId;
  /** The last item the caller has; omitted for the first page. */
  after?: string;
  /** Items to return (default {@link ENTITY_PAGE_SIZE}). */
  limit?: number;
}

/** Which items the timeline shows. */
export interface TimelineOptions {
  /** YYYY-MM-DD bounds, inclusive. */
  from?: string;
  to?: string;
  /**
   * Only items involving these entities: events they take part in (or the events themselves) and
   * quotes they are the speaker of.
   */
  entityIds?: EntityId[];
  /** Most events, and most quotes, returned (each; default 2,000). */
  limit?: number;
  /** Include scare quotes and one-word quotes (default false: they stay off the timeline). */
  minorQuotes?: boolean;
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

/** A new publication date for a source, or null for "unknown" (relative dates then stay unresolved). */
export interface SetPublishedInput {
  id: SourceId;
  /** YYYY-MM-DD, or null. */
  published: string | null;
}

/** What changing a source's publication date did. */
export interface SetPublishedResult {
  publishedAt: string | null;
  publishedOrigin: 'page' | 'inferred' | 'user' | null;
  /** The re-extraction it caused (the user's review decisions kept). */
  counts: ExtractionCounts;
}

/** Moves some reports of an event (those from `sourceIds`) to a new event the user names. */
export interface SplitEventInput {
  id: EntityId;
  sourceIds: SourceId[];
  name: string;
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
  renameEntity(input: { id: EntityId; name: string }): Promise<EntitySummary>;
  /** Merges entities into one: their aliases, mentions, quotes and links move to `into`. */
  mergeEntities(input: { into: EntityId; from: EntityId[] }): Promise<EntitySummary>;
  /** Moves some aliases (and the mentions written that way) of an entity to a new entity. */
  splitEntity(input: { id: EntityId; aliases: string[]; name: string }): Promise<EntitySummary>;
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
  separateEvents(input: { id: EntityId; otherId: EntityId }): Promise<void>;
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
const MAX_OFFSET = 100_000_000;

const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'org', 'event', 'topic'];
const STATUSES: readonly ReviewStatus[] = ['suggested', 'confirmed', 'rejected'];

const entityId = (method: string, what: string, value: unknown): EntityId =>
  idOf<EntityId>(method, what, value);
const sourceId = (method: string, value: unknown): SourceId => idOf<SourceId>(method, 'the source id', value);

/** A name: a string with letters or digits, trimmed, at most MAX_ENTITY_NAME characters. */
function entityName(method: string, field: string, value: unknown): string {
  const name = requiredString(method, field, value, MAX_ENTITY_NAME).trim().replace(/\s+/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(name)) invalid(method, `"${field}" must contain a letter or digit`);
  return name;
}

function requiredKind(method: string, field: string, value: unknown): EntityKind {
  const kind = optionalChoice(method, field, value, ENTITY_KINDS);
  if (kind === undefined) invalid(method, `"${field}" is required`);
  return kind;
}

/** start and end of a span: whole numbers, start < end. */
function span(method: string, input: Record<string, unknown>): SpanRange {
  const start = optionalInteger(method, 'start', input.start, 0, MAX_OFFSET);
  const end = optionalInteger(method, 'end', input.end, 1, MAX_OFFSET);
  if (start === undefined || end === undefined) invalid(method, '"start" and "end" are required');
  if (end <= start) invalid(method, '"end" must be greater than "start"');
  return { start, end };
}

function idList(method: string, field: string, value: unknown, max: number): EntityId[] {
  if (!Array.isArray(value)) invalid(method, `"${field}" must be a list of entity ids`);
  if (value.length > max) invalid(method, `"${field}" holds more than ${max} ids`);
  return value.map((v) => entityId(method, `each of "${field}"`, v));
}

/** YYYY-MM-DD that is a real calendar day. */
function optionalDay(method: string, field: string, value: unknown): string | undefined {
  const day = optionalString(method, field, value, 10);
  if (day === undefined) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  if (
    !/^\d{4}-\d\d-\d\d$/.test(day) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== day
  ) {
    invalid(method, `"${field}" must be a date written YYYY-MM-DD`);
  }
  return day;
}

/** Validators of methods taking one id. */
function byId<M extends 'getSourceAnalysis' | 'reextractSource' | 'getEntityPage'>(
  method: M,
  parse: (method: string, value: unknown) => string,
): Validators<AnalysisApi>[M] {
  return ((args: unknown[]) => {
    arity(method, args, 1, 1);
    return [parse(method, args[0])];
  }) as Validators<AnalysisApi>[M];
}

/** Validator of the entity page's list methods. */
function entityPageList(
  method: 'listEntityQuotes' | 'listEntitySources',
): Validators<AnalysisApi>[typeof method] {
  return (args: unknown[]) => {
    arity(method, args, 1, 1);
    const input = objectOf(method, args[0], ['id', 'after', 'limit']);
    return [
      defined({
        id: entityId(method, 'the entity id', input.id),
        after:
          input.after === undefined
            ? undefined
            : idOf<string>(
                method,
                method === 'listEntityQuotes' ? 'the quote id' : 'the source id',
                input.after,
              ),
        limit: optionalInteger(method, 'limit', input.limit, 1, MAX_LIST_LIMIT),
      }),
    ];
  };
}

/** Validators of methods taking one optional options object. */
function optional<T>(method: string, args: unknown[], parse: (value: unknown) => T): [] | [T] {
  arity(method, args, 0, 1);
  return args[0] === undefined ? [] : [parse(args[0])];
}

/** Argument validators of the analysis area. */
export const ANALYSIS_VALIDATORS: Validators<AnalysisApi> = {
  getSourceAnalysis: byId('getSourceAnalysis', sourceId),
  reextractSource: byId('reextractSource', sourceId),
  reviewQuote: (args) => {
    const m = 'reviewQuote';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['id', 'status', 'speakerId']);
    const status = optionalChoice(m, 'status', input.status, STATUSES);
    if (status === undefined && input.speakerId === undefined)
      invalid(m, 'give a "status", a "speakerId" or both');
    return [
      defined({
        id: idOf<QuoteId>(m, 'the quote id', input.id),
        status,
        speakerId:
          input.speakerId === null
            ? null
            : input.speakerId === undefined
              ? undefined
              : entityId(m, '"speakerId"', input.speakerId),
      }),
    ];
  },
  reviewQuotes: (args) => {
    const m = 'reviewQuotes';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['reviews']);
    if (!Array.isArray(input.reviews)) invalid(m, '"reviews" must be a list of { id, status }');
    if (input.reviews.length > MAX_BATCH_REVIEWS)
      invalid(m, `"reviews" holds more than ${MAX_BATCH_REVIEWS} quotes`);
    return [
      {
        reviews: input.reviews.map((item: unknown) => {
          const review = objectOf(m, item, ['id', 'status']);
          const status = optionalChoice(m, 'status', review.status, STATUSES);
          if (status === undefined) invalid(m, 'each review needs a "status"');
          return { id: idOf<QuoteId>(m, 'the quote id', review.id), status };
        }),
      },
    ];
  },
  reviewMention: (args) => {
    const m = 'reviewMention';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['id', 'status']);
    const status = optionalChoice(m, 'status', input.status, STATUSES);
    if (status === undefined) invalid(m, '"status" is required');
    return [{ id: idOf<MentionId>(m, 'the mention id', input.id), status }];
  },
  addQuote: (args) => {
    const m = 'addQuote';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['sourceId', 'start', 'end', 'speakerId']);
    return [
      defined({
        sourceId: sourceId(m, input.sourceId),
        ...span(m, input),
        speakerId: input.speakerId === undefined ? undefined : entityId(m, '"speakerId"', input.speakerId),
      }),
    ];
  },
  addMention: (args) => {
    const m = 'addMention';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['sourceId', 'start', 'end', 'entityId', 'newEntity']);
    if ((input.entityId === undefined) === (input.newEntity === undefined)) {
      invalid(m, 'give exactly one of "entityId" and "newEntity"');
    }
    let newEntity: CreateEntityInput | undefined;
    if (input.newEntity !== undefined) {
      const created = objectOf(m, input.newEntity, ['kind', 'name']);
      newEntity = {
        kind: requiredKind(m, 'newEntity.kind', created.kind),
        name: entityName(m, 'newEntity.name', created.name),
      };
    }
    return [
      defined({
        sourceId: sourceId(m, input.sourceId),
        ...span(m, input),
        entityId: input.entityId === undefined ? undefined : entityId(m, '"entityId"', input.entityId),
        newEntity,
      }),
    ];
  },
  listEntities: (args) =>
    optional('listEntities', args, (value) => {
      const m = 'listEntities';
      const input = objectOf(m, value, ['kinds', 'query', 'limit']);
      let kinds: EntityKind[] | undefined;
      if (input.kinds !== undefined) {
        if (!Array.isArray(input.kinds)) invalid(m, '"kinds" must be a list');
        kinds = input.kinds.map((k) => requiredKind(m, 'each of "kinds"', k));
      }
      return defined({
        kinds,
        query: optionalString(m, 'query', input.query, MAX_ENTITY_NAME),
        limit: optionalInteger(m, 'limit', input.limit, 1, MAX_LIST_LIMIT),
      });
    }),
  createEntity: (args) => {
    const m = 'createEntity';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['kind', 'name']);
    return [{ kind: requiredKind(m, 'kind', input.kind), name: entityName(m, 'name', input.name) }];
  },
  renameEntity: (args) => {
    const m = 'renameEntity';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['id', 'name']);
    return [{ id: entityId(m, 'the entity id', input.id), name: entityName(m, 'name', input.name) }];
  },
  mergeEntities: (args) => {
    const m = 'mergeEntities';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['into', 'from']);
    const from = idList(m, 'from', input.from, 100);
    if (from.length === 0) invalid(m, 'name at least one entity to merge');
    return [{ into: entityId(m, '"into"', input.into), from }];
  },
  splitEntity: (args) => {
    const m = 'splitEntity';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['id', 'aliases', 'name']);
    if (!Array.isArray(input.aliases) || input.aliases.length === 0) {
      invalid(m, '"aliases" must be a list of at least one name');
    }
    if (input.aliases.length > 1_000) invalid(m, '"aliases" holds more than 1000 names');
    return [
      {
        id: entityId(m, 'the entity id', input.id),
        aliases: input.aliases.map((a) => requiredString(m, 'each of "aliases"', a, MAX_ENTITY_NAME)),
        name: entityName(m, 'name', input.name),
      },
    ];
  },
  getEntityPage: byId('getEntityPage', (m, v) => entityId(m, 'the entity id', v)),
  listEntityQuotes: entityPageList('listEntityQuotes'),
  listEntitySources: entityPageList('listEntitySources'),
  getTimeline: (args) =>
    optional('getTimeline', args, (value) => {
      const m = 'getTimeline';
      const input = objectOf(m, value, [`from`, 'to', 'entityIds', 'limit', 'minorQuotes']);
      const from = optionalDay(m, `from`, input.from);
      const to = optionalDay(m, 'to', input.to);
      if (from !== undefined && to !== undefined && from > to)
        invalid(m, 'the first day is after the last day');
      return defined({
        from,
        to,
        entityIds: input.entityIds === undefined ? undefined : idList(m, 'entityIds', input.entityIds, 1_000),
        limit: optionalInteger(m, 'limit', input.limit, 1, MAX_TIMELINE_LIMIT),
        minorQuotes: optionalBoolean(m, 'minorQuotes', input.minorQuotes),
      });
    }),
  listQuotes: (args) =>
    optional('listQuotes', args, (value) => {
      const m = 'listQuotes';
      const input = objectOf(m, value, ['speakerId', 'sourceId', 'query', 'includeRejected', 'limit']);
      return defined({
        speakerId: input.speakerId === undefined ? undefined : entityId(m, '"speakerId"', input.speakerId),
        sourceId: input.sourceId === undefined ? undefined : sourceId(m, input.sourceId),
        query: optionalString(m, 'query', input.query, 1_000),
        includeRejected: optionalBoolean(m, 'includeRejected', input.includeRejected),
        limit: optionalInteger(m, 'limit', input.limit, 1, MAX_LIST_LIMIT),
      });
    }),
  setSourcePublished: (args) => {
    const m = 'setSourcePublished';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['id', 'published']);
    if (!('published' in input))
      invalid(m, '"published" is required (a date YYYY-MM-DD, or null for unknown)');
    return [
      {
        id: sourceId(m, input.id),
        published: input.published === null ? null : (optionalDay(m, 'published', input.published) ?? null),
      },
    ];
  },
  separateEvents: (args) => {
    const m = 'separateEvents';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['id', 'otherId']);
    const id = entityId(m, 'the event id', input.id);
    const otherId = entityId(m, 'the other event id', input.otherId);
    if (id === otherId) invalid(m, 'an event cannot be kept apart from itself');
    return [{ id, otherId }];
  },
  splitEvent: (args) => {
    const m = 'splitEvent';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['id', 'sourceIds', 'name']);
    if (!Array.isArray(input.sourceIds) || input.sourceIds.length === 0) {
      invalid(m, '"sourceIds" must list at least one source');
    }
    if (input.sourceIds.length > 1_000) invalid(m, '"sourceIds" holds more than 1000 ids');
    return [
      {
        id: entityId(m, 'the event id', input.id),
        sourceIds: input.sourceIds.map((v) => sourceId(m, v)),
        name: entityName(m, 'name', input.name),
      },
    ];
  },
};
