/**
 * Writes one source's extraction into the library, in one transaction: people, places and organisations
 * resolved to library-wide entities through the alias table, their mentions, quotes with speakers,
 * events (deduplicated across the library), and the user's earlier decisions replayed on top.
 *
 * Resolution of a found name to an entity of the same kind: a person needs evidence (the same full name,
 * a known longer alias, a fitting title; see person-resolution.ts), so a bare surname shared by two
 * known people never joins either. A place or organisation is the entity with an alias of the same match
 * key ("Zelensky" finds "Zelenskyy"), else a new one. A person known only by a surname ("Putin" from an
 * article that gave no first name) is renamed to the fuller name when one arrives, unless the user named
 * it.
 */
import type Database from 'better-sqlite3';
import type { ExtractionCounts } from '../../../shared/areas/analysis';
import type { EntityKind, SourceId } from '../../../shared/model';
import type { Extraction, NamedEntity } from '../extract';
import { DecisionsRepo, spanKey } from './decisions-repo';
import { EntitiesRepo, type EntityRow } from './entities-repo';
import { FindingsRepo } from './findings-repo';
import { contentWords, nameMatchKey, normalizeName, similarity, wordCount } from './names';
import { matchPerson } from './person-resolution';
import { timexRange } from './timex-range';

/** How similar two event names must be (word Jaccard) to be one event, given same date and people. */
const EVENT_NAME_SIMILARITY = 0.5;

/** The source being stored. */
export interface SourceText {
  id: SourceId;
  text: string;
  published: string | null;
}

/** Stores extractions. */
export class ExtractionStore {
  private readonly entities: EntitiesRepo;
  private readonly findings: FindingsRepo;
  private readonly decisions: DecisionsRepo;

  constructor(private readonly db: Database.Database) {
    this.entities = new EntitiesRepo(db);
    this.findings = new FindingsRepo(db);
    this.decisions = new DecisionsRepo(db);
  }

  /** Replaces the source's auto findings with `extraction`, replaying the user's decisions. */
  store(source: SourceText, extraction: Extraction): ExtractionCounts {
    return this.db.transaction(() => this.write(source, extraction)).immediate();
  }

