/**
 * The seed article's nine hand-made gold events (../shared/data/seed/gold.json): each found as one
 * event with the right date and the right people, under a readable name. The data is read at test
 * time, never copied here; a CI run without it fails (requireEvalData).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireEvalData } from '../../testing/eval-data';
import { type GoldEvent, matchSeedEvents } from '../../testing/seed-events';
import { extractArticle } from '../index';

const seedDir = requireEvalData('seed', 'the seed article');

describe.skipIf(seedDir === null)('the seed article: its gold events', () => {
  it('finds each of the nine gold events, dated, with its people, under a readable name', () => {
    const text = readFileSync(join(seedDir!, 'article.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(join(seedDir!, 'gold.json'), 'utf8')) as {
      published: string;
      events: GoldEvent[];
    };
    expect(gold.events).toHaveLength(9);
    const { events } = extractArticle(text, { published: gold.published });
    for (const { gold: goldEvent, event, readable } of matchSeedEvents(gold.events, events)) {
      expect(
        event,
        `"${goldEvent.name}" (${goldEvent.date}; ${goldEvent.participants.join(', ')}) among: ${events
          .map((e) => `${e.name} [${e.date}; ${e.participants.join(', ')}]`)
          .join(' | ')}`,
      ).not.toBeNull();
      expect(readable, event!.name).toBe(true);
    }
  });

  it('without its publication date, resolves no relative date against today', () => {
    const text = readFileSync(join(seedDir!, 'article.txt'), 'utf8');
    const result = extractArticle(text);
    // Its first lines carry no date (the post's "March 13, 2025" is far down): the date is unknown.
    expect(result.published).toEqual({ value: null, origin: 'none', evidence: null });
    expect(result.unresolvedDates).toBeGreaterThan(3);
    // Only what the text dates itself remains ("in 2022", "March 13, 2025", "1941"), nothing later.
    for (const date of result.dates) {
      if (/^\d/.test(date.value)) expect(date.value <= '2025-12-31', date.text).toBe(true);
    }
    for (const event of result.events) expect(event.date === null || event.date <= '2025-12-31').toBe(true);
  });
});
