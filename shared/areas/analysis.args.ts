/**
 * The argument schemas of the analysis area (`shared/areas/analysis.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import * as v from 'valibot';
import type { EntityId, EntityKind, MentionId, QuoteId, ReviewStatus, SourceId } from '../model';
import {
  args,
  day,
  flag,
  id,
  input,
  list,
  nonEmptyList,
  oneOf,
  text,
  validatorsOf,
  wholeNumber,
  type ArgsSchemas,
} from '../schema';
import {
  MAX_BATCH_REVIEWS,
  MAX_ENTITY_NAME,
  MAX_LIST_LIMIT,
  MAX_OFFSET,
  MAX_TIMELINE_LIMIT,
  type AnalysisApi,
  type SpanRange,
} from './analysis';

const entityKind = oneOf<EntityKind>(['person', 'place', 'org', 'event', 'topic']);
const status = oneOf<ReviewStatus>(['suggested', 'confirmed', 'rejected']);
const entityId = (what: string) => id<EntityId>(what);
const sourceId = id<SourceId>('the source id');
const quoteId = id<QuoteId>('the quote id');
const entityIds = (field: string, max: number) => list(entityId(`each of "${field}"`), max, 'entity ids');

/** A name: letters or digits, spaces trimmed and collapsed, at most {@link MAX_ENTITY_NAME} characters. */
const entityName = v.pipe(
  text(MAX_ENTITY_NAME),
  v.transform((name) => name.trim().replace(/\s+/g, ' ')),
  v.regex(/[\p{L}\p{N}]/u, '{field} must contain a letter or digit'),
);

/** A span's start and end: whole numbers, start < end. */
const span = {
  start: wholeNumber(0, MAX_OFFSET),
  end: wholeNumber(1, MAX_OFFSET),
};
const startBeforeEnd = <T extends SpanRange>() =>
  v.check<T, string>((range) => range.end > range.start, '"end" must be greater than "start"');

/** A review of one quote: its status and/or its speaker. */
export const ReviewQuoteInput = v.pipe(
  input({
    id: quoteId,
    status: v.optional(status),
    /** A different speaker (confirms the quote), or null for "speaker unknown". */
    speakerId: v.optional(v.nullable(entityId('"speakerId"'))),
  }),
  v.check(
    (review) => review.status !== undefined || review.speakerId !== undefined,
    'give a "status", a "speakerId" or both',
  ),
);
export type ReviewQuoteInput = v.InferOutput<typeof ReviewQuoteInput>;

/** Several quotes set to a status in one step. */
export const ReviewQuotesInput = input({
  reviews: list(input({ id: quoteId, status }), MAX_BATCH_REVIEWS, '{ id, status }'),
});
export type ReviewQuotesInput = v.InferOutput<typeof ReviewQuotesInput>;

/** A review of one mention. */
export const ReviewMentionInput = input({ id: id<MentionId>('the mention id'), status });
export type ReviewMentionInput = v.InferOutput<typeof ReviewMentionInput>;

/** A quote marked by hand in the reader. */
export const AddQuoteInput = v.pipe(
  input({ sourceId, ...span, speakerId: v.optional(entityId('"speakerId"')) }),
  startBeforeEnd(),
);
export type AddQuoteInput = v.InferOutput<typeof AddQuoteInput>;

/** A new entity the user names (e.g. typed after @ in a note). */
export const CreateEntityInput = input({ kind: entityKind, name: entityName });
export type CreateEntityInput = v.InferOutput<typeof CreateEntityInput>;

/** A mention marked by hand in the reader: of an existing entity, or of a new one. */
export const AddMentionInput = v.pipe(
  input({
    sourceId,
    ...span,
    entityId: v.optional(entityId('"entityId"')),
    newEntity: v.optional(CreateEntityInput),
  }),
  startBeforeEnd(),
  v.check(
    (mention) => (mention.entityId === undefined) !== (mention.newEntity === undefined),
    'give exactly one of "entityId" and "newEntity"',
  ),
);
export type AddMentionInput = v.InferOutput<typeof AddMentionInput>;

/** Which entities to list (the People and Events screens, the @ and # typeaheads). */
export const ListEntitiesOptions = input({
  kinds: v.optional(v.array(entityKind, '{field} must be a list')),
  /** Matches the start of any word of the name or an alias, accents and case ignored. */
  query: v.optional(text(MAX_ENTITY_NAME)),
  /** Default 50. */
  limit: v.optional(wholeNumber(1, MAX_LIST_LIMIT)),
});
export type ListEntitiesOptions = v.InferOutput<typeof ListEntitiesOptions>;

/** A new name for an entity (the old one stays as an alias). */
export const RenameEntityInput = input({ id: entityId('the entity id'), name: entityName });
export type RenameEntityInput = v.InferOutput<typeof RenameEntityInput>;

