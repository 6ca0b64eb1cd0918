/**
 * Places and organisations: the tagger's LOC and ORG spans, grouped by name, with what the product
 * wants of a name on top of what the tagger learned from Reuters 1996:
 * - a seat of government ("the Kremlin", "the White House") names a building and the power inside it,
 *   so it is listed as both, whichever the tagger chose (its training data calls the Kremlin a place;
 *   "the Kremlin said" is an organisation speaking);
 * - a sentence's opening "The" is not part of the name ("The Ministry of Defence said");
 * - a generic word alone ("the Department", "the University") and a common abbreviation ("TV", "SD
 *   card") name no organisation a user could look up;
 * - a name that alone fills a quotation ("Meet the Press" in marks) is the title of a work;
 * - a social-media handle ("@NameUa") names an account, not a place or an organisation;
 * - a run of a headline written in Title Case ("Paris Terror Attacks Highlight Threat Posed") is no
 *   name: the tagger reads its capitals as a name's.
 */
import { lexiconTag } from './lexicon';
import type { EntitySpan } from './ner/tagger';
import type { NamedEntity, Span } from './types';

/** Seats of government that name both a building and the power inside it. */
const SEATS = new Set(['white house', 'kremlin', 'pentagon', 'downing street', 'elysee', 'élysée']);

/** Institution words that name no one organisation on their own. */
const GENERIC = new Set(
  (
    'department university ministry committee agency office bureau board company group institute college ' +
    'school hospital center centre foundation association authority organisation organization government ' +
    'administration police army navy club team party union league'
  ).split(' '),
);

/** Abbreviations of things, not of organisations. */
const COMMON_ABBREVIATIONS = new Set(
  (
    'tv sd pc ceo cfo coo gdp dna rna usb cd dvd hd id iq ok pr suv vip am pm fm ai it hr cv faq gps led ' +
    'lcd vat ipo etf atm sms pdf url diy covid mvp nba nfl'
  ).split(' '),
);

/** Names that keep their article ("The Hague"). */
const WITH_ARTICLE = new Set(['the hague', 'the netherlands', 'the gambia', 'the bahamas']);

function group(text: string, spans: readonly Span[]): NamedEntity[] {
  const byName = new Map<string, NamedEntity>();
  for (const span of spans) {
    const name = text.slice(span[0], span[1]);
    const entity = byName.get(name) ?? { name, aliases: [name], mentions: [] };
    entity.mentions.push(span);
    byName.set(name, entity);
  }
  return [...byName.values()];
}

/** The span without a leading "The" ("The Ministry of Defence" -> "Ministry of Defence"). */
function withoutArticle(text: string, [start, end]: Span): Span {
  const m = /^the\s+/i.exec(text.slice(start, end));
  return m === null || WITH_ARTICLE.has(text.slice(start, end).toLowerCase())
    ? [start, end]
    : [start + m[0].length, end];
}

/**
 * Small words a name writes in lower case ("Bank of America"), and a Title Case headline does not. Not
 * "The": a name may hold it ("CEO of The Wildlife Society").
 */
const TITLE_CASE_SMALL =
  /^(?:And|Of|A|An|As|About|To|Between|With|For|In|On|At|By|From|Is|Are|Was|Were|Over|After)$/;

/**
 * Whether a span of four or more words is a run of a Title Case headline rather than a name: after its
 * first word it has a small word capitalised ("Between Marco Rubio And Rand", "Flexes Muscles As
 * Asia"), an adverb made of an adjective ("Candidates Resoundingly Reject", "Actually Happened"), or
 * ends on a verb in the past ("Attacks Highlight Threat Posed"). Not a past form before a noun
 * ("Displaced Persons", "Taylor Made Co"), nor a verb in the third person: names hold plurals the
 * lexicon reads as verbs ("Northern States Power Co", "Royal Oak Mines").
 */
export function isHeadlineRun(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 4) return false;
  return words.slice(1).some((word, k) => {
    if (TITLE_CASE_SMALL.test(word)) return true;
    const lower = word.toLowerCase();
    const tag = lexiconTag(lower) ?? '';
    if (/^\p{L}{4,}ly$/u.test(lower) && !/Noun|Singular|Plural/.test(tag)) {
      const stem = lexiconTag(lower.slice(0, -2)) ?? lexiconTag(lower.replace(/ily$/, 'y')) ?? '';
      if (/Adverb/.test(tag) || /Adjective|Gerund|Participle/.test(stem)) return true;
    }
    return k === words.length - 2 && /PastTense/.test(tag) && !/Noun|Singular|Plural|Adjective/.test(tag);
  });
}

/** Places and organisations (grouped by name). */
export interface PlacesAndOrganizations {
  places: NamedEntity[];
  organizations: NamedEntity[];
}

/**
 * Places and organisations among the tagger's spans; `quoted` are the article's quotations. Besides
 * the lists, `withHeadlineRuns`: the same with the runs of Title Case headlines, for the event rules
 * (see index.ts).
 */
export function placesAndOrganizations(
  text: string,
  entities: readonly EntitySpan[],
  quoted: readonly Span[],
): PlacesAndOrganizations & { withHeadlineRuns: PlacesAndOrganizations } {
  const titles = new Set(quoted.map(([a, b]) => `${a}:${b}`));
  const places: Span[] = [];
  const organizations: Span[] = [];
  for (const e of entities) {
    if (e.type !== 'LOC' && e.type !== 'ORG') continue;
    const span = withoutArticle(text, [e.start, e.end]);
    const name = text.slice(span[0], span[1]);
    const lower = name.toLowerCase();
    if (span[1] <= span[0] || titles.has(`${e.start}:${e.end}`)) continue;
    // A social-media handle ("@NameUa") is an account, often a person's alias, not a place or body.
    if (text[e.start - 1] === '@') continue;
    if (
      e.type === 'ORG' &&
      (GENERIC.has(lower) || (COMMON_ABBREVIATIONS.has(lower) && name === name.toUpperCase()))
    )
      continue;
    const seat = SEATS.has(lower);
    if (e.type === 'LOC' || seat) places.push(span);
    if (e.type === 'ORG' || seat) organizations.push(span);
  }
  const all = { places: group(text, places), organizations: group(text, organizations) };
  // Grouped by name, so a run is set aside with all its mentions.
  const listed = (list: NamedEntity[]): NamedEntity[] => list.filter((e) => !isHeadlineRun(e.name));
  return { places: listed(all.places), organizations: listed(all.organizations), withHeadlineRuns: all };
}
