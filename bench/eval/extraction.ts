/**
 * Extraction quality with EVAL.md's metrics: TempEval-3 train dates and the seed article (entities:
 * ner.ts; quotes and speakers on PolNeAR: speakers.ts). `npm run eval` prints these sections.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../electron/core/extract';
import { type GoldEvent, matchSeedEvents } from '../../electron/core/testing/seed-events';
import { loadTempeval, overlaps, type Span } from './extraction-data';
import type { EvalSection } from './types';

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function tempeval(dataDir: string): EvalSection {
  const docs = loadTempeval(dataDir);
  let predicted = 0;
  let predictedHit = 0;
  let gold = 0;
  let spanHit = 0;
  let valueHit = 0;
  for (const doc of docs) {
    const { dates } = extractArticle(doc.text, { published: doc.dct });
    predicted += dates.length;
    predictedHit += dates.filter((d) => doc.timexes.some((t) => overlaps(d.span, t.span))).length;
    for (const timex of doc.timexes.filter((t) => t.type === 'DATE')) {
      gold++;
      const matching = dates.filter((d) => overlaps(d.span, timex.span));
      if (matching.length > 0) spanHit++;
      if (matching.some((d) => d.value === timex.value)) valueHit++;
    }
  }
  const p = predictedHit / predicted;
  const valueR = valueHit / gold;
  return {
    title: 'Dates: TempEval-3 train (TimeBank + AQUAINT), DATE, relaxed span',
    columns: ['gold DATE', 'predicted', 'span P', 'span R', 'value R', 'value F1'],
    rows: [[String(gold), String(predicted), fmt(p), fmt(spanHit / gold), fmt(valueR), fmt(f1(p, valueR))]],
    notes: [`${docs.length} documents, document creation time as the reference; target: value F1 >= 0.80.`],
  };
}

interface SeedGold {
  published: string;
  quotes: Array<{ span: Span; speaker: string }>;
  people: Array<{ name: string; aliases: string[] }>;
  dates: Array<{ span: Span; value: string }>;
  events: GoldEvent[];
}

function seed(dataDir: string): EvalSection {
  const dir = join(dataDir, 'seed');
  const text = readFileSync(join(dir, 'article.txt'), 'utf8');
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as SeedGold;
  const result = extractArticle(text, { published: gold.published });
  const quotes = gold.quotes.filter((g) =>
    result.quotes.some((q) => q.span[0] === g.span[0] && q.span[1] === g.span[1] && q.speaker === g.speaker),
  ).length;
  const people = gold.people.filter((g) => {
    const holders = result.people.filter((p) => g.aliases.some((a) => p.aliases.includes(a)));
    return holders.length === 1 && g.aliases.every((a) => holders[0]?.aliases.includes(a));
  }).length;
  const dates = gold.dates.filter((g) =>
    result.dates.some((d) => overlaps(d.span, g.span) && d.value === g.value),
  );
  // Judged as the seed test judges them (electron/core/testing/seed-events.ts): the same happening, a
  // date as exact as the gold's or more ("before 2025-03-13" included), the right people.
  const events = matchSeedEvents(gold.events, result.events);
  const found = events.filter((m) => m.event !== null).length;
  const readable = events.filter((m) => m.readable).length;
  return {
    title: 'Seed article',
    columns: [
      'quotes with right speaker',
      'people merged',
      'dates with gold value',
      'people found',
      'events (happening, date, people)',
      'of those, readable names',
      'events proposed',
    ],
    rows: [
      [
        `${quotes}/${gold.quotes.length}`,
        `${people}/${gold.people.length}`,
        `${dates.length}/${gold.dates.length}`,
        String(result.people.length),
        `${found}/${gold.events.length}`,
        `${readable}/${found}`,
        String(result.events.length),
      ],
    ],
    notes: [
      'Events are judged as extract/events/seed.test.ts judges them (electron/core/testing/seed-events.ts): one event per gold event, about the same happening (a word of the gold name among its trigger lemmas or of its kind), dated as exactly as the gold or more ("before 2025-03-13": any date up to that day), no one outside the gold participants and at least half of them; a readable name is at most 12 words and 80 characters, starts with a capital or digit, has no quote marks, "…" or "said".',
    ],
  };
}

/**
 * Runs every extraction evaluation whose data is present under `dataDir` (../shared/data).
 * Sections for missing data say what is missing instead of failing.
 */
export async function evaluateExtraction(dataDir: string): Promise<EvalSection[]> {
  const parts: Array<[string, string, (dir: string) => EvalSection]> = [
    ['seed/gold.json', 'Seed article', seed],
    ['temporal/tempeval3/TBAQ-cleaned', 'TempEval-3 train', tempeval],
  ];
  const sections: EvalSection[] = [];
  for (const [path, title, run] of parts) {
    if (!existsSync(join(dataDir, path))) {
      sections.push({ title, columns: [], rows: [], notes: [`skipped: ${join(dataDir, path)} is missing`] });
      continue;
    }
    sections.push(run(dataDir));
    // Give the event loop a turn between long synchronous parts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sections;
}
