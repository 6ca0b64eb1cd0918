/**
 * The search box's language, parsed without ever failing: free words, "exact phrases" and filters
 * (`type:quote`, `speaker:putin`, `from:2025-03-01`, `to:2025`, `site:bbc`, `in:title`). Anything
 * else, including FTS5 syntax (`NEAR(`, `AND`, `*`, `^`, `col:`), is searched as plain words: the
 * parser keeps only folded word tokens, and {@link ftsMatchExpression} quotes each one, so user text
 * never reaches FTS5 as syntax.
 */
import type { ParsedQuery, QueryTerm, SearchHitType } from '../../../shared/areas/search';
import type { EntityKind } from '../../../shared/model';
import { parseDateBound } from '../../../shared/date-bounds';
import { fold, words } from './tokens';

export { parseDateBound };

/** The word being typed matches words it starts only from this length (shorter prefixes match too much). */
export const MIN_PREFIX_LENGTH = 3;

/** A parsed query and what the parser had to reinterpret. */
export interface ParseResult {
  query: ParsedQuery;
  warnings: string[];
}

const TYPE_WORDS: Record<string, { type: SearchHitType; kind?: EntityKind }> = {
  source: { type: 'source' },
  sources: { type: 'source' },
  article: { type: 'source' },
  articles: { type: 'source' },
  note: { type: 'note' },
  notes: { type: 'note' },
  quote: { type: 'quote' },
  quotes: { type: 'quote' },
  entity: { type: 'entity' },
  entities: { type: 'entity' },
  person: { type: 'entity', kind: 'person' },
  people: { type: 'entity', kind: 'person' },
  place: { type: 'entity', kind: 'place' },
  places: { type: 'entity', kind: 'place' },
  org: { type: 'entity', kind: 'org' },
  orgs: { type: 'entity', kind: 'org' },
  organisation: { type: 'entity', kind: 'org' },
  organization: { type: 'entity', kind: 'org' },
  event: { type: 'entity', kind: 'event' },
  events: { type: 'entity', kind: 'event' },
  topic: { type: 'entity', kind: 'topic' },
  topics: { type: 'entity', kind: 'topic' },
};

const FILTERS = new Set(['type', 'speaker', 'from', 'to', 'site', 'in']);

/** One whitespace-separated piece of the input: a word, a "phrase", or `key:value`. */
interface Chunk {
  text: string;
  quoted: boolean;
  key: string | null;
}

/** Splits the input into chunks; an unclosed quote runs to the end of the input. */
function chunks(input: string, warnings: string[]): { list: Chunk[]; endsInWord: boolean } {
  const list: Chunk[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/u.test(input[i]!)) i++;
    if (i >= n) break;
    let key: string | null = null;
    // `key:` directly followed by a value; only known keys are filters, others stay words.
    const keyMatch = /^([A-Za-z]+):(?=\S)/.exec(input.slice(i, i + 12));
    if (keyMatch !== null && FILTERS.has(keyMatch[1]!.toLowerCase())) {
      key = keyMatch[1]!.toLowerCase();
      i += keyMatch[0].length;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) {
        warnings.push('A quotation mark was not closed; the phrase runs to the end of the query.');
      }
      const end = close === -1 ? n : close;
      list.push({ text: input.slice(i + 1, end), quoted: true, key });
      i = close === -1 ? n : close + 1;
      continue;
    }
    const start = i;
    while (i < n && !/\s/u.test(input[i]!) && !(input[i] === '"' && i > start)) i++;
    list.push({ text: input.slice(start, i), quoted: false, key });
  }
  const last = list[list.length - 1];
  const endsInWord = last !== undefined && !last.quoted && n > 0 && !/[\s"]/u.test(input[n - 1]!);
  return { list, endsInWord };
}

function term(text: string, phrase: boolean): QueryTerm | null {
  const tokens = words(text);
  if (tokens.length === 0) return null;
  return { text, tokens, phrase: phrase || tokens.length > 1, prefix: false };
}

