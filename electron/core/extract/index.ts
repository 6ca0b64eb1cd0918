/**
 * Reads one article: people, places, organisations, dates, quotes with speakers and candidate events,
 * each anchored to character spans of `text`. Pure and synchronous; the app runs it in a worker thread.
 */
import { Coreference } from './coref';
import { findDates } from './dates';
import { findPlacesAndOrganizations } from './entities';
import { findEvents } from './events/index';
import { inferPublished } from './published';
import { findPeople, type PeopleIndex } from './people';
import { lexiconTag } from './lexicon';
import { findQuotedSpans } from './quote-marks';
import { findSocialBylines, socialQuotes } from './social';
import { attributeQuotes } from './speakers';
import { layoutText } from './text';
import { tokenize } from './tokens';
import type { ExtractOptions, Extraction, NamedEntity, PublishedDate, Span } from './types';

export type * from './types';

/**
 * Loads what the first extraction would otherwise load (compromise and its lexicon as a Map). The
 * core worker calls it in the background after start-up; calling it again costs nothing.
 */
export function prepareExtractor(): void {
  lexiconTag('');
}

function peopleEntities(index: PeopleIndex): NamedEntity[] {
  const byPerson = index.people.map(() => ({ seen: new Set<string>(), mentions: [] as Span[] }));
  for (const m of index.mentions) {
    const entry = byPerson[m.person];
    const key = `${m.span[0]}:${m.span[1]}`;
    if (entry === undefined || entry.seen.has(key)) continue;
    entry.seen.add(key);
    entry.mentions.push(m.span);
  }
  return index.people.map((person, i) => ({
    name: person.name,
    aliases: [...person.aliases],
    mentions: byPerson[i]?.mentions ?? [],
  }));
}

/**
 * The date relative dates resolve against: the one given, else one read from the text or its address,
 * else none. Never today's: an undated text must not get its "Thursday" placed in the week it was read.
 */
export function publicationDate(text: string, options: ExtractOptions): PublishedDate {
  const given = options.published;
  if (given !== undefined && given !== null) {
    if (!/^\d{4}-\d\d-\d\d$/.test(given) || Number.isNaN(Date.parse(`${given}T00:00:00Z`))) {
      throw new Error(`The publication date "${given}" is not a date: write it as YYYY-MM-DD.`);
    }
    return { value: given, origin: 'given', evidence: null };
  }
  const inferred = options.inferPublished === false ? null : inferPublished(text, options.url);
  return inferred === null
    ? { value: null, origin: 'none', evidence: null }
    : { value: inferred.value, origin: 'inferred', evidence: inferred.evidence };
}

/**
 * Extracts everything Dossier proposes from one article's plain text.
 * @param text the article text; every returned offset is a JavaScript string index into it
 * @param options.published the publication date (YYYY-MM-DD) that relative dates resolve against;
 *   without it the date is read from the text (see {@link publicationDate}) or stays unknown
 */
export function extractArticle(text: string, options: ExtractOptions = {}): Extraction {
  const published = publicationDate(text, options);
  const layout = layoutText(text);
  const tokens = tokenize(text);
  const bylines = findSocialBylines(text, layout);
  const people = findPeople(text, tokens, bylines);
  const { places, organizations } = findPlacesAndOrganizations(
    text,
    tokens,
    people.mentions.map((m) => m.span),
  );
  const quoted = findQuotedSpans(text, layout);
  const coref = new Coreference(
    text,
    people,
    layout.sentences,
    quoted.map((q) => q.span),
  );
  const social = socialQuotes(
    text,
    layout,
    bylines,
    (byline) => coref.named(byline.name)?.name ?? text.slice(...byline.name),
  );
  const quotes = [...attributeQuotes(text, layout, quoted, coref), ...social].sort(
    (a, b) => a.span[0] - b.span[0],
  );
  const { dates, unresolved } = findDates(text, layout.sentences, published.value);
  const peopleFound = peopleEntities(people);
  const events = findEvents({
    text,
    layout,
    people: peopleFound,
    places,
    organizations,
    dates,
    quotes,
    published: published.value,
  });
  return {
    people: peopleFound,
    places,
    organizations,
    dates,
    quotes,
    events,
    published,
    unresolvedDates: unresolved,
  };
}
