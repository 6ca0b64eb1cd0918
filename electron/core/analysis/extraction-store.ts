/**
 * Writes one source's extraction into the library, in one transaction (a long article's in slices, see
 * {@link ExtractionStore.storeInSlices}): people, places and organisations
 * resolved to library-wide entities through the alias table, their mentions, quotes with speakers,
 * events (matched across the library, see event-store.ts), and the user's earlier decisions replayed on top.
 *
 * Resolution of a found name to an entity of the same kind: a person needs evidence (the same full name,
 * a known longer alias, a fitting title; see person-resolution.ts), so a bare surname shared by two
 * known people never joins either. A place or organisation is the entity with an alias of the same match
 * key ("Zelensky" finds "Zelenskyy"), else a new one. A person known only by a surname ("Putin" from an
 * article that gave no first name) is renamed to the fuller name when one arrives, unless the user named
 * it.
 */
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import type { ExtractionCounts } from '../../../shared/areas/analysis';
import type { EntityKind, SourceId } from '../../../shared/model';
import type { Extraction, NamedEntity } from '../extract';
import { withSmallCache } from '../db/source-parts';
import { DecisionsRepo, spanKey } from './decisions-repo';
import { EntitiesRepo, type EntityRow } from './entities-repo';
import { FindingsRepo } from './findings-repo';
import { EventStore, type Matching, type StoredQuote } from './event-store';
import { nameMatchKey, normalizeName, wordCount } from './names';
import { matchPerson } from './person-resolution';

/** The people an article names most: up to three, the most mentioned first, none named only once. */
function topPeople(counts: ReadonlyMap<string, number>): string[] {
  return (
    [...counts]
      .filter(([, n]) => n >= 2)
      // Ties in the order they were first named (a stable sort; ids are random).
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => id)
  );
}

/** About how long one slice of {@link ExtractionStore.storeInSlices} holds the notebook, in ms. */
export const SLICE_MS = 8;

