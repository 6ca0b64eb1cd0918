/**
 * The seed article end to end, against its hand-made gold. The data lives outside the repository
 * (../shared/data/seed or $DOSSIER_EVAL_DATA/seed) and is read at test time, never copied here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireEvalData } from '../testing/eval-data';
import { extractArticle } from './index';
import type { Extraction, Span } from './types';

interface Gold {
  published: string;
  quotes: Array<{ span: Span; text: string; speaker: string }>;
  people: Array<{ name: string; aliases: string[] }>;
  dates: Array<{ span: Span; text: string; value: string }>;
}

// Fails under CI when the data is missing; skips with a message on a developer's machine.
const seedDir = requireEvalData('seed', 'the seed article test') ?? '';
const present = seedDir !== '';

const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

describe.skipIf(!present)('the seed article', () => {
  let gold: Gold;
  let result: Extraction;
  let text: string;
  const load = (): void => {
    if (text !== undefined) return;
    text = readFileSync(join(seedDir, 'article.txt'), 'utf8');
    gold = JSON.parse(readFileSync(join(seedDir, 'gold.json'), 'utf8')) as Gold;
    result = extractArticle(text, { published: gold.published });
  };

  it('finds every gold quote, without its marks, with the right speaker', () => {
    load();
    for (const quote of gold.quotes) {
      const found = result.quotes.find((q) => q.span[0] === quote.span[0] && q.span[1] === quote.span[1]);
      expect(found, `quote "${quote.text.slice(0, 40)}"`).toBeDefined();
      expect(found?.speaker, `speaker of "${quote.text.slice(0, 40)}"`).toBe(quote.speaker);
    }
  });

  it('finds the people with their aliases merged into one person each', () => {
    load();
    for (const person of gold.people) {
      const found = result.people.filter((p) => person.aliases.some((alias) => p.aliases.includes(alias)));
      expect(
        found.map((p) => p.name),
        `people holding ${person.name}'s aliases`,
      ).toEqual([person.name]);
      expect(found[0]?.aliases).toEqual(expect.arrayContaining(person.aliases));
    }
    expect(result.people).toHaveLength(gold.people.length);
    for (const person of result.people) {
      for (const [start, end] of person.mentions) expect(person.aliases).toContain(text.slice(start, end));
    }
  });

  it('resolves every dated expression to the gold value', () => {
    load();
    for (const date of gold.dates) {
      const found = result.dates.filter((d) => overlaps(d.span, date.span));
      expect(
        found.map((d) => d.value),
        `value of "${date.text}"`,
      ).toContain(date.value);
    }
  });
});
