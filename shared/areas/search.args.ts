/**
 * The argument schemas of the search area (`shared/areas/search.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import * as v from 'valibot';
import { args, input, text, validatorsOf, wholeNumber, type ArgsSchemas } from '../schema';
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_QUERY_LENGTH,
  MAX_SEARCH_DEPTH,
  MAX_SEARCH_LIMIT,
  type SearchApi,
} from './search';

/** A search request. */
export const SearchInput = v.pipe(
  input({
    /** What the user typed, filters included. */
    query: text(MAX_QUERY_LENGTH),
    /** Hits to return, 1 to {@link MAX_SEARCH_LIMIT}; default {@link DEFAULT_SEARCH_LIMIT}. */
    limit: v.optional(wholeNumber(1, MAX_SEARCH_LIMIT)),
    /** Hits to skip (paging); offset + limit at most {@link MAX_SEARCH_DEPTH}. */
    offset: v.optional(wholeNumber(0, MAX_SEARCH_DEPTH)),
  }),
  v.check(
    ({ offset, limit }) => (offset ?? 0) + (limit ?? DEFAULT_SEARCH_LIMIT) <= MAX_SEARCH_DEPTH,
    `"offset" plus "limit" must be at most ${MAX_SEARCH_DEPTH}; narrow the query instead`,
  ),
);
export type SearchInput = v.InferOutput<typeof SearchInput>;

/** The arguments of the search area's methods. */
export const SEARCH_ARGS = { search: args([SearchInput]) } satisfies ArgsSchemas<SearchApi>;

/** Argument validators of the search area, from {@link SEARCH_ARGS}. */
export const SEARCH_VALIDATORS = validatorsOf<SearchApi>(SEARCH_ARGS);