/** Runs a store's steps to the end and returns its result. */
function finish<T>(steps: Generator<void, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** The source being stored. */
export interface SourceText {
  id: SourceId;
  text: string;
  /** The date its relative dates were resolved against (YYYY-MM-DD...), or null. */
  published: string | null;
  /** `published` was read from the text now and is to be stored as the source's inferred date. */
  inferred?: boolean;
}

/** Stores extractions. */
export class ExtractionStore {
  private readonly entities: EntitiesRepo;
  private readonly findings: FindingsRepo;
  private readonly decisions: DecisionsRepo;
  private readonly events: EventStore;
  /**
   * splitTarget's answers during one write, by kind, match key and resolved id: an article names the
   * same people over and over, and its write adds no user aliases (only those are looked for).
   */
  private readonly splitTargets = new Map<string, string | undefined>();
  /** Sources being stored in slices (storeInSlices). */
  private readonly slicing = new Set<string>();

  private readonly sliceMs: number;

  /**
   * `matching` gives the event-matching model, or null to store every event as new. `sliceMs` is how
   * long a slice of {@link storeInSlices} runs (tests pass 0: one step per slice).
   */
  constructor(
    private readonly db: Database.Database,
    matching: () => Matching,
    options: { sliceMs?: number } = {},
  ) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.entities = new EntitiesRepo(db);
    this.findings = new FindingsRepo(db);
    this.decisions = new DecisionsRepo(db);
    this.events = new EventStore(db, matching);
  }

  /**
   * Replaces the source's auto findings with `extraction`, replaying the user's decisions, in one
   * transaction: readers see the old findings or the new, and a crash leaves the old.
   */
  store(source: SourceText, extraction: Extraction): ExtractionCounts {
    this.refuseWhileSlicing(source.id);
    this.splitTargets.clear();
    try {
      return this.db
        .transaction(() => {
          const counts = finish(this.write(source, extraction, new Set()));
          // Whatever an interrupted sliced store left is replaced now.
          this.db.prepare(`DELETE FROM extractions_in_progress WHERE source_id = ?`).run(source.id);
          return counts;
        })
        .immediate();
    } finally {
      this.splitTargets.clear();
    }
  }

  /**
   * Stores as {@link store} does, in slices: each slice a transaction of about {@link SLICE_MS} ms, with a
   * turn of the event loop between slices, so other calls are answered while the findings of a long
   * article (thousands of quotes, mentions and events: most of a second in one transaction) are
   * written. What differs from {@link store}:
   * - between slices, readers see the source's findings partly written (its old auto findings are
   *   gone with the first slice; the source's `extracted_at` is set by the last);
   * - `extractions_in_progress` names the source from the first slice to the last: a row left at
   *   start-up means the store was interrupted, and the notebook analyses the source again
   *   (AnalysisService.resumeInterrupted), which replaces what was written;
   * - a slice that fails (the source deleted meanwhile, say) removes what the earlier slices wrote
   *   and rejects with its error.
   * One store per source at a time: {@link store} or another sliced store of a source being stored
   * in slices is refused.
   */
  async storeInSlices(source: SourceText, extraction: Extraction): Promise<ExtractionCounts> {
    this.refuseWhileSlicing(source.id);
    this.slicing.add(source.id);
    const current = new Set<string>();
    const steps = this.write(source, extraction, current);
    let begun = false;
    try {
      for (;;) {
        // A slice's commit need not wait for the disk (most of a slice's time otherwise): the write-
        // ahead log keeps commits in order, so the next commit that does wait (any other call's, or the
        // removal of the mark after the last slice) makes it durable too, and slices lost to a power
        // cut are written again (the mark stays until then).
        this.db.pragma('synchronous = NORMAL');
        const step = withSmallCache(this.db, () =>
          this.db
            .transaction(() => {
              // Other calls between slices may add aliases: the cache holds within a slice only.
              this.splitTargets.clear();
              if (!begun) {
                this.db
                  .prepare(
                    `INSERT OR REPLACE INTO extractions_in_progress (source_id, started_at) VALUES (?, ?)`,
                  )
                  .run(source.id, new Date().toISOString());
              }
              const until = performance.now() + this.sliceMs;
              let next = steps.next();
              while (next.done !== true && performance.now() < until) next = steps.next();
              return next;
            })
            .immediate(),
        );
        this.db.pragma('synchronous = FULL');
        begun = true;
        if (step.done === true) {
          // Committed waiting for the disk, which makes every slice before it durable too.
          this.db.prepare(`DELETE FROM extractions_in_progress WHERE source_id = ?`).run(source.id);
          return step.value;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.db.pragma('synchronous = FULL');
      if (begun) this.undoSlices(source.id, current);
      throw error;
    } finally {
      this.slicing.delete(source.id);
      this.splitTargets.clear();
    }
  }

  /** Removes what the committed slices of an interrupted sliced store wrote (see storeInSlices). */
  private undoSlices(sourceId: SourceId, current: ReadonlySet<string>): void {
    try {
      this.db.transaction(() => {
        const touched = this.findings.deleteAuto(sourceId);
        const ids = [...touched, ...current];
        this.entities.refreshStats(ids);
        this.findings.deleteOrphans(ids);
        this.db.prepare(`DELETE FROM extractions_in_progress WHERE source_id = ?`).run(sourceId);
      })();
    } catch (error) {
      // The row in extractions_in_progress stays: the next start analyses the source again.
      console.error(`Dossier: the partly stored findings of source ${sourceId} could not be removed:`, error);
    }
  }

  private refuseWhileSlicing(sourceId: SourceId): void {
    if (this.slicing.has(sourceId)) {
      throw new ApiError(
        'UNAVAILABLE',
        'This source is still being analysed; its findings are being stored. Try again when that is done.',
      );
    }
  }

  /**
   * Writes the findings, yielding after each mention, quote, event and link: {@link store} runs it
   * through in one transaction, {@link storeInSlices} a slice per transaction. Every entity it stores
   * a finding of is added to `current`.
   */
  private *write(
    source: SourceText,
    extraction: Extraction,
    current: Set<string>,
  ): Generator<void, ExtractionCounts, undefined> {
    const { id: sourceId, text } = source;
    const previous = this.events.previousReports(sourceId);
    const touched = this.findings.deleteAuto(sourceId);
    const user = this.findings.userSpans(sourceId);
    const decided = this.decisions.forSource(sourceId);
    const taken = new Set<string>();
    const byName = new Map<string, string>();
    const names = { person: byName, org: new Map<string, string>(), place: new Map<string, string>() };
    let mentions = 0;
    const personMentions = new Map<string, number>();
    const entityMentions = new Map<string, number>();

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
        const own = names[kind as 'person' | 'org' | 'place'];
        own.set(normalizeName(named.name), entity.id);
        for (const alias of named.aliases) own.set(normalizeName(alias), entity.id);
        for (const [start, end] of spans) {
          taken.add(`${start}:${end}`);
          const surface = text.slice(start, end);
          const entityId = this.splitTarget(kind, surface, entity.id) ?? entity.id;
          current.add(entityId);
          const decision = decided.mentions.get(spanKey(start, end, surface));
          if (kind === 'person') personMentions.set(entityId, (personMentions.get(entityId) ?? 0) + 1);
          entityMentions.set(entityId, (entityMentions.get(entityId) ?? 0) + 1);
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
          yield;
        }
      }
    }

    const quoteSpans: StoredQuote[] = [];
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
        ...(reassigned ? {} : { evidence: q.evidence }),
        // The user named a speaker for marks the extractor took for a title: they are someone's words.
        kind: reassigned && speakerId !== null && q.kind === 'scare' ? 'partial' : q.kind,
        origin: 'auto',
        status: decision?.status ?? (reassigned ? 'confirmed' : 'suggested'),
      });
      quoteSpans.push({ id, start, end, speakerId });
      yield;
    }

    const stored = yield* this.events.store({
      sourceId,
      text,
      published: source.published === null ? null : source.published.slice(0, 10),
      events: extraction.events,
      quotes: quoteSpans,
      names,
      people: topPeople(personMentions),
      entities: entityMentions,
      previous,
    });
    for (const id of stored.ids) current.add(id);
    const events = stored.ids.length;

    this.db
      .prepare(`UPDATE sources SET extracted_at = ? WHERE id = ?`)
      .run(new Date().toISOString(), sourceId);
    if (source.inferred === true && source.published !== null) {
      this.db
        .prepare(
          `UPDATE sources SET published_at = ?, published_origin = 'inferred' WHERE id = ? AND published_at IS NULL`,
        )
        .run(source.published, sourceId);
    }
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
    const memo = `${kind}\u0000${key}\u0000${resolved}`;
    if (this.splitTargets.has(memo)) return this.splitTargets.get(memo);
    const owner = this.entities
      .byMatchKey(kind, key)
      .find((row) => row.alias_origin === 'user' && row.id !== resolved);
    this.splitTargets.set(memo, owner?.id);
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
}