/** Entities merged into `into`. */
export const MergeEntitiesInput = input({
  into: entityId('"into"'),
  from: v.pipe(entityIds('from', 100), v.minLength(1, 'name at least one entity to merge')),
});
export type MergeEntitiesInput = v.InferOutput<typeof MergeEntitiesInput>;

/** Aliases of an entity moved to a new entity named `name`. */
export const SplitEntityInput = input({
  id: entityId('the entity id'),
  aliases: nonEmptyList(text(MAX_ENTITY_NAME), 1_000, 'name', 'names'),
  name: entityName,
});
export type SplitEntityInput = v.InferOutput<typeof SplitEntityInput>;

/** The next page of an entity page's quotes (`after` a quote id) or sources (`after` a source id). */
const entityPageList = (after: string) =>
  input({
    /** The entity (a merged-away id lists the entity it was merged into). */
    id: entityId('the entity id'),
    /** The last item the caller has; omitted for the first page. */
    after: v.optional(id(after)),
    /** Items to return (default `ENTITY_PAGE_SIZE`). */
    limit: v.optional(wholeNumber(1, MAX_LIST_LIMIT)),
  });
export type EntityPageListInput = v.InferOutput<ReturnType<typeof entityPageList>>;

/** Which items the timeline shows. */
export const TimelineOptions = v.pipe(
  input({
    /** YYYY-MM-DD bounds, inclusive. */
    from: v.optional(day()),
    to: v.optional(day()),
    /**
     * Only items involving these entities: events they take part in (or the events themselves) and
     * quotes they are the speaker of.
     */
    entityIds: v.optional(entityIds('entityIds', 1_000)),
    /** Most events, and most quotes, returned (each; default 2,000). */
    limit: v.optional(wholeNumber(1, MAX_TIMELINE_LIMIT)),
    /** Include scare quotes and one-word quotes (default false: they stay off the timeline). */
    minorQuotes: v.optional(flag()),
  }),
  v.check(
    ({ from, to }) => from === undefined || to === undefined || from <= to,
    'the first day is after the last day',
  ),
);
export type TimelineOptions = v.InferOutput<typeof TimelineOptions>;

/** Which quotes to list (the quote panel, `/quote` in the editor). */
export const ListQuotesOptions = input({
  speakerId: v.optional(entityId('"speakerId"')),
  sourceId: v.optional(sourceId),
  /** Words the quote must contain. */
  query: v.optional(text(1_000)),
  /** Include rejected quotes (default false). */
  includeRejected: v.optional(flag()),
  limit: v.optional(wholeNumber(1, MAX_LIST_LIMIT)),
});
export type ListQuotesOptions = v.InferOutput<typeof ListQuotesOptions>;

/** A new publication date for a source, or null for "unknown" (relative dates then stay unresolved). */
export const SetPublishedInput = input({
  id: sourceId,
  /** YYYY-MM-DD, or null. */
  published: v.nullable(day()),
});
export type SetPublishedInput = v.InferOutput<typeof SetPublishedInput>;

/** Two events that are different happenings. */
export const SeparateEventsInput = v.pipe(
  input({ id: entityId('the event id'), otherId: entityId('the other event id') }),
  v.check(({ id, otherId }) => id !== otherId, 'an event cannot be kept apart from itself'),
);
export type SeparateEventsInput = v.InferOutput<typeof SeparateEventsInput>;

/** Moves some reports of an event (those from `sourceIds`) to a new event the user names. */
export const SplitEventInput = input({
  id: entityId('the event id'),
  sourceIds: nonEmptyList(sourceId, 1_000, 'source', 'sources'),
  name: entityName,
});
export type SplitEventInput = v.InferOutput<typeof SplitEventInput>;

/** The arguments of the analysis area's methods. */
export const ANALYSIS_ARGS = {
  getSourceAnalysis: args([sourceId]),
  reextractSource: args([sourceId]),
  reviewQuote: args([ReviewQuoteInput]),
  reviewQuotes: args([ReviewQuotesInput]),
  reviewMention: args([ReviewMentionInput]),
  addQuote: args([AddQuoteInput]),
  addMention: args([AddMentionInput]),
  listEntities: args([], [ListEntitiesOptions]),
  createEntity: args([CreateEntityInput]),
  renameEntity: args([RenameEntityInput]),
  mergeEntities: args([MergeEntitiesInput]),
  splitEntity: args([SplitEntityInput]),
  getEntityPage: args([entityId('the entity id')]),
  listEntityQuotes: args([entityPageList('the quote id')]),
  listEntitySources: args([entityPageList('the source id')]),
  getTimeline: args([], [TimelineOptions]),
  listQuotes: args([], [ListQuotesOptions]),
  setSourcePublished: args([SetPublishedInput]),
  separateEvents: args([SeparateEventsInput]),
  splitEvent: args([SplitEventInput]),
} satisfies ArgsSchemas<AnalysisApi>;

/** Argument validators of the analysis area, from {@link ANALYSIS_ARGS}. */
export const ANALYSIS_VALIDATORS = validatorsOf<AnalysisApi>(ANALYSIS_ARGS);
