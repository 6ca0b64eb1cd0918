/**
 * Read models built across the library: the entity page, the timeline and the quote list. Each is a
 * handful of indexed queries (quotes by speaker, mentions by entity and source, aliases by prefix), and
 * the page's long lists come a page at a time (speaker-quotes.ts), so a person with thousands of quotes
 * still comes back in milliseconds.
 */
import type Database from 'better-sqlite3';
import {
  ENTITY_PAGE_SIZE,
  type EntityPage,
  type EntityPageListInput,
  type EntitySourceRow,
  type ListQuotesOptions,
  type QuoteView,
  type SimilarEvent,
  type TimelineItem,
  type TimelineOptions,
} from '../../../shared/areas/analysis';
import type { EntityId, EntityKind, IsoTimestamp, NoteId } from '../../../shared/model';
import { EntitiesRepo } from './entities-repo';
import { EventsRepo } from './event-match/events-repo';
import { FindingsRepo } from './findings-repo';
import { normalizeName } from './names';
import { EntityLists } from './speaker-quotes';

/** Items of each kind the timeline returns at most when the caller gives no limit. */
export const DEFAULT_TIMELINE_LIMIT = 2_000;
/** Co-mentioned entities shown on a page. */
const CO_MENTIONED = 20;
/**
 * Sources (the most recently stored) over which co-mentions are counted: enough to rank who appears
 * alongside someone, and it keeps the page of a person in thousands of sources fast.
 */
export const CO_MENTION_SOURCES = 500;

/** Builds pages, the timeline and quote lists. */
export class PagesRepo {
  private readonly entities: EntitiesRepo;
  private readonly findings: FindingsRepo;
  private readonly lists: EntityLists;

  constructor(private readonly db: Database.Database) {
    this.entities = new EntitiesRepo(db);
    this.findings = new FindingsRepo(db);
    this.lists = new EntityLists(db, this.findings);
  }

  /**
   * Everything about one entity (a merged-away id shows the entity it was merged into), with the first
   * {@link ENTITY_PAGE_SIZE} quotes and sources and how many there are; {@link entityQuotes} and
   * {@link entitySources} page through the rest.
   */
  entityPage(id: string): EntityPage {
    const row = this.entities.live(id);
    const summary = this.entities.summary(row.id);
    const isEvent = row.kind === 'event';
    return {
      entity: { ...summary, description: row.description },
      quotes: this.lists.quotes(row.id, isEvent, ENTITY_PAGE_SIZE),
      quoteCount: this.lists.quoteCount(row.id, isEvent),
      sources: this.lists.sources(row.id, isEvent, ENTITY_PAGE_SIZE),
      sourceCount: this.lists.sourceCount(row.id, isEvent),
      notes: this.notes(row.id),
      coMentioned: isEvent ? [] : this.coMentioned(row.id),
      events: isEvent ? [] : this.findings.events(this.eventIdsOf(row.id)),
      event: isEvent ? (this.findings.events([row.id])[0] ?? null) : null,
      ...(isEvent ? { similarEvents: this.similarEvents(row.id) } : {}),
    };
  }

  /** Events the matcher suggested as possibly the same happening, most likely first. */
  private similarEvents(id: string): SimilarEvent[] {
    const suggestions = new EventsRepo(this.db).suggestions(id);
    const views = new Map(this.findings.events(suggestions.map((s) => s.id)).map((v) => [v.id as string, v]));
    return suggestions.flatMap((s) => {
      const view = views.get(s.id);
      return view === undefined
        ? []
        : [
            {
              id: view.id,
              name: view.name,
              date: view.date,
              precision: view.precision,
              sourceCount: view.sourceCount ?? 0,
              score: s.score,
            },
          ];
    });
  }

  /** The entity page's quotes after the quote `input.after`, in the page's order. */
  entityQuotes(input: EntityPageListInput): QuoteView[] {
    const row = this.entities.live(input.id);
    return this.lists.quotes(row.id, row.kind === 'event', input.limit ?? ENTITY_PAGE_SIZE, input.after);
  }

  /** The entity page's sources after the source `input.after`, in the page's order. */
  entitySources(input: EntityPageListInput): EntitySourceRow[] {
    const row = this.entities.live(input.id);
    return this.lists.sources(row.id, row.kind === 'event', input.limit ?? ENTITY_PAGE_SIZE, input.after);
  }

  private notes(id: string): EntityPage['notes'] {
    return this.db
      .prepare(
        `SELECT n.id, n.title, n.updated_at FROM notes n WHERE n.deleted_at IS NULL AND n.id IN (
           SELECT from_note_id FROM links WHERE to_entity_id = @id
           UNION SELECT note_id FROM mentions WHERE entity_id = @id AND note_id IS NOT NULL
           UNION SELECT l.from_note_id FROM links l JOIN quotes q ON q.id = l.to_quote_id WHERE q.speaker_entity_id = @id)
         ORDER BY n.updated_at DESC`,
      )
      .all({ id })
      .map((r) => {
        const row = r as { id: NoteId; title: string; updated_at: IsoTimestamp };
        return { id: row.id, title: row.title, updatedAt: row.updated_at };
      });
  }

