/**
 * Stores one article's events in the library: each is the event it was before re-extraction (a
 * mention on the same words keeps its event, so the user's renames, merges and splits stay), else the
 * library event it matches (merged when the matching model is confident, suggested for review when it
 * is less so), else a new event. Quotes are linked to the event their paragraph is about.
 */
import type Database from 'better-sqlite3';
import type { EventCandidate, Span } from '../extract';
import { layoutText, lowerBound, type TextLayout } from '../extract/text';
import { timexRange } from '../extract/timex-range';
import { EntitiesRepo } from './entities-repo';
import { EntityEdits } from './entity-edits';
import {
  daysOf,
  leadKey,
  numbersOf,
  profileNumbers,
  topEntities,
  yearsOf,
  type ArticleProfile,
} from './event-match/articles';
import type { EventSignature } from './event-match/features';
import { EventsRepo, type StoredSignature } from './event-match/events-repo';
import { decide } from './event-match/matcher';
import type { MatchModel } from './event-match/model';
import {
  corpusFrequencies,
  countWords,
  mergeTerms,
  stretchesAtSpaces,
  termsOfCounts,
  type Terms,
  type WordCounts,
} from './event-match/terms';
import { FindingsRepo } from './findings-repo';
import { normalizeName } from './names';

/** Entity ids of the article's people, organisations and places, by folded name and alias. */
export interface ResolvedNames {
  person: ReadonlyMap<string, string>;
  org: ReadonlyMap<string, string>;
  place: ReadonlyMap<string, string>;
}

/** A quote as stored: its id and words. */
export interface StoredQuote {
  id: string;
  start: number;
  end: number;
  speakerId: string | null;
}

/** How a source's events were stored. */
export interface StoredEvents {
  /** Event ids the source now reports. */
  ids: string[];
  /** Reports written (one per mention). */
  reports: number;
}

/** What matching a new event may use: the model, or null to store every event as new (bench baseline). */
export type Matching = MatchModel | null;

interface Prepared {
  event: EventCandidate;
  participants: { id: string; role: string }[];
  places: string[];
  signature: EventSignature;
}

/** How much of the text one step of {@link EventStore.store} reads for its words and years. */
const STRETCH_CHARS = 100_000;

/** Writes events; one instance per store call's database. */
export class EventStore {
  private readonly events: EventsRepo;
  private readonly entities: EntitiesRepo;
  private readonly findings: FindingsRepo;
  private readonly edits: EntityEdits;

  constructor(
    private readonly db: Database.Database,
    private readonly matching: () => Matching,
  ) {
    this.events = new EventsRepo(db);
    this.entities = new EntitiesRepo(db);
    this.findings = new FindingsRepo(db);
    this.edits = new EntityEdits(db);
  }

  /** The source's previous auto reports, read before its auto rows are deleted. */
  previousReports(sourceId: string): { eventId: string; start: number; end: number }[] {
    return this.events.reportsOf(sourceId);
  }

  /**
   * Stores `events` of a source (inside the caller's transaction), a step at a time: the generator
   * yields after each stretch of the text it reads, each event and each quote it links, so a caller
   * may commit and let other calls run between steps (ExtractionStore.storeInSlices) or run it through
   * in one transaction.
   */
  *store(input: {
    sourceId: string;
    text: string;
    published: string | null;
    events: readonly EventCandidate[];
    quotes: readonly StoredQuote[];
    names: ResolvedNames;
    /** The people the article names most (entity ids, most first). */
    people: readonly string[];
    /** How often the article names each person, organisation and place (in the order first named). */
    entities: ReadonlyMap<string, number>;
    previous: readonly { eventId: string; start: number; end: number }[];
  }): Generator<void, StoredEvents, undefined> {
    const model = this.matching();
    // The article's words, years, numbers and days, read a stretch at a time (a million characters take
    // ~0.1 s); only the matcher reads them, so without a model they are not read.
    const counts: WordCounts = new Map();
    const years = new Set<string>();
    const numbers = new Set<string>();
    const days = new Set<string>();
    for (const [start, end] of stretchesAtSpaces(input.text, STRETCH_CHARS)) {
      if (model !== null) {
        const stretch = input.text.slice(start, end);
        countWords(stretch, counts);
        for (const year of yearsOf(stretch)) years.add(year);
        for (const number of numbersOf(stretch)) numbers.add(number);
        for (const day of daysOf(stretch)) days.add(day);
      }
      yield;
    }
    const terms: Terms = model === null ? new Map() : termsOfCounts(counts, corpusFrequencies(model.terms));
    const article: ArticleProfile = {
      terms,
      people: input.people,
      entities: topEntities(input.entities),
      years: [...years].sort(),
      numbers: profileNumbers(numbers),
      days: [...days].sort(),
      published: input.published,
      lead: leadKey(this.events.nameOf(input.people[0])),
    };
    if (model !== null) this.events.saveSourceProfile(input.sourceId, article);
    const prepared = input.events.map((event) => this.prepare(event, input.names, article));
    const ids: string[] = [];
    let reports = 0;
    // Candidates read once per article (its events share people and places, hence candidates).
    const cache = new Map<string, StoredSignature | null>();
    const byMention: { id: string; span: Span; sentence: Span }[] = [];
    for (const item of prepared) {
      const id = this.place(item, input, model, cache);
      if (!ids.includes(id)) ids.push(id);
      for (const p of item.participants) this.events.addParticipant(id, p.id, p.role);
      for (const place of item.places) this.events.addParticipant(id, place, 'place');
      for (const mention of item.event.mentions) {
        if (mention.span[1] <= mention.span[0] || mention.span[1] > input.text.length) continue;
        this.findings.addEventSource(id, input.sourceId, mention.span, null);
        byMention.push({ id, span: mention.span, sentence: mention.sentence });
        reports++;
      }
      yield;
    }
    yield* this.linkQuotes(input, byMention);
    return { ids, reports };
  }

