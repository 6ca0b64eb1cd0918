/**
 * Candidate events: a sentence with a resolved date and at least one person named outside quotes
 * becomes (what, who, where, when). The user confirms; the rules only propose.
 */
import type { PeopleIndex } from './people';
import type { Sentence } from './text';
import type { DateMention, EventCandidate, NamedEntity, QuoteMention, Span } from './types';

const MAX_NAME = 120;

// Open references ("now", "recently") do not date an event.
const DATING = new Set(['day', 'month', 'year', 'season', 'week', 'quarter']);

function within(span: Span, sentence: Sentence): boolean {
  return span[0] >= sentence.start && span[1] <= sentence.end;
}

/** A short name for the event: the sentence without its quotes, cut at a clause boundary. */
function eventName(text: string, sentence: Sentence, quotes: readonly QuoteMention[]): string {
  let name = text.slice(sentence.start, sentence.end);
  for (const quote of quotes) {
    if (within(quote.span, sentence)) name = name.replace(quote.text, '…');
  }
  name = name.replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim();
  if (name.length > MAX_NAME) {
    const cut = name.lastIndexOf(',', MAX_NAME);
    name = cut > 40 ? name.slice(0, cut) : `${name.slice(0, MAX_NAME - 1)}…`;
  }
  return name.replace(/[.,;:]$/, '');
}

/** Proposes events from dated sentences naming people, one per (date, participants, place). */
export function findEvents(
  text: string,
  sentences: readonly Sentence[],
  people: PeopleIndex,
  places: readonly NamedEntity[],
  dates: readonly DateMention[],
  quotes: readonly QuoteMention[],
): EventCandidate[] {
  const events: EventCandidate[] = [];
  const seen = new Set<string>();
  const quoted = (span: Span): boolean => quotes.some((q) => span[0] >= q.span[0] && span[1] <= q.span[1]);
  for (const sentence of sentences) {
    const date = dates.find((d) => DATING.has(d.precision) && within(d.span, sentence));
    if (date === undefined) continue;
    const participants = [
      ...new Set(
        people.mentions
          .filter((m) => within(m.span, sentence) && !quoted(m.span))
          .map((m) => people.people[m.person]?.name ?? ''),
      ),
    ].filter((name) => name !== '');
    if (participants.length === 0) continue;
    // The first place named in the sentence, not the first in the article's list.
    let place: NamedEntity | undefined;
    let placeAt = Infinity;
    for (const candidate of places) {
      for (const span of candidate.mentions) {
        if (within(span, sentence) && !quoted(span) && span[0] < placeAt)
          [place, placeAt] = [candidate, span[0]];
      }
    }
    const key = `${date.value}|${[...participants].sort().join(',')}|${place?.name ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push({
      name: eventName(text, sentence, quotes),
      date: date.value,
      participants,
      place: place?.name ?? null,
      span: [sentence.start, sentence.end],
    });
  }
  return events;
}
