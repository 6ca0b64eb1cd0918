/**
 * Citation files from CSL items: CSL-JSON (as is), BibTeX (citation-js's BibTeX plugin, which turns
 * Unicode and TeX's special characters into TeX) and RIS. RIS is written here: citation-js's RIS
 * output drops the authors and the date of newspaper articles (its "new" RIS mapping for NEWS), which
 * are most of a research notebook's sources.
 */
import type * as CitationCore from '@citation-js/core';
import { lazyModule } from '../lazy-module';

// citation-js and its BibTeX plugin load on the first BibTeX export, not when the core starts (they
// took over 100 ms of it). The plugin registers itself with the core's registry when loaded.
const citationCore = lazyModule<typeof CitationCore>('@citation-js/core');
const bibtexPlugin = lazyModule<unknown>('@citation-js/plugin-bibtex');
import type { CitationFormat } from '../../../shared/areas/interop';
import { withCitationKeys, type CslItem, type CslName } from './items';

/** CSL-JSON: an array of items, as Zotero and Pandoc read it. */
export function toCslJson(items: CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** BibTeX, one entry per item, with unique citation keys. */
export function toBibtex(items: CslItem[]): string {
  if (items.length === 0) return '';
  const { Cite } = citationCore();
  bibtexPlugin();
  return new Cite(withCitationKeys(items)).format('bibtex', { format: 'text' }) as string;
}

const RIS_TYPES: Record<CslItem['type'], string> = { 'article-newspaper': 'NEWS', webpage: 'ELEC' };

/** A RIS value: one line, no surrounding spaces. */
const risValue = (value: string): string => value.replace(/\s+/g, ' ').trim();

const risName = (name: CslName): string =>
  'literal' in name
    ? name.literal
    : [[name['non-dropping-particle'], name.family].filter(Boolean).join(' '), name.given, name.suffix]
        .filter(Boolean)
        .join(', ');

const risDate = (date: { 'date-parts': number[][] } | undefined): string | null => {
  const [year, month, day] = date?.['date-parts'][0] ?? [];
  if (year === undefined) return null;
  const pad = (n: number | undefined): string => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${year}/${pad(month)}/${pad(day)}/`;
};

/** RIS (the tagged format of reference managers), one record per item. */
export function toRis(items: CslItem[]): string {
  return items
    .map((item) => {
      const lines: [string, string | null | undefined][] = [
        ['TY', RIS_TYPES[item.type]],
        ['ID', item.id],
        ...(item.author ?? []).map((name): [string, string] => ['AU', risName(name)]),
        ['TI', item.title],
        ['T2', item['container-title']],
        // The year, then the full date: readers that keep the last of the two keep the full one.
        ['PY', item.issued?.['date-parts'][0]?.[0]?.toString()],
        ['DA', risDate(item.issued)],
        ['UR', item.URL],
        ['Y2', risDate(item.accessed)],
        ['LA', item.language],
      ];
      return [
        ...lines
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([tag, v]) => `${tag}  - ${risValue(v!)}`),
        'ER  - ',
      ].join('\r\n');
    })
    .map((record) => `${record}\r\n`)
    .join('\r\n');
}

/** The file text of `items` in `format`. */
export function citationFile(items: CslItem[], format: CitationFormat): string {
  switch (format) {
    case 'csl-json':
      return toCslJson(items);
    case 'bibtex':
      return toBibtex(items);
    case 'ris':
      return toRis(items);
  }
}
