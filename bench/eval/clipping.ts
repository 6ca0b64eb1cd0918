/**
 * Clipping evaluation for `npm run eval`: body-text shingle P/R/F1 (EVAL.md) of Dossier's clipper and
 * of plain Readability.js on jsdom, run in this process on the same decoded pages; metadata exact-match
 * rates on the readability test pages; snippet precision/recall on trafilatura-eval.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { clipHtml } from '../../electron/core/clip/clip-html';
import { isClipError } from '../../electron/core/clip/errors';
import type { BoilerplateLevel } from '../../electron/core/clip/boilerplate';
import { htmlToText } from '../../electron/core/clip/text';
import { stripSiteSuffix } from '../../electron/core/clip/title';
import {
  loadCleanPortalPages,
  loadReadabilityPages,
  loadSnippetPages,
  type BodyPage,
  type GoldMetadata,
  type SnippetPage,
} from './clipping-data';
import { aggregateScores, scorePage, type SetScore } from './shingles';
import type { EvalSection } from './types';

/** What an extractor returns for one page: body text and the metadata that is scored. */
export interface Extraction {
  text: string;
  title: string | null;
  byline: string | null;
  published: string | null;
  /** The site name the extractor found (used only to compare titles without a site-name suffix). */
  siteName?: string | null;
}

/** An extractor under evaluation. */
export interface Extractor {
  name: string;
  extract(html: string, url: string): Extraction;
}

const EMPTY: Extraction = { text: '', title: null, byline: null, published: null };

/**
 * Dossier's clipper; a page it refuses (no article) counts as empty output. `boilerplate` picks the
 * furniture clean-up level ('datelines' is the product's default; 'all' shows what the opt-in prompts
 * clean-up gains and costs).
 */
export function dossierExtractor(boilerplate: BoilerplateLevel = 'datelines', furniture = true): Extractor {
  const level =
    boilerplate === 'datelines'
      ? 'Dossier clipper (default)'
      : `Dossier clipper, clean-up ${boilerplate === 'all' ? 'of prompts too' : 'off'}`;
  return {
    name: furniture ? level : `${level}, page furniture kept (before issue 20)`,
    extract(html, url) {
      try {
        const article = clipHtml({ html, url }, { boilerplate, furniture });
        return {
          text: article.text,
          title: article.title,
          byline: article.byline,
          published: article.published,
          siteName: article.siteName,
        };
      } catch (error) {
        if (isClipError(error)) return EMPTY;
        throw error;
      }
    },
  };
}

/** Plain Readability.js on jsdom, as its README shows it: the baseline. */
export const readabilityJsdomExtractor: Extractor = {
  name: 'Readability.js 0.6 + jsdom (baseline)',
  extract(html, url) {
    // A silent virtual console: jsdom otherwise prints every stylesheet it cannot parse.
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    try {
      const article = new Readability(dom.window.document).parse();
      if (article === null) return EMPTY;
      return {
        text: htmlToText(article.content ?? ''),
        title: article.title ?? null,
        byline: article.byline ?? null,
        published: article.publishedTime ?? null,
        siteName: article.siteName ?? null,
      };
    } finally {
      dom.window.close();
    }
  },
};

/** Body-text scores of `extractor` over `pages`, plus its extractions for the metadata table. */
export function scoreBodies(
  extractor: Extractor,
  pages: readonly BodyPage[],
): { score: SetScore; out: Extraction[] } {
  const out = pages.map((page) => extractor.extract(page.html, page.url));
  const score = aggregateScores(out.map((extraction, i) => scorePage(extraction.text, pages[i]!.goldText)));
  return { score, out };
}

