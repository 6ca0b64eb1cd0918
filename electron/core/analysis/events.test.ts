/**
 * Events in the library: one event per happening across articles (merged when the matching model is
 * confident, suggested when it is not), the user's merges, splits, renames and separations kept through
 * re-extraction, quotes linked to the event their paragraph is about, and the publication date that
 * events are dated against. A real notebook in a temp folder; a small hand-set matching model whose
 * probabilities are easy to reason about, so each test says what it decides.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import type { EntityId, SourceId } from '../../../shared/model';
import { ARTICLE_FEATURES } from './event-match/articles';
import { FEATURES } from './event-match/features';
import type { MatchModel } from './event-match/model';
import { AnalysisService } from './service';
import { openFixture, type AnalysisFixture } from './testing';

/** Merges two events of the same kind that share a participant or a place; nothing else. */
function model(merge = 0.7, suggest = 0.3): MatchModel {
  const weights = new Float64Array(FEATURES.length);
  const set = (name: (typeof FEATURES)[number], value: number): void => {
    weights[FEATURES.indexOf(name)] = value;
  };
  set('bias', -4);
  set('sameKind', 2);
  set('sharedParticipants', 6);
  set('sharedPlace', 1.5);
  set('dateClash', -6);
  return { weights, merge, suggest, terms: { documents: 1, frequency: new Map() } };
}

let f: AnalysisFixture;
let analysis: AnalysisService;
let matching: MatchModel | null;

beforeEach(() => {
  f = openFixture();
  matching = model();
  const ctx = { db: f.db, hooks: {} } as unknown as CoreContext;
  analysis = new AnalysisService(ctx, { eventMatching: () => matching });
});
afterEach(() => f.close());

const store = (text: string, published: string | null = '2025-03-14'): SourceId => {
  const id = f.addSource(text, { published });
  analysis.sourceStored(id);
  return id;
};
const eventsOf = async (id: SourceId) => (await analysis.getSourceAnalysis(id)).events;

const FIRST =
  'Prime Minister Lena Vogel met Carlos Mendes in Berlin on Tuesday.\n\n' +
  '“We agreed on the harbour,” Vogel said after the meeting.';
const SECOND = 'Carlos Mendes and Lena Vogel met in Berlin on Tuesday to talk about the harbour.';