  private write(source: SourceText, extraction: Extraction): ExtractionCounts {
    const { id: sourceId, text } = source;
    const touched = this.findings.deleteAuto(sourceId);
    const user = this.findings.userSpans(sourceId);
    const decided = this.decisions.forSource(sourceId);
    const current = new Set<string>();
    const taken = new Set<string>();
    const byName = new Map<string, string>();
    let mentions = 0;

    const groups: [EntityKind, NamedEntity[]][] = [
      ['person', extraction.people],
      ['org', extraction.organizations],
      ['place', extraction.places],
    ];
    for (const [kind, found] of groups) {
      for (const named of found) {
        // A span already stored (by the user, or as a person/org found first) is not stored twice.
        const spans = named.mentions.filter(([s, e]) => {
          const key = `${s}:${e}`;
          return e > s && e <= text.length && !taken.has(key) && !user.mentions.has(key);
        });
        if (spans.length === 0) continue;
        const entity = this.resolve(kind, named);
        current.add(entity.id);
        if (kind === 'person') {
          byName.set(normalizeName(named.name), entity.id);
          for (const alias of named.aliases) byName.set(normalizeName(alias), entity.id);
        }
        for (const [start, end] of spans) {
          taken.add(`${start}:${end}`);
          const surface = text.slice(start, end);
          const entityId = this.splitTarget(kind, surface, entity.id) ?? entity.id;
          current.add(entityId);
          const decision = decided.mentions.get(spanKey(start, end, surface));
          this.findings.insertMention({
            entityId,
            sourceId,
            start,
            end,
            text: surface,
            origin: 'auto',
            status: decision?.status ?? 'suggested',
          });
          mentions++;
        }
      }
    }

    const quoteSpans: { id: string; start: number; end: number }[] = [];
    for (const q of extraction.quotes) {
      const [start, end] = q.span;
      if (end <= start || end > text.length || user.quotes.has(`${start}:${end}`)) continue;
      const quoted = text.slice(start, end);
      let speakerId = q.speaker === null ? null : this.speakerOf(q.speaker, byName);
      if (speakerId !== null && q.speakerSpan !== null) {
        speakerId = this.splitTarget('person', text.slice(...q.speakerSpan), speakerId) ?? speakerId;
      }
      const decision = decided.quotes.get(spanKey(start, end, quoted));
      const reassigned = decision !== undefined && 'speakerId' in decision;
      if (reassigned) {
        speakerId = decision.speakerId == null ? null : this.liveId(decision.speakerId);
      }
      if (speakerId !== null) current.add(speakerId);
      const id = this.findings.insertQuote({
        sourceId,
        start,
        end,
        text: quoted,
        speakerId,
        // An empty span is no evidence; storing it would fail the table's check and, with it, the
        // whole source's extraction.
        speakerSpan:
          reassigned || q.speakerSpan === null || q.speakerSpan[1] <= q.speakerSpan[0] ? null : q.speakerSpan,
        cue: q.cue,
        confidence: reassigned ? 1 : q.confidence,
        rule: reassigned ? 'user' : q.rule,
        kind: q.kind,
        origin: 'auto',
        status: decision?.status ?? (reassigned ? 'confirmed' : 'suggested'),
      });
      quoteSpans.push({ id, start, end });
    }

    let events = 0;
    const reported = new Set<string>();
    for (const ev of extraction.events) {
      const participants = [
        ...new Set(ev.participants.map((name) => this.speakerOf(name, byName)).filter((id) => id !== null)),
      ];
      const eventId = this.resolveEvent(ev.name, ev.date, ev.place, participants, source.published);
      current.add(eventId);
      for (const p of participants) this.findings.addParticipant(eventId, p, 'auto');
      const quote = quoteSpans.find((q) => q.start >= ev.span[0] && q.end <= ev.span[1]);
      const key = `${eventId}:${ev.span[0]}:${ev.span[1]}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const span: [number, number] | null = ev.span[1] > ev.span[0] ? ev.span : null;
      this.findings.addEventSource(eventId, sourceId, span, quote?.id ?? null);
      events++;
    }

    this.db
      .prepare(`UPDATE sources SET extracted_at = ? WHERE id = ?`)
      .run(new Date().toISOString(), sourceId);
    this.entities.refreshStats([...touched, ...current]);
    this.findings.deleteOrphans([...touched].filter((id) => !current.has(id)));
    return {
      sourceId,
      entities: [...current].length,
      mentions,
      quotes: quoteSpans.length,
      events,
    };
  }

  /** The live entity an id stands for (following merges), or null if it no longer exists. */
  private liveId(id: string): string | null {
    return this.entities.find(id) === undefined ? null : this.entities.live(id).id;
  }

  /** Resolves a found name to an entity (see the rules in this module's comment). */
  private resolve(kind: EntityKind, named: NamedEntity): EntityRow {
    let entity: EntityRow | undefined;
    if (kind === 'person') {
      const match = matchPerson(this.entities, named);
      if (match !== null && match.adopt && match.entity.name_origin === 'auto')
        this.entities.setName(match.entity.id, named.name, 'auto');
      entity = match === null ? undefined : this.entities.get(match.entity.id);
    } else {
      entity = this.entities.byMatchKey(kind, nameMatchKey(named.name))[0];
    }
    entity ??= this.entities.create(kind, named.name, 'auto');
    for (const alias of [named.name, ...named.aliases]) {
      if (this.splitTarget(kind, alias, entity.id) === undefined)
        this.entities.addAlias(entity.id, alias, 'auto');
    }
    return entity;
  }

  /**
   * Another entity a surface form belongs to because the user split it off (a user alias of a different
   * entity with this match key), or undefined.
   */
  private splitTarget(kind: EntityKind, surface: string, resolved: string): string | undefined {
    const key = nameMatchKey(surface);
    if (key === '') return undefined;
    const owner = this.entities
      .byMatchKey(kind, key)
      .find((row) => row.alias_origin === 'user' && row.id !== resolved);
    return owner?.id;
  }

  /** The person a speaker or participant name names: in this article first, then in the library. */
  private speakerOf(name: string, byName: Map<string, string>): string | null {
    const local = byName.get(normalizeName(name));
    if (local !== undefined) return local;
    if (wordCount(name) === 0 || wordCount(name) > 4) return null;
    const row = this.entities.byMatchKey('person', nameMatchKey(name))[0];
    return row?.id ?? null;
  }

  /** An existing event with the same date, the same participants and a similar name, or a new one. */
  private resolveEvent(
    name: string,
    date: string,
    place: string | null,
    participants: string[],
    published: string | null,
  ): string {
    const range = timexRange(date, published);
    const wanted = [...participants].sort().join(',');
    const words = contentWords(name);
    const candidates = this.db
      .prepare(
        `SELECT id, name FROM entities WHERE kind = 'event' AND merged_into IS NULL AND event_date = ?
           AND event_date_start IS ?`,
      )
      .all(date, range?.start ?? null) as { id: string; name: string }[];
    for (const candidate of candidates) {
      const theirs = this.findings.participantIds(candidate.id).sort().join(',');
      if (theirs === wanted && similarity(words, contentWords(candidate.name)) >= EVENT_NAME_SIMILARITY) {
        return candidate.id;
      }
    }
    return this.entities.create('event', name, 'auto', {
      date,
      start: range?.start ?? null,
      end: range?.end ?? null,
      precision: range?.precision ?? null,
      place,
    }).id;
  }
}