const fold = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/** The calendar date a date string states (as written: no time-zone conversion), or '' for none. */
export function calendarDay(value: string | null | undefined): string {
  if (!value) return '';
  const iso = value.match(/(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return iso[0];
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return `invalid:${value}`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Exact-match counts of title, byline and published day against the gold metadata. */
export function metadataMatches(out: readonly Extraction[], gold: readonly GoldMetadata[]) {
  const counts = { title: 0, headline: 0, byline: 0, published: 0, pages: out.length };
  // The same, over only the pages whose gold states a value: a filled-in value cannot match a null.
  const stated = { byline: 0, bylinePages: 0, published: 0, publishedPages: 0 };
  out.forEach((extraction, i) => {
    const want = gold[i]!;
    if (fold(extraction.title) === fold(want.title)) counts.title++;
    // The same headline, whether or not a " | Site" suffix naming the extractor's site is kept.
    const site = extraction.siteName ?? null;
    const bare = (title: string | null): string => fold(stripSiteSuffix(fold(title), site));
    if (bare(extraction.title) === bare(want.title)) counts.headline++;
    const bylineOk = fold(extraction.byline) === fold(want.byline);
    if (bylineOk) counts.byline++;
    if (want.byline) {
      stated.bylinePages++;
      if (bylineOk) stated.byline++;
    }
    const publishedOk = calendarDay(extraction.published) === calendarDay(want.publishedTime);
    if (publishedOk) counts.published++;
    if (want.publishedTime) {
      stated.publishedPages++;
      if (publishedOk) stated.published++;
    }
  });
  return { ...counts, stated };
}

const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** trafilatura-eval: share of `without` snippets absent (precision) and `with` snippets present (recall). */
export function scoreSnippets(extractor: Extractor, pages: readonly SnippetPage[]) {
  let withFound = 0;
  let withTotal = 0;
  let withoutAbsent = 0;
  let withoutTotal = 0;
  for (const page of pages) {
    const text = normalize(extractor.extract(page.html, page.url).text);
    for (const snippet of page.with) {
      withTotal++;
      if (text.includes(normalize(snippet))) withFound++;
    }
    for (const snippet of page.without) {
      withoutTotal++;
      if (!text.includes(normalize(snippet))) withoutAbsent++;
    }
  }
  const precision = withoutTotal === 0 ? 0 : withoutAbsent / withoutTotal;
  const recall = withTotal === 0 ? 0 : withFound / withTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: pages.length };
}

const f4 = (value: number): string => value.toFixed(4);
const rate = (count: number, total: number): string =>
  `${count}/${total} (${total === 0 ? '0.0' : ((100 * count) / total).toFixed(1)}%)`;

/**
 * Runs the clipping evaluation on `${dataDir}/extraction/...`. Sets that are absent are named in the
 * notes instead of failing the run. DOSSIER_EVAL_SNIPPETS=1 adds trafilatura-eval (990 pages).
 */
export async function evaluateClipping(dataDir: string): Promise<EvalSection[]> {
  const extractors = [
    dossierExtractor('datelines'),
    dossierExtractor('datelines', false),
    dossierExtractor('all'),
    readabilityJsdomExtractor,
  ];
  const sets = [
    { name: 'readability-test-pages', pages: loadReadabilityPages(dataDir) },
    { name: 'cleanportaleval', pages: loadCleanPortalPages(dataDir) },
  ];
  const notes: string[] = [];
  const bodyRows: string[][] = [];
  const metadataRows: string[][] = [];
  for (const set of sets) {
    if (set.pages.length === 0) {
      notes.push(`${set.name}: not found under ${dataDir}/extraction; skipped.`);
      continue;
    }
    for (const extractor of extractors) {
      const started = performance.now();
      const { score, out } = scoreBodies(extractor, set.pages);
      const msPerPage = (performance.now() - started) / set.pages.length;
      bodyRows.push([
        set.name,
        extractor.name,
        String(score.pages),
        f4(score.precision),
        f4(score.recall),
        f4(score.f1),
        msPerPage.toFixed(0),
      ]);
      const gold = set.pages.map((page) => page.goldMetadata);
      if (gold.every((g): g is GoldMetadata => g !== undefined)) {
        const m = metadataMatches(out, gold);
        metadataRows.push([
          set.name,
          extractor.name,
          rate(m.title, m.pages),
          rate(m.headline, m.pages),
          rate(m.byline, m.pages),
          rate(m.published, m.pages),
          rate(m.stated.byline, m.stated.bylinePages),
          rate(m.stated.published, m.stated.publishedPages),
        ]);
      }
    }
  }
  notes.push(
    'Body text of every extractor and of the gold expected.html goes through the same HTML-to-text function; ' +
      'pages are decoded once (BOM, UTF-8, meta charset, windows-1252) and both extractors get the same string.',
    "readability-test-pages are Readability's own regression fixtures (gold = Readability output), so they measure " +
      'fidelity to Readability; cleanportaleval (news with human gold) measures quality.',
    'Dossier strips a " | Site" title suffix when it names the site (og:site_name, publisher or web address), ' +
      'which the readability gold keeps (7 pages), and never leaves a title empty where the gold is empty (3 pages): ' +
      'the "site suffix ignored" column compares headlines with such a suffix removed from both sides.',
    'Dossier\'s default clean-up removes only stand-alone datelines; removing prompts too ("Continue reading the ' +
      'main story", share/print) helps on news pages but costs on the readability gold, which keeps them.',
    'Page furniture (furniture.ts: tooltip/dialog/navigation/complementary roles, short or link-dense hidden ' +
      'elements, short or link-dense elements whose class names hover cards, share bars, related links, ' +
      'newsletters) is marked before Readability and removed from its result; the "page furniture kept" row is ' +
      'the clipper without it, ' +
      'in the same run.',
    'ms/page is wall time in this process (includes text conversion); `npm run bench` measures speed properly.',
  );
  const sections: EvalSection[] = [
    {
      title: 'Clipping: body text (shingle P/R/F1, EVAL.md)',
      columns: ['data set', 'extractor', 'pages', 'P', 'R', 'F1', 'ms/page'],
      rows: bodyRows,
      notes,
    },
    {
      title: 'Clipping: metadata exact match (readability-test-pages)',
      columns: [
        'data set',
        'extractor',
        'title',
        'title, site suffix ignored',
        'byline',
        'published (same day)',
        'byline, gold non-null',
        'published, gold non-null',
      ],
      rows: metadataRows,
      notes: [
        'Exact match after trimming and whitespace folding; published compares the calendar date as written.',
        "The gold is Readability's own output: where it is null and Dossier finds a byline or date in other " +
          'markup (JSON-LD, meta, <time>, URL), the first columns count a miss; the last two columns leave those out.',
      ],
    },
  ];

  // Opt-in: 990 pages. Dossier only, because jsdom's memory grows past the default heap over that many
  // pages in one process (measured: the run with the baseline ran out of memory).
  if (process.env.DOSSIER_EVAL_SNIPPETS === '1') {
    const pages = loadSnippetPages(dataDir);
    if (pages.length === 0) notes.push(`trafilatura-eval: not found under ${dataDir}/extraction; skipped.`);
    else {
      const rows = [dossierExtractor(), dossierExtractor('datelines', false)].map((extractor) => {
        const s = scoreSnippets(extractor, pages);
        return [extractor.name, String(s.pages), f4(s.precision), f4(s.recall), f4(s.f1)];
      });
      sections.push({
        title: 'Clipping: trafilatura-eval snippets (precision = unwanted absent, recall = wanted present)',
        columns: ['extractor', 'pages', 'precision', 'recall', 'F1'],
        rows,
      });
    }
  } else {
    notes.push('trafilatura-eval snippets: run with DOSSIER_EVAL_SNIPPETS=1 (990 pages, Dossier only).');
  }
  return sections;
}
