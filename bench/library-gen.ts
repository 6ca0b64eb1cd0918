/**
 * A large library for the search benchmark, generated from the evaluation data's dev articles
 * (PolNeAR dev texts and the seed article, read at run time from ../shared/data): each generated source
 * is one base article's paragraphs rotated, with paragraphs of two other articles mixed in, so every
 * source is a different text with real news vocabulary. Quotes are the quoted passages of each source,
 * attributed to one of the people its text names most; notes are written through the Notebook.
 *
 * Rows are inserted one by one (in transactions of 1,000) so the FTS5 triggers index them
 * incrementally, exactly as clipping does: the index is never rebuilt in bulk. Large libraries are
 * cached in the OS temp folder by size and generator version, since writing 100k sources takes minutes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/core/db/open';
import { Notebook } from '../electron/core/notebook';
import { SearchSeeder } from '../electron/core/search/testing';
import { DATABASE_FILE } from '../electron/core/paths';
import { random } from '../electron/core/testing/random';

/** Bump when the generated content changes, so stale caches are not reused. */
const GENERATOR_VERSION = 3;

/** One base article. */
export interface BaseArticle {
  title: string;
  paragraphs: string[];
  site: string;
  date: string;
}

/** A generated source (also what the in-memory baselines index). */
export interface GeneratedSource {
  title: string;
  text: string;
  site: string;
  date: string;
}

/** Where the evaluation data is, or null (the benchmark then says it skipped). */
export function evalDataDir(): string | null {
  const dir = process.env.DOSSIER_EVAL_DATA ?? resolve(import.meta.dirname, '..', '..', 'shared', 'data');
  return existsSync(join(dir, 'quotes', 'polnear', 'data', 'dev', 'text')) ? dir : null;
}

/** The dev articles: PolNeAR dev texts (site and date from the file name) and the seed article. */
export function loadBaseArticles(dataDir: string): BaseArticle[] {
  const textDir = join(dataDir, 'quotes', 'polnear', 'data', 'dev', 'text');
  const articles: BaseArticle[] = [];
  const add = (text: string, site: string, date: string): void => {
    const lines = text
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length < 3) return;
    articles.push({ title: lines[0]!.replace(/\.$/, ''), paragraphs: lines.slice(1), site, date });
  };
  for (const file of readdirSync(textDir).sort()) {
    const match = /^([a-z-]+)_(\d{4}-\d{2}-\d{2})_/.exec(file);
    if (match === null) continue;
    add(readFileSync(join(textDir, file), 'utf8'), match[1]!, match[2]!);
  }
  const seed = join(dataDir, 'seed', 'article.txt');
  if (existsSync(seed)) add(readFileSync(seed, 'utf8'), 'seed', '2025-03-14');
  return articles;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The i-th generated source. */
export function generateSource(articles: readonly BaseArticle[], i: number): GeneratedSource {
  const rand = random(i * 7919 + 17);
  const base = articles[i % articles.length]!;
  const round = Math.floor(i / articles.length);
  const pick = (): BaseArticle => articles[Math.floor(rand() * articles.length)]!;
  // About ten paragraphs: the base article's, rotated by the round, with two foreign ones mixed in.
  const own = base.paragraphs;
  const start = round % own.length;
  const body: string[] = [];
  for (let k = 0; k < Math.min(8, own.length); k++) body.push(own[(start + k) % own.length]!);
  for (const other of [pick(), pick()]) {
    const paragraph = other.paragraphs[Math.floor(rand() * other.paragraphs.length)]!;
    body.splice(Math.floor(rand() * (body.length + 1)), 0, paragraph);
  }
  const other = pick().title.split(' ').slice(0, 4).join(' ');
  return {
    title: round === 0 ? base.title : `${base.title}: ${other} (${round})`,
    text: body.join('\n\n'),
    site: base.site,
    date: addDays(base.date, (round * 37) % 700),
  };
}

const QUOTED = /[“"]([^”"]{20,300})[”"]/g;
const NAME = /\b([A-Z][a-z]+(?: [A-Z][a-z]+)+)\b/g;

/** The most frequent capitalised multi-word names of the corpus: the benchmark's people. */
export function frequentNames(articles: readonly BaseArticle[], count: number): string[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const match of article.paragraphs.join('\n').matchAll(NAME)) {
      counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .filter(([name]) => !/^(The|In|But|And|On|At|He|She|It|This|That|As|If|When|For)\b/.test(name))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([name]) => name);
}

/** What {@link generateLibrary} made and how long it took. */
export interface GeneratedLibrary {
  dataDir: string;
  sources: number;
  notes: number;
  quotes: number;
  people: string[];
  /** Seconds the generation took (when it was cached, the time it took then). */
  generationSeconds: number;
  cached: boolean;
}

/** The cache folder of the library of `size` sources. */
export function cachedLibraryDir(size: number): string {
  return join(tmpdir(), 'dossier-bench-cache', `search-v${GENERATOR_VERSION}-${size}`);
}

/** Generates (or reuses the cached) library of `size` sources, with `size / 100` notes (at least 50). */
export async function generateLibrary(
  articles: readonly BaseArticle[],
  size: number,
): Promise<GeneratedLibrary> {
  const people = frequentNames(articles, 300);
  const dataDir = cachedLibraryDir(size);
  const noteCount = Math.max(50, Math.floor(size / 100));
  const marker = join(dataDir, 'complete.json');
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as { quotes: number; generationSeconds: number };
    const { quotes, generationSeconds } = saved;
    return { dataDir, sources: size, notes: noteCount, quotes, people, generationSeconds, cached: true };
  }
  const building = `${dataDir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const t0 = performance.now();

  const db = openDatabase(join(building, DATABASE_FILE));
  const seed = new SearchSeeder(db);
  const personIds = new Map<string, string>();
  db.transaction(() => {
    for (const name of people) {
      const last = name.split(' ').at(-1)!;
      personIds.set(name, seed.entity('person', name, [last]));
    }
  })();
  let quotes = 0;
  const BATCH = 1_000;
  for (let from = 0; from < size; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size, from + BATCH); i++) {
        const source = generateSource(articles, i);
        const id = seed.source({
          title: source.title,
          plainText: source.text,
          siteName: source.site,
          url: `https://${source.site}.example/${i}`,
          publishedAt: source.date,
        });
        const named = people.filter((name) => source.text.includes(name));
        let k = 0;
        for (const match of source.text.matchAll(QUOTED)) {
          if (k++ >= 3) break;
          const speaker = named.length === 0 ? null : personIds.get(named[k % named.length]!)!;
          seed.quote(id, source.text, match[1]!, speaker);
          quotes++;
        }
      }
    })();
  }
  db.close();

  // Notes go through the Notebook, as the editor's saves do.
  const notebook = Notebook.open({ dataDir: building, host: 'test' });
  for (let i = 0; i < noteCount; i++) {
    const source = generateSource(articles, size + i);
    const paragraphs = source.text.split('\n\n').slice(0, 3);
    const content = JSON.stringify({
      root: {
        type: 'root',
        children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
      },
    });
    await notebook.createNote({ title: `Notes on ${source.title}`, content });
  }
  await notebook.close();
  const generationSeconds = (performance.now() - t0) / 1000;
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(building, dataDir);
  writeFileSync(marker, JSON.stringify({ quotes, generationSeconds }));
  return { dataDir, sources: size, notes: noteCount, quotes, people, generationSeconds, cached: false };
}