  private prepare(event: EventCandidate, names: ResolvedNames, article: ArticleProfile): Prepared {
    const { terms, published, people } = article;
    const participants: { id: string; role: string }[] = [];
    for (const actor of event.actors) {
      const id = (actor.kind === 'org' ? names.org : names.person).get(normalizeName(actor.name));
      if (id !== undefined && !participants.some((p) => p.id === id))
        participants.push({ id, role: actor.role });
    }
    const places = [
      ...new Set(event.places.map((p) => names.place.get(normalizeName(p))).filter((id) => id !== undefined)),
    ];
    const range = event.date === null ? null : timexRange(event.date, published);
    return {
      event,
      participants,
      places,
      signature: {
        kind: event.kind,
        lemmas: event.lemmas,
        actors: participants.filter((p) => p.role !== 'other').map((p) => p.id),
        participants: participants.map((p) => p.id),
        places,
        range: range === null ? null : { start: range.start, end: range.end },
        articleDate: event.dateSource === 'article',
        terms,
        salience: event.salience,
        main: event.main,
        articlePeople: people,
        article,
      },
    };
  }

  /** The event a new one goes to: its old one, a matching one, or a new one. */
  private place(
    item: Prepared,
    input: {
      sourceId: string;
      published: string | null;
      previous: readonly { eventId: string; start: number; end: number }[];
    },
    model: Matching,
    cache: Map<string, StoredSignature | null>,
  ): string {
    const old = input.previous.find((r) =>
      item.event.mentions.some((m) => m.span[0] < r.end && r.start < m.span[1]),
    );
    if (old !== undefined) {
      const live =
        this.entities.find(old.eventId) === undefined ? undefined : this.entities.live(old.eventId);
      if (live !== undefined && live.kind === 'event') {
        this.absorb(live.id, item, input.published, input.sourceId);
        return live.id;
      }
    }
    if (model !== null) {
      const keys = {
        kind: item.signature.kind,
        entityIds: [...item.signature.participants, ...item.signature.places],
        range: item.signature.range,
        ...(item.event.main ? { similar: { terms: item.signature.terms, sourceId: input.sourceId } } : {}),
      };
      const decision = decide(
        this.events,
        item.signature,
        keys,
        input.sourceId,
        model,
        item.event.mentions.map((m) => m.span),
        cache,
      );
      if (decision.merge !== null) {
        cache.delete(decision.merge);
        for (const other of decision.bridge) {
          // An event the user made or named is theirs to merge: a new report never folds it away.
          const row = this.entities.find(other);
          if (row === undefined || row.origin === 'user' || row.name_origin === 'user') continue;
          cache.delete(other);
          this.edits.move(other, decision.merge);
        }
        this.absorb(decision.merge, item, input.published, input.sourceId);
        return decision.merge;
      }
      const id = this.create(item, input.published);
      for (const s of decision.suggest) this.events.suggest(id, s.id, s.score);
      return id;
    }
    return this.create(item, input.published);
  }

  private create(item: Prepared, published: string | null): string {
    const { event, signature } = item;
    const range = event.date === null ? null : timexRange(event.date, published);
    const row = this.entities.create('event', event.name, 'auto', {
      date: event.date,
      start: range?.start ?? null,
      end: range?.end ?? null,
      precision: event.precision ?? range?.precision ?? null,
      place: event.place,
    });
    this.db
      .prepare(`UPDATE entities SET event_kind = ?, event_date_source = ? WHERE id = ?`)
      .run(event.kind, range === null ? null : event.dateSource, row.id);
    this.events.saveProfile(row.id, event.lemmas, signature.terms, event.salience, event.main);
    return row.id;
  }