describe('one event per happening across the library', () => {
  it("merges a second article's report of the same meeting into the first one's event", async () => {
    const a = store(FIRST);
    const b = store(SECOND);
    const [meetingA] = await eventsOf(a);
    const [meetingB] = await eventsOf(b);
    expect(meetingA?.id).toBeDefined();
    expect(meetingB?.id).toBe(meetingA?.id);
    const page = await analysis.getEntityPage(meetingA!.id);
    expect(page.event?.sourceCount).toBe(2);
    expect(new Set(page.event?.reports.map((r) => r.source.id))).toEqual(new Set([a, b]));
    expect(page.sourceCount).toBe(2);
  });

  it('does not merge below the threshold: the two stay apart and are suggested to the user', async () => {
    matching = model(0.99, 0.3);
    const a = store(FIRST);
    const b = store(SECOND);
    const [meetingA] = await eventsOf(a);
    const [meetingB] = await eventsOf(b);
    expect(meetingB!.id).not.toBe(meetingA!.id);
    const page = await analysis.getEntityPage(meetingB!.id);
    expect(page.similarEvents?.map((s) => s.id)).toEqual([meetingA!.id]);
    expect(page.similarEvents?.[0]?.score).toBeGreaterThanOrEqual(0.3);
    expect(page.similarEvents?.[0]?.score).toBeLessThan(0.99);
  });

  it('keeps apart meetings of other people on another day', async () => {
    const a = store(FIRST);
    const b = store('Ivo Brand met Anna Berg in Oslo on Friday.', '2025-03-21');
    expect((await eventsOf(b))[0]?.id).not.toBe((await eventsOf(a))[0]?.id);
  });

  it('finds candidates through indexes, never a scan of all events', () => {
    const plans = [
      `SELECT event_id FROM event_participants WHERE entity_id = 'x' ORDER BY seq DESC LIMIT 25`,
      `SELECT id FROM entities WHERE kind = 'event' AND merged_into IS NULL AND event_kind = 'meeting'
         AND event_date_start BETWEEN '2025-01-01' AND '2025-03-01' ORDER BY event_date_start DESC LIMIT 25`,
      `SELECT id FROM entities WHERE kind = 'event' AND merged_into IS NULL AND event_kind = 'meeting'
         AND event_date_start IS NULL ORDER BY seq DESC LIMIT 10`,
    ].map((sql) =>
      (f.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('; '),
    );
    for (const plan of plans) {
      expect(plan).toMatch(/USING (?:COVERING )?INDEX/);
      expect(plan).not.toMatch(/SCAN (?:entities|event_participants)(?! USING)/);
    }
  });
});

describe("the user's decisions about events survive re-extraction", () => {
  it('keeps the event (and its name) of a re-extracted article', async () => {
    const a = store(FIRST);
    const [before] = await eventsOf(a);
    await analysis.renameEntity({ id: before!.id, name: 'The harbour meeting' });
    await analysis.reextractSource(a);
    const [after] = await eventsOf(a);
    expect(after?.id).toBe(before!.id);
    expect(after?.name).toBe('The harbour meeting');
  });

  it('keeps a split: the split-off article stays in its own event after re-extraction', async () => {
    const a = store(FIRST);
    const b = store(SECOND);
    const [meeting] = await eventsOf(a);
    const created = await analysis.splitEvent({ id: meeting!.id, sourceIds: [b], name: 'Another meeting' });
    expect((await eventsOf(b))[0]?.id).toBe(created.id);
    await analysis.reextractSource(b);
    await analysis.reextractSource(a);
    expect((await eventsOf(b))[0]?.id).toBe(created.id);
    expect((await eventsOf(a))[0]?.id).toBe(meeting!.id);
    // And a third report goes to one of them, never merging the two again.
    store(SECOND.replace('to talk about the harbour', 'once more'));
    expect((await analysis.getEntityPage(created.id)).entity.kind).toBe('event');
    expect((await analysis.getEntityPage(meeting!.id)).entity.id).toBe(meeting!.id);
  });

  it('keeps a merge the user made, and a separation', async () => {
    matching = model(0.99, 0.3);
    const a = store(FIRST);
    const b = store(SECOND);
    const [ea] = await eventsOf(a);
    const [eb] = await eventsOf(b);
    await analysis.mergeEntities({ into: ea!.id, from: [eb!.id] });
    await analysis.reextractSource(b);
    expect((await eventsOf(b))[0]?.id).toBe(ea!.id);

    const c = store('Carlos Mendes met Lena Vogel in Berlin on Tuesday, officials said.');
    const [ec] = await eventsOf(c);
    expect(ec!.id).not.toBe(ea!.id);
    await analysis.separateEvents({ id: ea!.id, otherId: ec!.id });
    expect((await analysis.getEntityPage(ec!.id)).similarEvents).toEqual([]);
    await analysis.reextractSource(c);
    expect((await eventsOf(c))[0]?.id).toBe(ec!.id);
  });
});

/**
 * Events of different kinds never merge by themselves; articles merge by how alike their words are
 * (probability 0.95 for half their words in common, 0.05 for none), from `merge`, and stories bridge
 * from `bridge` (absent: never).
 */
function storyModel(bridge?: number): MatchModel {
  const events = model(2, 2);
  const weights = new Float64Array(ARTICLE_FEATURES.length);
  weights[ARTICLE_FEATURES.indexOf('bias')] = -3;
  weights[ARTICLE_FEATURES.indexOf('similarity')] = 8.4;
  return { ...events, article: { weights, merge: 0.5, ...(bridge === undefined ? {} : { bridge }) } };
}

const QUAKE = 'An earthquake shook Qeshm island on Sunday, cracking mosques, schools and orchards.';
const RESCUE = 'Rescuers evacuated Dargahan villagers on Sunday, bringing tents, blankets and water.';
/** Words of both: the report that shows the two are one story. */
const BOTH =
  'An earthquake shook Qeshm island on Sunday, cracking mosques, schools and orchards. ' +
  'Rescuers evacuated Dargahan villagers, bringing tents, blankets and water.';

describe('stories across articles', () => {
  const mainEvent = async (id: SourceId) => (await eventsOf(id))[0]?.id;

  it('a report telling two stories joins them into one, when the model bridges stories', async () => {
    matching = storyModel(0.3);
    const quake = store(QUAKE);
    const rescue = store(RESCUE);
    expect(await mainEvent(quake)).not.toBe(await mainEvent(rescue));
    const both = store(BOTH);
    const ids = new Set([await mainEvent(quake), await mainEvent(rescue), await mainEvent(both)]);
    expect(ids.size).toBe(1);
    const page = await analysis.getEntityPage([...ids][0] as EntityId);
    expect(page.event?.sourceCount).toBe(3);
  });

  it('without a bridge, or with the two stories separated by the user, the report joins one of them only', async () => {
    matching = storyModel();
    const quake = store(QUAKE);
    const rescue = store(RESCUE);
    const both = store(BOTH);
    expect(await mainEvent(quake)).not.toBe(await mainEvent(rescue));
    expect([await mainEvent(quake), await mainEvent(rescue)]).toContain(await mainEvent(both));

    matching = storyModel(0.3);
    const quake2 = store(QUAKE.replace('Sunday', 'Monday'));
    const rescue2 = store(RESCUE.replace('Sunday', 'Monday'));
    await analysis.separateEvents({
      id: (await mainEvent(quake2)) as EntityId,
      otherId: (await mainEvent(rescue2)) as EntityId,
    });
    store(BOTH.replace('Sunday', 'Monday'));
    expect(await mainEvent(quake2)).not.toBe(await mainEvent(rescue2));
  });

  it('never folds an event the user named into another story', async () => {
    matching = storyModel(0.3);
    const quake = store(QUAKE);
    const rescue = store(RESCUE);
    const named = (await mainEvent(rescue)) as EntityId;
    await analysis.renameEntity({ id: named, name: 'Dargahan evacuation' });
    store(BOTH);
    expect(await mainEvent(quake)).not.toBe(await mainEvent(rescue));
    expect((await analysis.getEntityPage(named)).entity).toMatchObject({ name: 'Dargahan evacuation' });
  });
});

/** Two deaths told in the same words, of two different people. */
const LARUE = 'Fred LaRue, a Watergate figure, died on Tuesday in Biloxi, the coroner said. LaRue was 75.';
const FELT = 'Mark Felt, a Watergate figure, died on Tuesday in Biloxi, the coroner said. Felt was 75.';

describe('numbers two reports write', () => {
  const mainEvent = async (id: SourceId) => (await eventsOf(id))[0]?.id;
  /** storyModel, with articles that write three numbers or more each and share none kept apart. */
  const numbersModel = (): MatchModel => {
    const m = storyModel();
    const weights = Float64Array.from(m.article!.weights);
    weights[ARTICLE_FEATURES.indexOf('numbersNone')] = -12;
    return { ...m, article: { ...m.article!, weights } };
  };
  const QUAKE_NUMBERS =
    'A magnitude 6.1 earthquake shook Qeshm island on Sunday, killing 12 people and injuring 85.';

  it('keeps apart two earthquakes alike in words whose figures differ, and joins two reports of one', async () => {
    matching = numbersModel();
    const first = store(QUAKE_NUMBERS);
    const same = store(QUAKE_NUMBERS.replace('killing', 'leaving').replace('Sunday', 'Sunday morning'));
    const other = store(
      QUAKE_NUMBERS.replace('6.1', '5.9')
        .replace('12', '30')
        .replace('85', '40')
        .replace('killing', 'leaving'),
    );
    expect(await mainEvent(same)).toBe(await mainEvent(first));
    expect(await mainEvent(other)).not.toBe(await mainEvent(first));
    // Profiles stored before schema 14 have no numbers or days: they are read from the article's text when the
    // matcher first compares it, and kept.
    f.db.prepare(`UPDATE source_profiles SET numbers = NULL, days = NULL`).run();
    const again = store(
      QUAKE_NUMBERS.replace('6.1', '5.8')
        .replace('12', '14')
        .replace('85', '41')
        .replace('killing', 'leaving'),
    );
    expect([await mainEvent(first), await mainEvent(other)]).not.toContain(await mainEvent(again));
    const stored = f.db.prepare(`SELECT numbers, days FROM source_profiles WHERE source_id = ?`);
    expect(stored.get(first)).toEqual({ numbers: '["6.1","12","85"]', days: '["sunday"]' });
  });
});

describe('stories of different people', () => {
  const mainEvent = async (id: SourceId) => (await eventsOf(id))[0]?.id;
  /** storyModel's words, and two articles led by different surnames kept apart. */
  const leadModel = (): MatchModel => {
    const m = storyModel();
    m.article!.weights[ARTICLE_FEATURES.indexOf('leadDiffer')] = -8;
    return m;
  };

  it('keeps apart two articles alike in words whose most-named people differ', async () => {
    matching = storyModel();
    const larue = store(LARUE);
    const felt = store(FELT);
    // Words alone make them one story...
    expect(await mainEvent(felt)).toBe(await mainEvent(larue));
    matching = leadModel();
    const larue2 = store(LARUE.replace('Tuesday', 'Wednesday'));
    const felt2 = store(FELT.replace('Tuesday', 'Wednesday'));
    // ...their leads, LaRue and Felt, do not.
    expect(await mainEvent(felt2)).not.toBe(await mainEvent(larue2));
  });

  const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'];
  /** storyModel, with the check of a story's leads from `storyLead` articles (absent: none). */
  const storyLeadModel = (storyLead?: number): MatchModel => {
    const m = storyModel();
    return { ...m, article: { ...m.article!, ...(storyLead === undefined ? {} : { storyLead }) } };
  };

  it('without the check of leads, four reports of one death take a fifth, of another, alike in words', async () => {
    matching = storyLeadModel();
    const felt = DAYS.map((day) => store(FELT.replace('Tuesday', day)));
    const larue = store(LARUE.replace('Tuesday', 'Friday'));
    expect(await mainEvent(larue)).toBe(await mainEvent(felt[0]!));
  });

  it('a story whose articles all lead with one person does not take an article led by another', async () => {
    matching = storyLeadModel(4);
    const felt = DAYS.map((day) => store(FELT.replace('Tuesday', day)));
    expect(new Set(await Promise.all(felt.map(mainEvent))).size).toBe(1);
    // Four articles led by Felt, none by LaRue: LaRue's death is its own story.
    const larue = store(LARUE.replace('Tuesday', 'Friday'));
    expect(await mainEvent(larue)).not.toBe(await mainEvent(felt[0]!));
    // A fifth report of Felt's death still joins his.
    const again = store(FELT.replace('Tuesday', 'Saturday'));
    expect(await mainEvent(again)).toBe(await mainEvent(felt[0]!));
  });

  it('compares the leads by surname: "W. Mark Felt Jr." leads the story "Mark Felt" leads', async () => {
    matching = leadModel();
    const felt = store(FELT);
    const again = store(FELT.replace('Mark Felt', 'W. Mark Felt Jr.'));
    expect(await mainEvent(again)).toBe(await mainEvent(felt));
  });
});

describe('quotes belong to events', () => {
  it('links a quote to the event its paragraph is about: "Quotes about it", and on the speaker\'s page', async () => {
    const a = store(
      'Lena Vogel met Carlos Mendes in Berlin on Tuesday. “We agreed on the harbour,” Vogel said.\n\n' +
        'Ivo Brand resigned as chair of the Oslo port authority on Monday.\n\n' +
        '“It was time to go,” Brand said.',
    );
    const events = await eventsOf(a);
    const meeting = events.find((e) => e.kind === 'meeting')!;
    const resignation = events.find((e) => e.kind === 'resignation')!;
    const meetingPage = await analysis.getEntityPage(meeting.id);
    expect(meetingPage.quotes.map((q) => q.text)).toEqual(['We agreed on the harbour,']);
    const resignationPage = await analysis.getEntityPage(resignation.id);
    expect(resignationPage.quotes.map((q) => q.text)).toEqual(['It was time to go,']);
    const [vogel] = await analysis.listEntities({ kinds: ['person'], query: 'vogel' });
    const vogelPage = await analysis.getEntityPage(vogel!.id);
    expect(vogelPage.quotes[0]?.event).toEqual({ id: meeting.id, name: meeting.name });
  });
});

describe('the publication date events are dated against', () => {
  it('changing it re-resolves the dates and keeps the review decisions', async () => {
    const a = store('Lena Vogel met Carlos Mendes in Berlin on Thursday. “We agreed,” Vogel said.', null);
    const [undated] = await eventsOf(a);
    expect(undated?.date).toBeNull();
    const [quote] = (await analysis.getSourceAnalysis(a)).quotes;
    await analysis.reviewQuote({ id: quote!.id, status: 'confirmed' });
    const result = await analysis.setSourcePublished({ id: a, published: '2008-07-25' });
    expect(result).toMatchObject({ publishedAt: '2008-07-25', publishedOrigin: 'user' });
    const after = await analysis.getSourceAnalysis(a);
    expect(after.events[0]).toMatchObject({ date: '2008-07-24', precision: 'day' });
    expect(after.events[0]?.id).toBe(undated!.id);
    expect(after.quotes[0]?.status).toBe('confirmed');
    // "No date" again: relative dates unresolved, and nothing is inferred over the user's word.
    await analysis.setSourcePublished({ id: a, published: null });
    expect((await eventsOf(a))[0]?.date).toBeNull();
  });

  it('infers the date of a stored source without one from its dateline, and marks it inferred', async () => {
    const a = store('OSLO, July 23, 2008\n\nLena Vogel met Carlos Mendes in Oslo on Tuesday.', null);
    expect((await eventsOf(a))[0]).toMatchObject({ date: '2008-07-22' });
    const row = f.db.prepare(`SELECT published_at, published_origin FROM sources WHERE id = ?`).get(a);
    expect(row).toEqual({ published_at: '2008-07-23', published_origin: 'inferred' });
  });

  it('refuses an unknown source with NOT_FOUND', async () => {
    await expect(
      analysis.setSourcePublished({ id: 'no-such-source' as SourceId, published: '2020-01-01' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('bad input', () => {
  it('stores an article with no events, one with 500 dates, contradictory dates and the year 3000', async () => {
    const none = store('The weather was fine and the trees were green.');
    expect(await eventsOf(none)).toEqual([]);

    const manyDates = Array.from(
      { length: 500 },
      (_, i) => `Lena Vogel met Carlos Mendes in Berlin on ${1 + (i % 28)} March ${1990 + (i % 30)}.`,
    ).join(' ');
    const many = store(manyDates);
    const events = await eventsOf(many);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(60);

    const contradictory = store(
      'Lena Vogel met Carlos Mendes in Berlin on Tuesday, 3 March 2020, or on 9 May 1999, or yesterday.',
    );
    expect((await eventsOf(contradictory)).length).toBeGreaterThan(0);

    const future = store('Lena Vogel met Carlos Mendes in Berlin on 3 March 3000.');
    const [far] = await eventsOf(future);
    expect(far).toBeDefined();
    // Year 3000 is no date the rules read (years run to 2099): the event falls back to the article's month.
    expect(far?.date).toBe('2025-03');
  });

  it('never merges an article full of dates into another event below the threshold', async () => {
    matching = model(0.999, 0.3);
    const a = store(FIRST);
    const b = store(
      `${SECOND} ${Array.from({ length: 200 }, (_, i) => `It was on ${1 + (i % 28)} May ${1950 + i}.`).join(' ')}`,
    );
    const ids = new Set((await eventsOf(a)).map((e) => e.id));
    for (const event of await eventsOf(b)) expect(ids.has(event.id)).toBe(false);
  });

  it('names an event the user asked to split with a name it checks', async () => {
    const a = store(FIRST);
    const [meeting] = await eventsOf(a);
    await expect(
      analysis.splitEvent({ id: meeting!.id, sourceIds: [a], name: 'Everything' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const [person] = await analysis.listEntities({ kinds: ['person'] });
    await expect(
      analysis.separateEvents({ id: meeting!.id, otherId: person!.id as EntityId }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
