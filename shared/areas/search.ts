/**
 * The search area of the API: one query box over sources, notes, quotes and entities (people, places,
 * organisations, events, topics), ranked, with highlighted snippets and filters typed into the query
 * itself (`speaker:putin type:quote from:2025-03-01 ceasefire`).
 *
 * Any text is a valid query: unbalanced quotes, `NEAR(`, `AND`/`OR`, `*`, emoji or lone surrogates
 * are searched as words (or dropped when they hold no letters or digits), never an error.
 */

import type { EntityId, EntityKind, SourceId } from '../model';
import type { SearchInput } from './search.args';

// The argument types are inferred from the schemas (see the .args file); the UI imports them from here.
export type { SearchInput };

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 1_000;
/** Most hits one call returns. */
export const MAX_SEARCH_LIMIT = 200;
/** Deepest page a caller may ask for (offset + limit). */
export const MAX_SEARCH_DEPTH = 1_000;
/** Hits per call when `limit` is absent. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** What a hit is. */
export type SearchHitType = 'source' | 'note' | 'quote' | 'entity';

/** Every hit type, in the order the UI groups them. */
export const SEARCH_HIT_TYPES: readonly SearchHitType[] = ['entity', 'quote', 'note', 'source'];

/** A [start, end) range of offsets into a snippet's `text` (JavaScript string indices). */
export type Highlight = [start: number, end: number];

/** Text to show for a hit, with the matched words marked. Plain text: the UI renders the marks. */
export interface Snippet {
  text: string;
  /** Ranges of `text` that matched the query, in order, not overlapping. */
  highlights: Highlight[];
}

/** One search result. */
export interface SearchHit {
  type: SearchHitType;
  /** The id of the source, note, quote or entity. */
  id: string;
  /** The source or note title, the speaker's line for a quote, the entity's name. */
  title: string;
  /** Highlights of the query in `title`. */
  titleHighlights: Highlight[];
  snippet: Snippet;
  /**
   * For sources and notes: where the first match is in the record's plain text (the reader scrolls
   * there). For quotes: the quote's span in its source. Absent when the match is only in the title.
   */
  match?: { start: number; end: number };
  /** Publication date of the source (or of the quote's source), last edit of a note, an event's date. */
  date: string | null;
  /** For quotes: the source they come from and its title. */
  sourceId?: SourceId;
  sourceTitle?: string;
  /** For quotes: who said it, when known. */
  speaker?: { id: EntityId; name: string } | null;
  /** For entities: what kind of entity. */
  entityKind?: EntityKind;
  /** For sources: the site's name. */
  siteName?: string | null;
  /** Higher is better; comparable across types within one result list only. */
  score: number;
}

/** The query as Dossier understood it, so the UI can show which filters applied. */
export interface ParsedQuery {
  /** Words and phrases searched for, in order (all must match). */
  terms: QueryTerm[];
  /** Only these hit types; empty means all. */
  types: SearchHitType[];
  /** For `type:person` and the like: only entities of these kinds. Empty means any kind. */
  entityKinds: EntityKind[];
  /** `speaker:` prefix of a speaker's name or alias, case- and accent-folded. */
  speaker: string | null;
  /** `from:` / `to:` as YYYY-MM-DD (inclusive); a month or year is widened to its first or last day. */
  from: string | null;
  to: string | null;
  /** `site:` part of a site name or URL, lower-cased. */
  site: string | null;
  /** `in:title`: match titles (and entity names) only. */
  titleOnly: boolean;
}

/** One searched word or phrase, as tokens folded the way the full-text index folds them. */
export interface QueryTerm {
  /** The text as typed (without quotation marks). */
  text: string;
  /** Lower-case, accent-free tokens; a phrase has several. Never empty. */
  tokens: string[];
  /** Typed in "quotes": its tokens must be adjacent and in order. */
  phrase: boolean;
  /** The word being typed: its last token matches any word it starts. */
  prefix: boolean;
}

/** One page of search results. */
export interface SearchResults {
  hits: SearchHit[];
  /** True when more hits follow this page (ask again with a larger offset). */
  hasMore: boolean;
  query: ParsedQuery;
  /** What was ignored or reinterpreted ("from: needs a date like 2025-03-01; searched as a word"). */
  warnings: string[];
}

/** Methods of the search area. */
export interface SearchApi {
  /**
   * Searches sources, notes, quotes and entities for `input.query`, best first. Items in the trash and
   * rejected quotes are left out. An empty query (or one with no words and no filters) returns no hits.
   */
  search(input: SearchInput): Promise<SearchResults>;
}

/** The search area's methods, in the order hosts register them. */
export const SEARCH_METHODS = ['search'] as const satisfies readonly (keyof SearchApi)[];
