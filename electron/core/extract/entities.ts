/**
 * Places and organisations: capitalised runs that compromise's lexicon knows as places or
 * organisations, acronyms, and runs ending in a word that names an institution ("Ministry") or a
 * region ("Kursk region", "western Russia").
 */
import { isKnownOrganization, isKnownPlace, NON_NAME_WORDS } from './lexicon';
import { SpanIndex } from './text';
import { capitalizedRuns, type Token } from './tokens';
import type { NamedEntity, Span } from './types';

const ORG_HEADS =
  /^(?:Party|Ministry|Council|Committee|Agency|Bank|University|Inc|Corp|Company|Association|Union|Court|Department|Army|Navy|Commission|Institute|Foundation|Group|Parliament|Congress|Senate|Assembly|Police|Service|Office|Network|Times|Post|News|Club|League|Federation|Organisation|Organization)\.?$/;
const PLACE_HEADS = /^(?:region|province|oblast|district|county|state|city|island|islands)$/;
const DIRECTIONS = /^(?:northern|southern|eastern|western|central|north|south|east|west)$/;
/** Seats of government that name both a building and the power inside it. */
const SEATS = new Set([
  'white house',
  'kremlin',
  'pentagon',
  'downing street',
  'elysee',
  'élysée',
  'capitol',
]);
const REGIONS = new Set([
  'middle east',
  'far east',
  'west bank',
  'gaza strip',
  'balkans',
  'baltics',
  'caucasus',
]);
const COUNTRY_CODES = new Set(['US', 'U.S.', 'USA', 'UK', 'U.K.', 'UAE']);

interface Found {
  name: string;
  span: Span;
}

function group(found: readonly Found[]): NamedEntity[] {
  const byName = new Map<string, NamedEntity>();
  for (const { name, span } of found) {
    const entity = byName.get(name) ?? { name, aliases: [name], mentions: [] };
    entity.mentions.push(span);
    byName.set(name, entity);
  }
  return [...byName.values()];
}

/** Finds places and organisations. `personSpans` are left out (a person is neither). */
export function findPlacesAndOrganizations(
  text: string,
  tokens: readonly Token[],
  personSpans: readonly Span[],
): { places: NamedEntity[]; organizations: NamedEntity[] } {
  const places: Found[] = [];
  const organizations: Found[] = [];
  const personIndex = new SpanIndex(personSpans);
  const isPerson = (a: number, b: number): boolean => personIndex.overlapsAny(a, b);
  for (const [i0, j] of capitalizedRuns(text, tokens)) {
    let i = i0;
    while (i <= j && NON_NAME_WORDS.has((tokens[i] as Token).text.toLowerCase())) i++;
    if (i > j) continue;
    const first = tokens[i] as Token;
    let last = tokens[j] as Token;
    if (isPerson(first.start, last.end)) continue;
    const phrase = text.slice(first.start, last.end);
    const lower = phrase.toLowerCase();
    let start = first.start;
    const prev = tokens[i - 1];
    if (
      i === i0 &&
      prev !== undefined &&
      DIRECTIONS.test(prev.text) &&
      text.slice(prev.end, first.start) === ' '
    ) {
      start = prev.start;
    }
    const after = tokens[j + 1];
    if (after !== undefined && PLACE_HEADS.test(after.text) && text.slice(last.end, after.start) === ' ')
      last = after;
    const name = text.slice(start, last.end);
    if (SEATS.has(lower)) {
      places.push({ name, span: [start, last.end] });
      organizations.push({ name, span: [start, last.end] });
    } else if (last !== tokens[j] || start !== first.start || isKnownPlace(lower) || REGIONS.has(lower)) {
      places.push({ name, span: [start, last.end] });
    } else if (COUNTRY_CODES.has(phrase)) {
      places.push({ name, span: [first.start, last.end] });
    } else if (
      isKnownOrganization(lower) ||
      ORG_HEADS.test(last.text) ||
      (i === j && first.allCaps && first.text.length <= 6)
    ) {
      organizations.push({ name, span: [start, last.end] });
    } else if (i === j || tokens.slice(i, j + 1).every((t) => isKnownPlace(t.text))) {
      if (isKnownPlace(first.text)) places.push({ name, span: [first.start, first.end] });
    }
  }
  return { places: group(places), organizations: group(organizations) };
}