  private coMentioned(id: string): EntityPage['coMentioned'] {
    return this.db
      .prepare(
        // CROSS JOINs fix the order (this entity's sources, then their mentions, then the entities):
        // left to itself the planner starts from all live entities.
        `WITH src AS (SELECT source_id FROM mentions
                      WHERE entity_id = @id AND source_id IS NOT NULL AND status <> 'rejected'
                      GROUP BY source_id ORDER BY max(seq) DESC LIMIT ${CO_MENTION_SOURCES}),
         shared AS (SELECT m.entity_id, count(DISTINCT m.source_id) AS n
                    FROM src CROSS JOIN mentions m ON m.source_id = src.source_id AND m.source_id IS NOT NULL
                    WHERE m.entity_id <> @id AND m.status <> 'rejected' GROUP BY m.entity_id)
         SELECT e.id, e.name, e.kind, shared.n AS shared
         FROM shared CROSS JOIN entities e ON e.id = shared.entity_id
         WHERE e.merged_into IS NULL
         ORDER BY shared DESC, e.mention_count DESC LIMIT ${CO_MENTIONED}`,
      )
      .all({ id })
      .map((r) => {
        const row = r as { id: EntityId; name: string; kind: EntityKind; shared: number };
        return { id: row.id, name: row.name, kind: row.kind, sharedSources: row.shared };
      });
  }

  private eventIdsOf(id: string): string[] {
    return this.db
      .prepare(
        `SELECT e.id FROM event_participants p JOIN entities e ON e.id = p.event_id
         WHERE p.entity_id = ? AND p.status <> 'rejected' AND e.merged_into IS NULL
         ORDER BY e.event_date_start NULLS LAST, e.seq`,
      )
      .all(id)
      .map((r) => (r as { id: string }).id);
  }

  /** Events and dated quotes between `from` and `to`, in date order. */
  timeline(options: TimelineOptions): TimelineItem[] {
    const limit = options.limit ?? DEFAULT_TIMELINE_LIMIT;
    const params = {
      from: options.from ?? '0000-01-01',
      to: options.to ?? '9999-12-31',
      ids: JSON.stringify(options.entityIds ?? []),
      limit,
    };
    const filtered = options.entityIds !== undefined && options.entityIds.length > 0;
    const eventIds = this.db
      .prepare(
        `SELECT e.id FROM entities e WHERE e.kind = 'event' AND e.merged_into IS NULL
           AND e.event_date_start IS NOT NULL AND e.event_date_end >= @from AND e.event_date_start <= @to
           AND EXISTS (SELECT 1 FROM event_sources es JOIN sources s ON s.id = es.source_id
                       WHERE es.event_id = e.id AND es.status <> 'rejected' AND s.deleted_at IS NULL)
           ${
             filtered
               ? `AND (e.id IN (SELECT value FROM json_each(@ids)) OR EXISTS (SELECT 1 FROM event_participants p
                   WHERE p.event_id = e.id AND p.status <> 'rejected' AND p.entity_id IN (SELECT value FROM json_each(@ids))))`
               : ''
           }
         ORDER BY e.event_date_start, e.seq LIMIT @limit`,
      )
      .all(params)
      .map((r) => (r as { id: string }).id);
    const items: TimelineItem[] = this.findings.events(eventIds).map((ev) => ({
      kind: 'event',
      id: ev.id,
      title: ev.name,
      start: ev.dateStart!,
      end: ev.dateEnd ?? ev.dateStart!,
      precision: ev.precision ?? 'fuzzy',
      entities: ev.participants,
      sources: [...new Map(ev.reports.map((r) => [r.source.id, r.source])).values()],
      quote: null,
    }));
    // Scare quotes ("the “bloodbath”") and one-word quotes say little on their own: off by default.
    const minor =
      options.minorQuotes === true ? '' : `AND q.kind <> 'scare' AND instr(trim(q.text), ' ') > 0`;
    const quotes = this.findings.quotesWhere(
      `WHERE q.status <> 'rejected' AND s.deleted_at IS NULL AND s.published_at IS NOT NULL ${minor}
         AND substr(s.published_at, 1, 10) BETWEEN @from AND @to
         ${filtered ? 'AND q.speaker_entity_id IN (SELECT value FROM json_each(@ids))' : ''}
       ORDER BY s.published_at, q.span_start LIMIT @limit`,
      params,
    );
    for (const quote of quotes) {
      const day = quote.source.publishedAt!.slice(0, 10);
      items.push({
        kind: 'quote',
        id: quote.id,
        title: quote.text,
        start: day,
        end: day,
        precision: 'day',
        entities: quote.speaker === null ? [] : [{ ...quote.speaker, kind: 'person' }],
        sources: [quote.source],
        quote,
      });
    }
    return items.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }

  /** Quotes for the quote panel and `/quote`: by speaker, source and words, newest source first. */
  quotes(options: ListQuotesOptions): QuoteView[] {
    const where: string[] = ['s.deleted_at IS NULL'];
    const params: Record<string, unknown> = { limit: options.limit ?? 50 };
    if (options.includeRejected !== true) where.push(`q.status <> 'rejected'`);
    if (options.speakerId !== undefined) {
      params.speaker = this.entities.live(options.speakerId).id;
      where.push('q.speaker_entity_id = @speaker');
    }
    if (options.sourceId !== undefined) {
      params.source = options.sourceId;
      where.push('q.source_id = @source');
    }
    const words = normalizeName(options.query ?? '')
      .split(' ')
      .filter((w) => w !== '');
    if (words.length > 0) {
      // Each word quoted (no FTS syntax can get through); the last one as a prefix, for search-as-you-type.
      params.match = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
      where.push('q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @match)');
    }
    return this.findings.quotesWhere(
      `WHERE ${where.join(' AND ')} ORDER BY s.published_at DESC NULLS LAST, q.source_id, q.span_start LIMIT @limit`,
      params,
    );
  }
}