/** Parses what the user typed. Never throws; anything it cannot use becomes a word or a warning. */
export function parseQuery(input: string): ParseResult {
  const warnings: string[] = [];
  const query: ParsedQuery = {
    terms: [],
    types: [],
    entityKinds: [],
    speaker: null,
    from: null,
    to: null,
    site: null,
    titleOnly: false,
  };
  const { list, endsInWord } = chunks(input, warnings);
  const asWords = (chunk: Chunk): void => {
    const whole = chunk.key === null ? chunk.text : `${chunk.key} ${chunk.text}`;
    const found = term(whole, chunk.quoted);
    if (found !== null) query.terms.push(found);
  };

  for (const chunk of list) {
    const value = chunk.text.trim();
    switch (chunk.key) {
      case null:
        asWords(chunk);
        break;
      case 'type':
        for (const word of value.toLowerCase().split(/[,|]/)) {
          const entry = TYPE_WORDS[word];
          if (entry === undefined) {
            warnings.push(
              `type:${word} is not a type (quote, source, note, person, event, entity…); ignored.`,
            );
            continue;
          }
          if (!query.types.includes(entry.type)) query.types.push(entry.type);
          if (entry.kind !== undefined && !query.entityKinds.includes(entry.kind)) {
            query.entityKinds.push(entry.kind);
          }
        }
        break;
      case 'speaker': {
        const name = words(value).join(' ');
        if (name === '') warnings.push('speaker: needs a name; ignored.');
        else query.speaker = name;
        break;
      }
      case 'from':
      case 'to': {
        const bound = parseDateBound(value, chunk.key === 'to');
        if (bound === null) {
          warnings.push(`${chunk.key}: needs a date like 2025-03-01, 2025-03 or 2025; searched as words.`);
          asWords(chunk);
        } else query[chunk.key] = bound;
        break;
      }
      case 'site': {
        const site = fold(value)
          .replace(/^https?:\/\//, '')
          .replace(/^www\./, '');
        if (site === '') warnings.push('site: needs part of a site name; ignored.');
        else query.site = site;
        break;
      }
      case 'in':
        if (value.toLowerCase() === 'title') query.titleOnly = true;
        else warnings.push(`in:${value} is not known (only in:title); ignored.`);
        break;
    }
  }

  if (query.from !== null && query.to !== null && query.from > query.to) {
    warnings.push(`from:${query.from} is after to:${query.to}; nothing can match both.`);
  }
  // The word still being typed matches longer words ("cease" finds "ceasefire").
  const last = list[list.length - 1];
  const lastTerm = query.terms[query.terms.length - 1];
  if (endsInWord && last?.key === null && lastTerm !== undefined && !lastTerm.phrase) {
    const token = lastTerm.tokens[lastTerm.tokens.length - 1]!;
    if (token.length >= MIN_PREFIX_LENGTH) lastTerm.prefix = true;
  }
  return { query, warnings };
}

/**
 * What the word being typed stands for: the indexed words it starts (see LookupRepo.completions).
 * Null or absent: let FTS5 expand it (`"word"*`).
 */
export type Completions = (term: QueryTerm) => readonly string[] | null;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One term as an FTS5 string: its tokens in double quotes (a phrase); a prefix as its completions. */
function ftsString(item: QueryTerm, completions?: Completions): string {
  const phrase = quoted(item.tokens.join(' '));
  if (!item.prefix) return phrase;
  const words = completions?.(item) ?? null;
  if (words === null || words.length === 0) return `${phrase}*`;
  return words.length === 1 ? quoted(words[0]!) : `(${words.map(quoted).join(' OR ')})`;
}

/**
 * The FTS5 MATCH expression for `terms` (all must match), or null when there is nothing to match.
 * Only quoted strings of word tokens (and OR groups of them) are emitted, so the result is always
 * valid FTS5 syntax. `columns` limits the match to those columns (`in:title`); `completions` replaces
 * a prefix term by the words it starts.
 */
export function ftsMatchExpression(
  terms: readonly QueryTerm[],
  columns?: readonly string[],
  completions?: Completions,
): string | null {
  if (terms.length === 0) return null;
  // Explicit AND: FTS5's implicit AND does not accept a parenthesised OR group after a phrase.
  const body = terms.map((term) => ftsString(term, completions)).join(' AND ');
  return columns === undefined ? body : `{${columns.join(' ')}} : (${body})`;
}

/**
 * What to rank matches of `terms` by when a term is a phrase, or null when none is: bm25 of a phrase
 * first counts the phrase's matches in the whole index (reading every position of its words in every
 * record: tens of milliseconds at 100k sources for "not to"), so each phrase is ranked as its longest
 * word (usually its rarest), among records that matched the phrase itself.
 */
export function rankExpression(
  terms: readonly QueryTerm[],
  columns?: readonly string[],
  completions?: Completions,
): string | null {
  if (!terms.some((term) => term.tokens.length > 1)) return null;
  const proxies = terms.map((term): QueryTerm => {
    if (term.tokens.length === 1) return term;
    const longest = term.tokens.reduce((best, token) => (token.length > best.length ? token : best));
    return { ...term, tokens: [longest], phrase: false, prefix: false };
  });
  return ftsMatchExpression(proxies, columns, completions);
}

/**
 * True when the query asks for nothing: no words and no filter. Filters alone (`type:quote`,
 * `site:vox.com`, `from:2019-11-01`, `speaker:putin`) list what they match; `in:title` needs words.
 */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.terms.length === 0 && !hasListingFilter(query) && query.speaker === null;
}

/** True when the query has a filter that selects records by itself (type, dates, site). */
export function hasListingFilter(query: ParsedQuery): boolean {
  return query.types.length > 0 || query.from !== null || query.to !== null || query.site !== null;
}
