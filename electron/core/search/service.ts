/**
 * The search area of the core: parses the query, asks each table for its best matches (filters in
 * SQL), merges them into one ranked list and builds snippets for the page that is returned.
 */
import type {
  ParsedQuery,
  QueryTerm,
  SearchApi,
  SearchHit,
  SearchHitType,
  SearchInput,
  SearchResults,
} from '../../../shared/areas/search';
import { DEFAULT_SEARCH_LIMIT } from '../../../shared/areas/search';
import type { EntityId, SourceId } from '../../../shared/model';
import type { CoreContext } from '../context';
import {
  ftsMatchExpression,
  isEmptyQuery,
  parseQuery,
  rankExpression,
  type Completions,
} from './parse-query';
import { rankHits, type Candidate, type Scored } from './rank';
import { ListingRepo } from './listing-repo';
import { LookupRepo } from './lookup-repo';
import { SearchRepo, type SqlFilters } from './search-repo';
import { buildSnippet, highlightAll, matchRanges } from './snippet';
import { tokenize } from './tokens';

function wants(query: ParsedQuery, type: SearchHitType): boolean {
  return query.types.length === 0 || query.types.includes(type);
}

/** Implements {@link SearchApi} on one open notebook. */
export class SearchService implements SearchApi {
  private readonly repo: SearchRepo;
  private readonly lookup: LookupRepo;
  private readonly listing: ListingRepo;

  constructor(ctx: CoreContext) {
    this.repo = new SearchRepo(ctx.db);
    this.lookup = new LookupRepo(ctx.db);
    this.listing = new ListingRepo(ctx.db);
  }

  /** @inheritdoc */
  async search(input: SearchInput): Promise<SearchResults> {
    const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
    const offset = input.offset ?? 0;
    const { query, warnings } = parseQuery(input.query);
    if (isEmptyQuery(query)) return { hits: [], hasMore: false, query, warnings };

    const speakerIds = query.speaker === null ? null : this.lookup.speakerIds(query.speaker);
    if (speakerIds !== null && speakerIds.length === 0) {
      warnings.push(`Nobody named "${query.speaker}" is in the notebook, so nothing was said by them.`);
      return { hits: [], hasMore: false, query, warnings };
    }
    const filters: SqlFilters = {
      from: query.from,
      to: query.to,
      site: query.site,
      speakers: speakerIds === null ? null : this.repo.speakerFilter(speakerIds),
    };
    // Each table's best offset + limit + 1 are enough to fill this page of the merged list and to
    // know whether another page follows.
    const depth = offset + limit + 1;
    // Filters alone (no words, no speaker): everything they match, newest first.
    const ranked =
      query.terms.length === 0 && query.speaker === null
        ? newestFirst(this.listed(query, filters, depth))
        : rankHits(
            this.candidates(query, filters, depth),
            (title) => {
              const tokens = tokenize(title);
              return (
                query.terms.length > 0 && query.terms.every((term) => matchRanges(tokens, [term]).length > 0)
              );
            },
            query.speaker !== null,
          );
    const page = ranked.slice(offset, offset + limit);
    return {
      hits: this.withSnippets(page, query),
      hasMore: ranked.length > offset + limit,
      query,
      warnings,
    };
  }

  private candidates(query: ParsedQuery, filters: SqlFilters, depth: number): Candidate[] {
    const { terms } = query;
    const out: Candidate[] = [];
    const columns = query.titleOnly ? ['title'] : undefined;
    // The word being typed: for sources, every word of their index it starts (when it starts none, no
    // source can match); notes and quotes let FTS5 expand it (see LookupRepo.completions).
    const sources = this.sourceExpansions(terms);
    const anyMatch = ftsMatchExpression(terms, columns, sources ?? undefined);
    const anyRank = rankExpression(terms, columns, sources ?? undefined);
    // A site filter only makes sense for sources and their quotes; a date filter not for people.
    const noSite = query.site === null;
    const noDates = query.from === null && query.to === null;

    if (anyMatch !== null && wants(query, 'source')) {
      const seen = new Set<number>();
      if (sources !== null) {
        for (const row of this.repo.sources(anyMatch, filters, depth, anyRank)) {
          out.push({ type: 'source', rank: row.bm25, row });
          seen.add(row.seq);
        }
      }
      // Long articles' text is indexed in parts (schema 12), words being typed expanded by FTS5 itself
      // (the source index's vocabulary does not hold the parts' words). Their titles are in the index above.
      const partsMatch = query.titleOnly ? null : ftsMatchExpression(terms);
      if (partsMatch !== null) {
        for (const row of this.repo.sourceParts(partsMatch, filters, depth)) {
          if (!seen.has(row.seq)) out.push({ type: 'source', rank: row.bm25, row });
        }
      }
    }
    const noteMatch = ftsMatchExpression(terms, columns);
    if (noteMatch !== null && noSite && wants(query, 'note')) {
      for (const row of this.repo.notes(noteMatch, filters, depth, rankExpression(terms, columns))) {
        out.push({ type: 'note', rank: row.bm25, row });
      }
    }
    if (wants(query, 'quote') && !query.titleOnly) {
      const quoteMatch = ftsMatchExpression(terms, ['text']);
      const quoteRank = rankExpression(terms, ['text']);
      for (const row of this.repo.quotes(quoteMatch, filters, depth, anyMatch, quoteRank)) {
        out.push({ type: 'quote', rank: row.bm25, row });
      }
    }
    if (terms.length > 0 && noSite && filters.speakers === null && wants(query, 'entity')) {
      const words = terms.flatMap((term) => term.tokens);
      const kinds = noDates ? query.entityKinds : ['event' as const];
      for (const row of this.lookup.entities(words, kinds, depth)) {
        if (!noDates && !withinDates(row.date, query)) continue;
        out.push({ type: 'entity', rank: -row.quality, row });
      }
    }
    return out;
  }

