/**
 * How the seed article's gold events (../shared/data/seed/gold.json) are judged, shared by the test
 * (extract/events/seed.test.ts) and `npm run eval` (bench/eval/extraction.ts), so that the two cannot
 * disagree: one event per gold event, about the same happening, dated as exactly as the gold or more,
 * with the right people, under a readable name.
 */
import { kindOf } from '../extract/events/kinds';
import { lemmaOf } from '../extract/events/words';
import { timexRange } from '../extract/timex-range';
import type { EventCandidate } from '../extract/types';

export interface GoldEvent {
  name: string;
  /** A TimeML value, or "before YYYY-MM-DD". */
  date: string;
  participants: string[];
  place?: string;
}

/** The gold date's range; "before X" is any range that starts on or before X. */
export function rightDate(gold: string, event: Pick<EventCandidate, 'date'>): boolean {
  const found = event.date === null ? null : timexRange(event.date, null);
  if (found === null) return false;
  const before = /^before (\d{4}-\d\d-\d\d)$/.exec(gold);
  if (before !== null) return found.start <= before[1]!;
  const range = timexRange(gold, null);
  // As exact as the gold or more: the event's days lie inside the gold's.
  return range !== null && found.start >= range.start && found.end <= range.end;
}

/** No one who is not in the gold, and at least half of those who are. */
export function rightPeople(gold: readonly string[], event: Pick<EventCandidate, 'participants'>): boolean {
  const found = new Set(event.participants);
  if ([...found].some((p) => !gold.includes(p))) return false;
  return gold.filter((p) => found.has(p)).length * 2 >= gold.length;
}

/** The event is about the gold's happening: a word of the gold name is one of its kind or lemmas. */
export function sameHappening(gold: GoldEvent, event: Pick<EventCandidate, 'lemmas' | 'kind'>): boolean {
  const words = (gold.name.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map(lemmaOf);
  return words.some((w) => event.lemmas.includes(w) || kindOf(w) === event.kind);
}

/** A name a person would write: short, starting with a capital or a digit, no quote marks, no "said". */
export function readableName(name: string): boolean {
  return (
    name.length <= 80 &&
    name.split(' ').length <= 12 &&
    /^[\p{Lu}\p{N}]/u.test(name) &&
    !/[“”"…]/.test(name) &&
    !/\b(?:said|says|told)\b/.test(name)
  );
}

/** What became of one gold event. */
export interface SeedEventMatch {
  gold: GoldEvent;
  /** The event it was matched to (each event serves one gold event at most), or null. */
  event: EventCandidate | null;
  /** The matched event's name reads as a person would write it. */
  readable: boolean;
}

/**
 * Matches the gold events to the extracted ones in the gold's order: the first event not yet used that
 * is about the same happening, with the right date and people.
 */
export function matchSeedEvents(
  gold: readonly GoldEvent[],
  events: readonly EventCandidate[],
): SeedEventMatch[] {
  const used = new Set<EventCandidate>();
  return gold.map((g) => {
    const event =
      events.find(
        (e) => !used.has(e) && sameHappening(g, e) && rightDate(g.date, e) && rightPeople(g.participants, e),
      ) ?? null;
    if (event !== null) used.add(event);
    return { gold: g, event, readable: event !== null && readableName(event.name) };
  });
}
