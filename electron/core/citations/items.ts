/**
 * Sources as CSL-JSON items (the Citation Style Language's data format, which Zotero, Pandoc and
 * citeproc read): title, authors from the byline, publication, URL, publication date and the date the
 * source was clipped (accessed). Every citation format Dossier writes starts from these items.
 */
import type * as CitationName from '@citation-js/name';
import { lazyModule } from '../lazy-module';

// Loaded when a source's byline is first read as names, not when the core starts.
const citationName = lazyModule<typeof CitationName>('@citation-js/name');
import type Database from 'better-sqlite3';

/** A CSL date: year, month, day as far as known. */
export interface CslDate {
  'date-parts': [number] | [number, number] | [number, number, number][];
}

/** A CSL name: a person (family, given) or an organisation (literal). */
export type CslName =
  { family: string; given?: string; suffix?: string; 'non-dropping-particle'?: string } | { literal: string };

/** One CSL-JSON item (the fields Dossier fills). */
export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  language?: string;
  'citation-key'?: string;
}

/** The source columns an item is made from. */
export interface SourceRow {
  id: string;
  title: string;
  url: string | null;
  byline: string | null;
  site_name: string | null;
  published_at: string | null;
  clipped_at: string;
  language: string | null;
}

const SOURCE_COLUMNS = `id, title, COALESCE(canonical_url, url) AS url, byline, site_name, published_at, clipped_at, language`;

// Words that make a byline part an organisation ("Reuters Staff", "AP News Desk"), not a person.
const ORGANISATION =
  /\b(staff|desk|team|news|press|editorial|editors|reporters|correspondents|agency|bureau|wire)\b/i;
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv)$/i;

/** The authors a byline names ("By Anna Müller and John Smith", "Reuters Staff"). */
export function bylineNames(byline: string | null): CslName[] {
  if (byline === null) return [];
  const cleaned = byline
    .replace(/\s+/g, ' ')
    .replace(/^\s*(by|von|par|por|di)\s+/i, '')
    .replace(/\s*[|·•—–-]\s*(updated|published|posted)\b.*$/i, '')
    .trim();
  if (cleaned === '') return [];
  return cleaned
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^(by|the)$/i.test(part))
    .map((part): CslName => {
      const words = part.split(' ');
      if (words.length < 2 || ORGANISATION.test(part) || /\d/.test(part)) return { literal: part };
      const suffix = SUFFIX.test(words.at(-1)!) ? words.pop() : undefined;
      const name = citationName().parse(words.join(' ')) as {
        given?: string;
        family?: string;
        'non-dropping-particle'?: string;
      };
      if (!name.family) return { literal: part };
      return {
        family: name.family,
        ...(name.given ? { given: name.given } : {}),
        ...(name['non-dropping-particle'] ? { 'non-dropping-particle': name['non-dropping-particle'] } : {}),
        ...(suffix ? { suffix } : {}),
      };
    });
}

/** A CSL date from an ISO date or timestamp ("2016-11-03", "2016-11", "2016", "2016-11-03T10:00Z"). */
export function cslDate(value: string | null): { 'date-parts': number[][] } | undefined {
  const match = value === null ? null : /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (match === null) return undefined;
  const parts = [match[1], match[2], match[3]].filter((p): p is string => p !== undefined).map(Number);
  return { 'date-parts': [parts] };
}

/** The CSL-JSON item of one source. */
export function cslItemOf(source: SourceRow): CslItem {
  const item: CslItem = {
    id: source.id,
    type: source.site_name ? 'article-newspaper' : 'webpage',
    title: source.title,
  };
  const authors = bylineNames(source.byline);
  if (authors.length > 0) item.author = authors;
  if (source.site_name) item['container-title'] = source.site_name;
  if (source.url) item.URL = source.url;
  const issued = cslDate(source.published_at);
  if (issued) item.issued = issued;
  const accessed = cslDate(source.clipped_at);
  if (accessed) item.accessed = accessed;
  if (source.language) item.language = source.language;
  return item;
}

const ascii = (text: string): string => text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '');

/**
 * Citation keys (for BibTeX), unique in the list: first author's family name (or the publication),
 * year and the first word of the title, "Muller2016Talks"; "a", "b" ... when two would be equal.
 */
export function withCitationKeys(items: CslItem[]): CslItem[] {
  const used = new Map<string, number>();
  return items.map((item) => {
    const first = item.author?.[0];
    const who =
      first === undefined
        ? (item['container-title'] ?? 'Anon')
        : 'literal' in first
          ? first.literal
          : first.family;
    const year = item.issued?.['date-parts'][0]?.[0] ?? 'nd';
    const word = ascii(
      item.title.split(/\s+/).find((w) => ascii(w).length > 3) ?? item.title.split(/\s+/)[0] ?? '',
    );
    const base = `${ascii(who).slice(0, 24) || 'Anon'}${year}${word.slice(0, 1).toUpperCase()}${word.slice(1, 20)}`;
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    const key =
      n === 0
        ? base
        : `${base}${String.fromCharCode(97 + ((n - 1) % 26))}${n > 26 ? Math.floor((n - 1) / 26) : ''}`;
    return { ...item, 'citation-key': key };
  });
}

/** Which sources to cite. */
export type SourceSelection = { kind: 'all' } | { kind: 'sources'; ids: readonly string[] };

/** The CSL items of the selected live sources, oldest publication first. */
export function cslItems(db: Database.Database, selection: SourceSelection): CslItem[] {
  const rows =
    selection.kind === 'all'
      ? (db
          .prepare(
            `SELECT ${SOURCE_COLUMNS} FROM sources WHERE deleted_at IS NULL ORDER BY COALESCE(published_at, clipped_at), seq`,
          )
          .all() as SourceRow[])
      : (db
          .prepare(
            `SELECT ${SOURCE_COLUMNS} FROM sources WHERE id IN (SELECT value FROM json_each(?))
             ORDER BY COALESCE(published_at, clipped_at), seq`,
          )
          .all(JSON.stringify(selection.ids)) as SourceRow[]);
  return rows.map(cslItemOf);
}
