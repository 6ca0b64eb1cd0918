/**
 * Places and organisations: the tagger's LOC and ORG spans, grouped by name. A name that alone fills a
 * quotation ("Meet the Press" in marks) is the title of a work, not an organisation.
 */
import type { EntitySpan } from './ner/tagger';
import type { NamedEntity, Span } from './types';

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

/** Places and organisations among the tagger's spans; `quoted` are the article's quotations. */
export function placesAndOrganizations(
  text: string,
  entities: readonly EntitySpan[],
  quoted: readonly Span[],
): { places: NamedEntity[]; organizations: NamedEntity[] } {
  const titles = new Set(quoted.map(([a, b]) => `${a}:${b}`));
  const of = (type: string): Span[] =>
    entities
      .filter((e) => e.type === type && !titles.has(`${e.start}:${e.end}`))
      .map((e): Span => [e.start, e.end]);
  return { places: group(text, of('LOC')), organizations: group(text, of('ORG')) };
}
