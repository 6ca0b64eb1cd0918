/**
 * The judge of the seed article's events, which the seed test and `npm run eval` share. The eval once
 * compared dates as strings, so the gold "before 2025-03-13" could never be found and the report said
 * 8/9 while the test, judging by ranges, passed: these pin the range judgement.
 */
import { describe, expect, it } from 'vitest';
import type { EventCandidate } from '../extract/types';
import { matchSeedEvents, readableName, rightDate, rightPeople, type GoldEvent } from './seed-events';

function event(over: Partial<EventCandidate>): EventCandidate {
  return {
    name: 'Talks in Saudi Arabia',
    kind: 'meeting',
    lemmas: ['talk'],
    date: '2025-03-11',
    precision: 'day',
    dateSource: 'text',
    participants: [],
    actors: [],
    place: null,
    places: [],
    span: [0, 10],
    mentions: [],
    salience: 0.5,
    main: false,
    ...over,
  };
}

describe('seed event judge', () => {
  it('takes "before X" as any date that starts on or before X', () => {
    expect(rightDate('before 2025-03-13', { date: '2025-03-11' })).toBe(true);
    expect(rightDate('before 2025-03-13', { date: '2025-03-13' })).toBe(true);
    expect(rightDate('before 2025-03-13', { date: '2025-03' })).toBe(true);
    expect(rightDate('before 2025-03-13', { date: '2025-03-14' })).toBe(false);
    expect(rightDate('before 2025-03-13', { date: null })).toBe(false);
  });

  it('takes a date as exact as the gold or more, never a vaguer or other one', () => {
    expect(rightDate('2025-03', { date: '2025-03-13' })).toBe(true);
    expect(rightDate('2025-03', { date: '2025-03' })).toBe(true);
    expect(rightDate('2025-03-13', { date: '2025-03' })).toBe(false);
    expect(rightDate('2024-08', { date: '2024-09-01' })).toBe(false);
  });

  it('wants no stranger among the people and at least half of the gold', () => {
    expect(rightPeople(['A', 'B', 'C'], { participants: ['A', 'B'] })).toBe(true);
    expect(rightPeople(['A', 'B', 'C'], { participants: ['A'] })).toBe(false);
    expect(rightPeople(['A'], { participants: ['A', 'D'] })).toBe(false);
    expect(rightPeople([], { participants: [] })).toBe(true);
  });

  it('gives each event to one gold event at most, in the gold order', () => {
    const gold: GoldEvent[] = [
      { name: 'US-Ukraine talks in Saudi Arabia', date: 'before 2025-03-13', participants: [] },
      { name: 'More talks', date: '2025-03', participants: [] },
    ];
    const one = event({});
    const matches = matchSeedEvents(gold, [one]);
    expect(matches[0]?.event).toBe(one);
    expect(matches[1]?.event).toBeNull();
    expect(matches[0]?.readable).toBe(true);
  });

  it('reads a name as a person would write it', () => {
    expect(readableName('Trump meets Rutte at the White House')).toBe(true);
    expect(readableName('Smith said on Wednesday')).toBe(false);
    expect(readableName('“Ceasefire” proposal')).toBe(false);
    expect(readableName('walt Disney Co. executive Kevin Mayer')).toBe(false);
  });
});
