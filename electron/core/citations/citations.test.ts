/**
 * Citations checked by other programs' readers: CSL-JSON against the CSL project's JSON Schema,
 * BibTeX parsed back by @retorquere/bibtex-parser (the parser of Zotero's Better BibTeX), RIS by
 * astrocite-ris; and citeproc-js's output in each bundled style against strings checked by hand
 * against the style guides (APA 7, Chicago 18 author-date, MLA 9).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import { parse as parseRis } from 'astrocite-ris';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteId, QuoteId, SourceId } from '../../../shared/model';
import { openDatabase } from '../db/open';
import { Notebook } from '../notebook';
import { makeTempDir } from '../testing/temp-dir';
import cslSchema from '../../../resources/csl/csl-data.json';
import { toBibtex, toCslJson, toRis } from './formats';
import { bylineNames, cslItemOf, type CslItem, type SourceRow } from './items';

const SOURCES: SourceRow[] = [
  {
    id: 's-1',
    title: 'Talks stall: "no deal" in Geneva',
    url: 'https://news.example/world/talks_stall?id=1&ref=home',
    byline: 'By Anna Müller and Jean-Claude van Damme',
    site_name: 'Reuters',
    published_at: '2016-11-03T09:30:00Z',
    clipped_at: '2026-01-02T10:00:00.000Z',
    language: 'en',
  },
  {
    id: 's-2',
    title: '50% of voters & {the} $10 question — über alles',
    url: 'https://blog.example/post',
    byline: 'AP News Desk',
    site_name: null,
    published_at: null,
    clipped_at: '2026-02-03T10:00:00.000Z',
    language: null,
  },
  {
    id: 's-3',
    title: 'Talks resume',
    url: null,
    byline: 'Anna Müller',
    site_name: 'Reuters',
    published_at: '2016-11-20',
    clipped_at: '2026-01-05T10:00:00.000Z',
    language: 'en',
  },
];
const ITEMS: CslItem[] = SOURCES.map(cslItemOf);

describe('CSL-JSON items', () => {
  it('validate against the CSL-JSON schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(cslSchema);
    const data = JSON.parse(toCslJson(ITEMS)) as unknown;
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });

  it('take authors from the byline: people by family and given name, desks as organisations', () => {
    expect(ITEMS[0]).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Reuters',
      author: [
        { family: 'Müller', given: 'Anna' },
        { family: 'Damme', given: 'Jean-Claude', 'non-dropping-particle': 'van' },
      ],
      issued: { 'date-parts': [[2016, 11, 3]] },
      accessed: { 'date-parts': [[2026, 1, 2]] },
    });
    expect(ITEMS[1]).toMatchObject({ type: 'webpage', author: [{ literal: 'AP News Desk' }] });
    expect(ITEMS[1]!.issued).toBeUndefined();
    expect(bylineNames('Reuters Staff')).toEqual([{ literal: 'Reuters Staff' }]);
    expect(bylineNames('By Martin Luther King Jr.')).toEqual([
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ]);
    expect(bylineNames('')).toEqual([]);
  });
});

describe('BibTeX', () => {
  it('parses back (Better BibTeX parser) with the same titles, authors, URLs and unique keys', () => {
    const bib = toBibtex(ITEMS);
    const parsed = parseBibtex(bib);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(3);
    const keys = parsed.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(3);
    expect(keys).toEqual(['Muller2016Talks', 'APNewsDeskndVoters', 'Muller2016Talksa']);
    const fields = parsed.entries.map((e) => e.fields as Record<string, unknown>);
    // The parser gives TeX's accents back as combining characters: the same text, once normalised.
    expect(fields.map((f) => String(f.title).normalize('NFC'))).toEqual(SOURCES.map((s) => s.title));
    expect(fields[0]!.url).toBe(SOURCES[0]!.url);
    expect(JSON.parse(JSON.stringify(fields[0]!.author).normalize('NFC'))).toEqual([
      { lastName: 'Müller', firstName: 'Anna' },
      { lastName: 'Damme', firstName: 'Jean-Claude', prefix: 'van' },
    ]);
    expect(fields[1]!.author).toEqual([{ name: 'AP News Desk' }]);
    expect(fields[0]!.year).toBe('2016');
  });
});

describe('RIS', () => {
  it('parses back (astrocite-ris) with types, authors, titles, publication, dates and URLs', () => {
    const parsed = parseRis(toRis(ITEMS));
    expect(parsed).toHaveLength(3);
    expect(parsed.map((item) => item.type)).toEqual(['article-newspaper', 'webpage', 'article-newspaper']);
    expect(parsed.map((item) => item.title)).toEqual(SOURCES.map((s) => s.title));
    expect(parsed[0]!.author).toEqual([
      { family: 'Müller', given: 'Anna' },
      { family: 'van Damme', given: 'Jean-Claude' },
    ]);
    // An organisation is written without a comma, which Zotero reads as a one-field name; this parser
    // splits it at the last space, so compare the name's words.
    const [desk] = parsed[1]!.author as { given?: string; family?: string; literal?: string }[];
    expect(desk!.literal ?? `${desk!.given} ${desk!.family}`).toBe('AP News Desk');
    expect(parsed[0]!['container-title']).toBe('Reuters');
    expect(parsed[0]!.URL).toBe(SOURCES[0]!.url);
    expect(parsed[0]!.issued).toEqual({ 'date-parts': [['2016', '11', '03']] });
    expect(parsed[0]!.accessed).toEqual({ 'date-parts': [['2026', '01', '02']] });
  });
});

// ---------------------------------------------------------------------------------------------------

let temp: ReturnType<typeof makeTempDir>;
let notebook: Notebook;
let dataDir: string;

beforeEach(() => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  notebook = Notebook.open({ dataDir, host: 'test' });
});

afterEach(async () => {
  await notebook.close();
  temp.remove();
});

function seed(db: Database.Database): { quoteId: QuoteId; speakerless: QuoteId } {
  for (const s of SOURCES) {
    db.prepare(
      `INSERT INTO sources (id, url, title, byline, site_name, published_at, clipped_at, language, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.id,
      s.url,
      s.title,
      s.byline,
      s.site_name,
      s.published_at,
      s.clipped_at,
      s.language,
      s.clipped_at,
      s.clipped_at,
    );
  }
  const speaker = randomUUID();
  db.prepare(
    `INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES (?, 'person', 'Vladimir Putin', ?, ?)`,
  ).run(speaker, SOURCES[0]!.clipped_at, SOURCES[0]!.clipped_at);
  const quote = (sourceId: string, text: string, speakerId: string | null): QuoteId => {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO quotes (id, source_id, span_start, span_end, text, speaker_entity_id, origin, created_at, updated_at)
       VALUES (?, ?, 0, 5, ?, ?, 'user', ?, ?)`,
    ).run(id, sourceId, text, speakerId, SOURCES[0]!.clipped_at, SOURCES[0]!.clipped_at);
    return id as QuoteId;
  };
  return {
    quoteId: quote('s-1', 'We will not retreat', speaker),
    speakerless: quote('s-2', 'It is a\nquestion', null),
  };
}

function withDb<T>(task: (db: Database.Database) => T): T {
  const db = openDatabase(join(dataDir, 'dossier.sqlite'));
  try {
    return task(db);
  } finally {
    db.close();
  }
}

describe('formatCitation (citeproc-js, bundled styles)', () => {
  // Checked by hand against the APA 7 (newspaper article online), Chicago 18 author-date (newspaper
  // article) and MLA 9 (article in an online newspaper) examples.
  const EXPECTED = {
    apa: {
      source:
        'Müller, A., & van Damme, J.-C. (2016, November 3). Talks stall: “no deal” in Geneva. Reuters. https://news.example/world/talks_stall?id=1&ref=home',
      html: '<i>Reuters</i>',
      inText: '(as cited in Müller & van Damme, 2016)',
    },
    'chicago-author-date': {
      source:
        'Müller, Anna, and Jean-Claude van Damme. 2016. “Talks Stall: ‘No Deal’ in Geneva.” Reuters, November 3. https://news.example/world/talks_stall?id=1&ref=home.',
      html: '<i>Reuters</i>',
      inText: '(quoted in Müller and van Damme 2016)',
    },
    'modern-language-association': {
      source:
        'Müller, Anna, and Jean-Claude van Damme. “Talks Stall: ‘No Deal’ in Geneva.” Reuters, 3 Nov. 2016, https://news.example/world/talks_stall?id=1&ref=home.',
      html: '<i>Reuters</i>',
      inText: '(qtd. in Müller and van Damme)',
    },
  } as const;

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])(
    'renders a source and a quote in %s',
    async (style) => {
      const { quoteId } = withDb(seed);
      const source = await notebook.formatCitation({ style, target: { sourceId: 's-1' as SourceId } });
      expect(source.text).toBe(EXPECTED[style].source);
      expect(source.html).toContain(EXPECTED[style].html);
      const quote = await notebook.formatCitation({ style, target: { quoteId } });
      expect(quote.text).toBe(
        `“We will not retreat” — Vladimir Putin ${EXPECTED[style].inText}\n\n${EXPECTED[style].source}`,
      );
      expect(quote.html).toMatch(/^<p>“We will not retreat” — Vladimir Putin \(/);
    },
  );

  it('cites a quote without a speaker, and refuses unknown ids with NOT_FOUND', async () => {
    const { speakerless } = withDb(seed);
    const quote = await notebook.formatCitation({ style: 'apa', target: { quoteId: speakerless } });
    expect(quote.text.split('\n')[0]).toBe('“It is a question” (as cited in AP News Desk, n.d.)');
    await expect(
      notebook.formatCitation({ style: 'apa', target: { sourceId: 'nope' as SourceId } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('exportCitations', () => {
  const note = (sourceId: string, quoteId: string) =>
    JSON.stringify({
      root: {
        type: 'root',
        children: [
          {
            type: 'dossier-quote',
            text: 'We will not retreat',
            quoteId,
            sourceId,
            sourceTitle: 'x',
            sourceUrl: '',
            date: '',
          },
          {
            type: 'dossier-paraphrase',
            quoteId: null,
            sourceId: 's-3',
            children: [{ type: 'text', text: 'later' }],
          },
        ],
      },
    });

  it('exports all sources, a selection, or the sources a note cites', async () => {
    const { quoteId } = withDb(seed);
    const all = await notebook.exportCitations({ format: 'csl-json', scope: { kind: 'all' } });
    expect(all).toMatchObject({ count: 3, fileName: 'Dossier sources.json' });
    expect((JSON.parse(all.text) as CslItem[]).map((i) => i.id)).toEqual(['s-1', 's-3', 's-2']);
    const some = await notebook.exportCitations({
      format: 'ris',
      scope: { kind: 'sources', ids: ['s-2' as SourceId] },
    });
    expect(parseRis(some.text).map((i) => i.title)).toEqual([SOURCES[1]!.title]);
    const created = await notebook.createNote({ title: 'Talks: notes', content: note('s-1', quoteId) });
    const cited = await notebook.exportCitations({
      format: 'bibtex',
      scope: { kind: 'note', id: created.id },
    });
    expect(cited).toMatchObject({ count: 2, fileName: 'Talks notes sources.bib' });
    expect(parseBibtex(cited.text).entries.map((e) => (e.fields as { title: string }).title)).toEqual([
      SOURCES[0]!.title,
      SOURCES[2]!.title,
    ]);
    await expect(
      notebook.exportCitations({ format: 'bibtex', scope: { kind: 'note', id: 'missing' as NoteId } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