  /** What filters alone match, each table's newest `depth`; see ListingRepo. */
  private listed(query: ParsedQuery, filters: SqlFilters, depth: number): Candidate[] {
    const out: Candidate[] = [];
    // Notes and entities have no site; only events have dates (see candidates).
    const noSite = query.site === null;
    if (wants(query, 'source')) {
      for (const row of this.listing.sources(filters, depth)) out.push({ type: 'source', rank: 0, row });
    }
    if (wants(query, 'quote')) {
      for (const row of this.listing.quotes(filters, depth)) out.push({ type: 'quote', rank: 0, row });
    }
    if (noSite && wants(query, 'note')) {
      for (const row of this.listing.notes(filters, depth)) out.push({ type: 'note', rank: 0, row });
    }
    if (noSite && wants(query, 'entity')) {
      for (const row of this.listing.entities(query.entityKinds, filters, depth)) {
        out.push({ type: 'entity', rank: 0, row });
      }
    }
    return out;
  }

  /**
   * What each word being typed stands for in sources: all the indexed words it starts (null inside:
   * too many, or no vocabulary, so FTS5 expands it). Null when a word being typed starts no word of
   * any source, so sources can be skipped.
   */
  private sourceExpansions(terms: readonly QueryTerm[]): Completions | null {
    const expanded = new Map<QueryTerm, readonly string[] | null>();
    for (const term of terms) {
      if (!term.prefix) continue;
      const words = this.lookup.completions(term.tokens[0]!);
      if (words !== null && words.length === 0) return null;
      expanded.set(term, words);
    }
    return (term) => expanded.get(term) ?? null;
  }

  /** Fetches the texts of the page's sources and notes in two queries and builds every snippet. */
  private withSnippets(page: Scored[], query: ParsedQuery): SearchHit[] {
    const { terms } = query;
    const sourceTexts = this.lookup.sourceTexts(
      page.flatMap((c) => (c.type === 'source' ? [c.row.seq] : [])),
    );
    const noteTexts = this.lookup.noteTexts(page.flatMap((c) => (c.type === 'note' ? [c.row.seq] : [])));
    return page.map((candidate): SearchHit => {
      const { score } = candidate;
      switch (candidate.type) {
        case 'source': {
          const { row } = candidate;
          const built = buildSnippet(sourceTexts.get(row.seq) ?? '', terms);
          return {
            type: 'source',
            id: row.id,
            title: row.title,
            titleHighlights: highlightAll(row.title, terms),
            snippet: built.snippet,
            ...(built.match === null ? {} : { match: built.match }),
            date: row.date,
            siteName: row.site_name,
            score,
          };
        }
        case 'note': {
          const { row } = candidate;
          const built = buildSnippet(noteTexts.get(row.seq) ?? '', terms);
          return {
            type: 'note',
            id: row.id,
            title: row.title,
            titleHighlights: highlightAll(row.title, terms),
            snippet: built.snippet,
            ...(built.match === null ? {} : { match: built.match }),
            date: row.date,
            score,
          };
        }
        case 'quote': {
          const { row } = candidate;
          const title = row.speaker_name ?? 'Unknown speaker';
          return {
            type: 'quote',
            id: row.id,
            title,
            titleHighlights: highlightAll(title, terms),
            snippet: buildSnippet(row.text, terms, 400).snippet,
            match: { start: row.span_start, end: row.span_end },
            date: row.date,
            sourceId: row.source_id as SourceId,
            sourceTitle: row.source_title,
            speaker:
              row.speaker_id === null
                ? null
                : { id: row.speaker_id as EntityId, name: row.speaker_name ?? '' },
            score,
          };
        }
        case 'entity': {
          const { row } = candidate;
          const aka = row.matched !== row.name ? `also known as ${row.matched}. ` : '';
          const text = `${aka}${row.description}`.trim();
          return {
            type: 'entity',
            id: row.id,
            title: row.name,
            titleHighlights: highlightAll(row.name, terms),
            snippet: { text, highlights: highlightAll(text, terms) },
            date: row.date,
            entityKind: row.kind,
            score,
          };
        }
      }
    });
  }
}

/**
 * A listing's hits merged newest first (a source and its quotes share its day; undated entities come
 * last, in the order their table listed them), scored by position so the order survives the client.
 */
function newestFirst(candidates: readonly Candidate[]): Scored[] {
  const day = (c: Candidate): string => c.row.date ?? '';
  const sorted = candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => {
      const [x, y] = [day(a.candidate).slice(0, 10), day(b.candidate).slice(0, 10)];
      return x !== y ? (x < y ? 1 : -1) : a.index - b.index;
    });
  return sorted.map(({ candidate }, i) => ({
    ...candidate,
    score: Math.round((1 - i / (sorted.length + 1)) * 1e4) / 1e4,
  }));
}

function withinDates(date: string | null, query: ParsedQuery): boolean {
  if (date === null) return false;
  const day = date.slice(0, 10);
  return (query.from === null || day >= query.from) && (query.to === null || day <= query.to);
}
