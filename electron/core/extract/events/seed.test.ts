/**
 * The seed article's nine hand-made gold events (../shared/data/seed/gold.json): each found as one
 * event with the right date and the right people, under a readable name. The data is read at test
 * time, never copied here; a CI run without it fails (requireEvalData).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireEvalData } from '../../testing/eval-data';
import { extractArticle } from '../index';
import { timexRange } from '../timex-range';
import type { EventCandidate } from '../types';
import { kindOf } from './kinds';
import { lemmaOf } from './words';

interface GoldEvent {
  name: string;
  /** A TimeML value, or "before YYYY-MM-DD". */
  date: string;
  participants: string[];
  place?: string;
}

const seedDir = requireEvalData('seed', 'the seed article');

/** The gold date's range; "before X" is any range that starts on or before X. */
function rightDate(gold: string, event: EventCandidate): boolean {
  const found = event.date === null ? null : timexRange(event.date, null);
  if (found === null) return false;
  const before = /^before (\d{4}-\d\d-\d\d)$/.exec(gold);
  if (before !== null) return found.start <= before[1]!;
  const range = timexRange(gold, null);
  // As exact as the gold or more: the event's days lie inside the gold's.
  return range !== null && found.start >= range.start && found.end <= range.end;
}

/** No one who is not in the gold, and at least half of those who are. */
function rightPeople(gold: readonly string[], event: EventCandidate): boolean {
  const found = new Set(event.participants);
  if ([...found].some((p) => !gold.includes(p))) return false;
  return gold.filter((p) => found.has(p)).length * 2 >= gold.length;
}

/** The event is about the gold's happening: a word of the gold name is one of its kind or lemmas. */
function sameHappening(gold: GoldEvent, event: EventCandidate): boolean {
  const words = (gold.name.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map(lemmaOf);
  return words.some((w) => event.lemmas.includes(w) || kindOf(w) === event.kind);
}

function readable(name: string): boolean {
  return (
    name.length <= 80 &&
    name.split(' ').length <= 12 &&
    /^[\p{Lu}\p{N}]/u.test(name) &&
    !/[“”"…]/.test(name) &&
    !/\b(?:said|says|told)\b/.test(name)
  );
}

describe.skipIf(seedDir === null)('the seed article: its gold events', () => {
  it('finds each of the nine gold events, dated, with its people, under a readable name', () => {
    const text = readFileSync(join(seedDir!, 'article.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(join(seedDir!, 'gold.json'), 'utf8')) as {
      published: string;
      events: GoldEvent[];
    };
    expect(gold.events).toHaveLength(9);
    const { events } = extractArticle(text, { published: gold.published });
    const used = new Set<EventCandidate>();
    for (const goldEvent of gold.events) {
      const match = events.find(
        (e) =>
          !used.has(e) &&
          sameHappening(goldEvent, e) &&
          rightDate(goldEvent.date, e) &&
          rightPeople(goldEvent.participants, e),
      );
      expect(
        match,
        `"${goldEvent.name}" (${goldEvent.date}; ${goldEvent.participants.join(', ')}) among: ${events
          .map((e) => `${e.name} [${e.date}; ${e.participants.join(', ')}]`)
          .join(' | ')}`,
      ).toBeDefined();
      used.add(match!);
      expect(readable(match!.name), match!.name).toBe(true);
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
