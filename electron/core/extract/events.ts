/**
 * Candidate events: a sentence with a resolved date and at least one person named outside quotes
 * becomes (what, who, where, when). The user confirms; the rules only propose.
 */
import type { PeopleIndex } from './people';
import { lowerBound, SpanIndex, type Sentence } from './text';
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
  // Quotes are in text order: look only at those starting inside the sentence.
  for (let i = lowerBound(quotes, sentence.start, (q) => q.span[0]); i < quotes.length; i++) {
    const quote = quotes[i] as QuoteMention;
    if (quote.span[0] >= sentence.end) break;
    if (within(quote.span, sentence)) name = name.replace(quote.text, '…');
  }
  // A sentence that opened with a quote or a dash would otherwise name the event "… Putin said" or
  // "— Zelenskyy wrote": the name starts at its first word.
  name = name
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s…—–,;:.-]+/, '')
    .trim();
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
  const quotedIndex = new SpanIndex(quotes.map((q) => q.span));
  const quoted = (span: Span): boolean => quotedIndex.contains(span[0], span[1]);
  const dating = dates.filter((d) => DATING.has(d.precision));
  const placeMentions = places
    .flatMap((place) => place.mentions.map((span) => ({ span, place })))
    .sort((a, b) => a.span[0] - b.span[0]);
  // Sentences, dates, mentions and places are all in text order: one cursor each keeps this linear.
  let d = 0;
  let m = 0;
  let p = 0;
  for (const sentence of sentences) {
    while (d < dating.length && (dating[d] as DateMention).span[0] < sentence.start) d++;
    while (m < people.mentions.length && (people.mentions[m]?.span[0] ?? 0) < sentence.start) m++;
    while (p < placeMentions.length && (placeMentions[p]?.span[0] ?? 0) < sentence.start) p++;
    const date = dating.slice(d, d + 8).find((x) => x.span[0] < sentence.end && within(x.span, sentence));
    if (date === undefined) continue;
    const names = new Set<string>();
    for (let i = m; i < people.mentions.length; i++) {
      const mention = people.mentions[i];
      if (mention === undefined || mention.span[0] >= sentence.end) break;
      if (within(mention.span, sentence) && !quoted(mention.span)) {
        const name = people.people[mention.person]?.name ?? '';
        if (name !== '') names.add(name);
      }
    }
    const participants = [...names];
    if (participants.length === 0) continue;
    // The first place named in the sentence, not the first in the article's list.
    let place: NamedEntity | undefined;
    for (let i = p; i < placeMentions.length; i++) {
      const candidate = placeMentions[i];
      if (candidate === undefined || candidate.span[0] >= sentence.end) break;
      if (within(candidate.span, sentence) && !quoted(candidate.span)) {
        place = candidate.place;
        break;
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