  /**
   * A new report of an existing event: its words, lemmas and a better date join the event's. When the
   * event is this source's alone (re-extraction), the source's date is the event's, even none.
   */
  private absorb(id: string, item: Prepared, published: string | null, sourceId: string): void {
    const [stored] = this.events.signatures([id]).values() as IterableIterator<StoredSignature>;
    if (stored === undefined) return;
    const { event } = item;
    if ([...stored.sources].every((s) => s === sourceId)) {
      const range = event.date === null ? null : timexRange(event.date, published);
      this.events.setDate(id, {
        value: range === null ? null : event.date,
        start: range?.start ?? null,
        end: range?.end ?? null,
        precision: range === null ? null : (event.precision ?? range.precision),
        source: range === null ? null : event.dateSource,
      });
    }
    this.events.saveProfile(
      id,
      [...stored.lemmas, ...event.lemmas],
      stored.sources.size === 0 ? item.signature.terms : mergeTerms(stored.terms, item.signature.terms),
      Math.max(stored.salience, event.salience),
      stored.main || event.main,
    );
    const range = event.date === null ? null : timexRange(event.date, published);
    if (range !== null && event.dateSource !== 'article' && event.date !== null) {
      this.events.improveDate(id, {
        value: event.date,
        start: range.start,
        end: range.end,
        precision: event.precision ?? range.precision,
        source: event.dateSource ?? 'text',
      });
    }
  }

  /**
   * Each quote goes to the event its paragraph is about: one told in the quote's own sentence, else in
   * its paragraph, else in the paragraph before (a quote often follows the report it comments on);
   * among several, the one its speaker takes part in, else the nearest before it.
   */
  private *linkQuotes(
    input: { sourceId: string; text: string; quotes: readonly StoredQuote[] },
    mentions: readonly { id: string; span: Span; sentence: Span }[],
  ): Generator<void, void, undefined> {
    if (mentions.length === 0 || input.quotes.length === 0) return;
    const layout: TextLayout = layoutText(input.text);
    // Paragraphs are in text order and do not overlap: the one holding an offset is the last to start
    // at or before it, if it ends after it.
    const paragraphOf = (offset: number): number => {
      const found = lowerBound(layout.paragraphs, offset + 1, (p) => p[0]) - 1;
      return found >= 0 && offset < layout.paragraphs[found]![1] ? found : -1;
    };
    const located = mentions.map((m, order) => ({ ...m, order, paragraph: paragraphOf(m.span[0]) }));
    // Mentions by paragraph, and by the paragraph their sentence lies in (a sentence that does not lie
    // in one paragraph is looked at for every quote), so each quote looks at its neighbours only: an
    // article of thousands of quotes and events is not every quote against every event.
    const byParagraph = new Map<number, typeof located>();
    const bySentence = new Map<number, typeof located>();
    const straddling: typeof located = [];
    const push = (map: Map<number, typeof located>, key: number, m: (typeof located)[number]): void => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [m]);
      else list.push(m);
    };
    for (const m of located) {
      push(byParagraph, m.paragraph, m);
      const first = paragraphOf(m.sentence[0]);
      if (first >= 0 && m.sentence[1] <= layout.paragraphs[first]![1]) push(bySentence, first, m);
      else straddling.push(m);
    }
    const inSentence = (paragraph: number): typeof located => {
      const near = bySentence.get(paragraph) ?? [];
      return straddling.length === 0 ? near : [...near, ...straddling].sort((a, b) => a.order - b.order);
    };
    const participants = new Map<string, Set<string>>();
    const takesPart = (eventId: string, entityId: string): boolean => {
      let set = participants.get(eventId);
      if (set === undefined) {
        set = new Set(this.findings.participantIds(eventId));
        participants.set(eventId, set);
      }
      return set.has(entityId);
    };
    for (const quote of input.quotes) {
      const paragraph = paragraphOf(quote.start);
      const choose = (pool: typeof located): string | null => {
        if (pool.length === 0) return null;
        const speaking =
          quote.speakerId === null ? [] : pool.filter((m) => takesPart(m.id, quote.speakerId!));
        const from = speaking.length > 0 ? speaking : pool;
        const before = from.filter((m) => m.span[0] <= quote.start);
        const nearest = (before.length > 0 ? before : from).reduce((a, b) =>
          Math.abs(b.span[0] - quote.start) < Math.abs(a.span[0] - quote.start) ? b : a,
        );
        return nearest.id;
      };
      const eventId =
        choose(
          inSentence(paragraph).filter((m) => m.sentence[0] <= quote.start && quote.end <= m.sentence[1]),
        ) ??
        choose(byParagraph.get(paragraph) ?? []) ??
        choose(byParagraph.get(paragraph - 1) ?? []);
      if (eventId !== null)
        this.findings.addEventSource(eventId, input.sourceId, [quote.start, quote.end], quote.id);
      yield;
    }
  }
}
