/**
 * The analysis area of the core: runs the extractor on stored sources, keeps what it found together
 * with the user's review of it, and serves entity pages, the timeline and quote lists.
 */
import type {
  AddMentionInput,
  AddQuoteInput,
  AnalysisApi,
  CreateEntityInput,
  EntityPage,
  EntityPageListInput,
  EntitySourceRow,
  EntitySummary,
  ExtractionCounts,
  ListEntitiesOptions,
  ListQuotesOptions,
  MentionView,
  QuoteView,
  ReviewMentionInput,
  ReviewQuoteInput,
  SetPublishedInput,
  SetPublishedResult,
  ReviewQuotesInput,
  SourceAnalysis,
  SplitEventInput,
  TimelineItem,
  TimelineOptions,
} from '../../../shared/areas/analysis';
import { MAX_ANALYSED_CHARS } from '../../../shared/areas/analysis';
import { isCalendarDate } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import type { EntityId, IsoTimestamp, SourceId } from '../../../shared/model';
import { DEFAULT_CORE_LIMITS, type CoreContext, type CoreLimits } from '../context';
import { runIsolated } from '../isolated/runner';
import { extractArticle } from '../extract';
import type { Extraction } from '../extract/types';
import { DecisionsRepo } from './decisions-repo';
import { EntitiesRepo } from './entities-repo';
import { EntityEdits } from './entity-edits';
import { EventEdits } from './event-edits';
import { ExtractionStore, type SourceText } from './extraction-store';
import { FindingsRepo } from './findings-repo';
import { PagesRepo } from './pages-repo';
import { matchModel, type MatchModel } from './event-match/model';
import { SourcePartsRepo, contentIdSql } from '../db/source-parts';

/** Default and largest page of {@link AnalysisService.listEntities}. */
export const DEFAULT_ENTITY_LIMIT = 50;

/** Test and bench seams. */
export interface AnalysisOptions {
  /**
   * The event-matching model; null stores every event as new (the bench's baseline). Default: the
   * shipped model, loaded on first use.
   */
  eventMatching?: () => MatchModel | null;
  /** The extractor (default {@link extractArticle}); training passes one that remembers its results. */
  extractor?: typeof extractArticle;
}

/** The shipped matching model, or null (with one message) when its file is missing or damaged. */
function shippedMatching(): MatchModel | null {
  try {
    return matchModel();
  } catch (error) {
    if (!warned)
      console.error(`Dossier: events are stored without matching them across the library: ${String(error)}`);
    warned = true;
    return null;
  }
}
let warned = false;

/** How long analysing one long article may take in its worker before it is stopped. */
const EXTRACT_TIME_LIMIT_MS = 10 * 60_000;

/** The part of an article's text the extractor reads: all of it, or its first paragraphs up to the cap. */
export function analysedText(text: string): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  // End at a paragraph break when there is one near the cap, so no sentence is cut in two.
  const cut = text.lastIndexOf('\n\n', MAX_ANALYSED_CHARS);
  return text.slice(0, cut > MAX_ANALYSED_CHARS / 2 ? cut : MAX_ANALYSED_CHARS);
}

/** Implements {@link AnalysisApi} on one open notebook. */
export class AnalysisService implements AnalysisApi {
  private readonly entities: EntitiesRepo;
  private readonly findings: FindingsRepo;
  private readonly decisions: DecisionsRepo;
  private readonly store: ExtractionStore;
  private readonly edits: EntityEdits;
  private readonly eventEdits: EventEdits;
  private readonly pages: PagesRepo;
  private readonly parts: SourcePartsRepo;
  private readonly extractor: typeof extractArticle;

  private readonly limits: CoreLimits;

  constructor(
    private readonly ctx: CoreContext,
    options: AnalysisOptions = {},
  ) {
    this.limits = ctx.limits ?? DEFAULT_CORE_LIMITS;
    this.entities = new EntitiesRepo(ctx.db);
    this.findings = new FindingsRepo(ctx.db);
    this.decisions = new DecisionsRepo(ctx.db);
    this.store = new ExtractionStore(ctx.db, options.eventMatching ?? shippedMatching);
    // Looked up on each call, not captured here (tests replace the module's function).
    this.extractor = options.extractor ?? ((text, extractOptions) => extractArticle(text, extractOptions));
    this.edits = new EntityEdits(ctx.db);
    this.eventEdits = new EventEdits(ctx.db);
    this.pages = new PagesRepo(ctx.db);
    this.parts = new SourcePartsRepo(ctx.db);
  }

  /**
   * Extracts people, quotes and events from a newly stored source (see CoreHooks.sourceStored). Never
   * throws: a failure is logged and the source stays stored, without half an extraction (the store
   * is one transaction).
   */
  sourceStored(id: SourceId): void {
    const failed = (error: unknown): void =>
      console.error(`Dossier: extracting people and quotes from source ${id} failed:`, error);
    try {
      const done = this.extract(id);
      if (done instanceof Promise) done.catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /**
   * Analyses again, in the background, each source whose findings were being stored in slices when
   * Dossier stopped (see ExtractionStore.storeInSlices): that replaces the partial findings. Called once
   * the notebook is open; does nothing on a read-only notebook or one closed meanwhile.
   */
  resumeInterrupted(): void {
    if (!this.ctx.db.open || this.ctx.db.readonly) return;
    const ids = this.ctx.db
      .prepare(`SELECT source_id FROM extractions_in_progress ORDER BY started_at`)
      .pluck()
      .all() as SourceId[];
    for (const id of ids) this.sourceStored(id);
  }

  /**
   * Source `id` with its text: all of it, the part the extractor reads (`'analysed'`: enough of the
   * start for {@link analysedText} to cut it as it would cut the whole), or none (`''`), so a lookup
   * does not copy the whole of a 45 MB article out of the database.
   */
  private source(
    id: SourceId,
    read: 'all' | 'analysed' | 'none' = 'all',
  ): SourceText & {
    extractedAt: IsoTimestamp | null;
    url: string | null;
    publishedOrigin: string | null;
    contentHash: string | null;
  } {
    // substr counts characters, JavaScript UTF-16 units: MAX + 2 characters are at least MAX + 2 units
    // (or the whole text), all that analysedText looks at.
    const text =
      read === 'all'
        ? 'plain_text'
        : read === 'none'
          ? "''"
          : `substr(plain_text, 1, ${MAX_ANALYSED_CHARS + 2})`;
    const row = this.ctx.db
      .prepare(
        `SELECT ${text} AS plain_text, published_at, published_origin, extracted_at, content_hash,
           coalesce(url, canonical_url) AS url, ${contentIdSql('sources')} AS content_parts
         FROM sources WHERE id = ?`,
      )
      .get(id) as
      | {
          plain_text: string;
          published_at: string | null;
          published_origin: string | null;
          extracted_at: string | null;
          content_hash: string | null;
          url: string | null;
          content_parts: string | null;
        }
      | undefined;
    if (row === undefined) {
      throw new ApiError(
        'NOT_FOUND',
        `No source has the id ${id}; it may have been deleted. Reload the library.`,
      );
    }
    // A long article's text is in parts (schema 12); the analysed head is its first few parts.
    const contentId = read === 'none' ? null : row.content_parts;
    const body =
      contentId === null
        ? row.plain_text
        : read === 'all'
          ? this.parts.read(contentId, 'plain_text')
          : this.parts.readTextHead(contentId, MAX_ANALYSED_CHARS + 2);
    return {
      id,
      text: body,
      published: row.published_at,
      extractedAt: row.extracted_at,
      url: row.url,
      publishedOrigin: row.published_origin,
      contentHash: row.content_hash,
    };
  }

  /**
   * Extracts from source `id` and stores what was found: here for an article of ordinary length, in a
   * worker of its own (returning a promise) for a long one, so the notebook keeps answering meanwhile.
   * Only the first {@link MAX_ANALYSED_CHARS} characters are read.
   */
  private extract(id: SourceId): ExtractionCounts | Promise<ExtractionCounts> {
    const source = this.source(id, 'analysed');
    const published =
      source.published !== null && isCalendarDate(source.published.slice(0, 10))
        ? source.published.slice(0, 10)
        : null;
    const text = analysedText(source.text);
    // No date stored: one is read from the text or address (a source clipped before dates were
    // inferred), unless the user said the date is unknown; without one, relative dates stay
    // unresolved. Never today's date.
    const options = { published, url: source.url, inferPublished: source.publishedOrigin !== 'user' };
    const failed = (error: unknown): ApiError => {
      const message = error instanceof Error ? error.message : String(error);
      return new ApiError(
        'INTERNAL',
        `The extractor failed on this source (${message}). What was found before is unchanged.`,
        { sourceId: id },
      );
    };
    // Stored against the text that was read (the same as `now`'s, which is checked): every span lies
    // in it, and the event store's word counts and layout need not read the rest of a very long article.
    const storing = (now: typeof source, extraction: Extraction): SourceText => ({
      ...now,
      text,
      published: extraction.published.value,
      inferred: published === null && extraction.published.origin === 'inferred',
    });
    if (text.length <= this.limits.isolateExtractionAboveChars) {
      let extraction;
      try {
        extraction = this.extractor(text, options);
      } catch (error) {
        throw failed(error);
      }
      return this.store.store(storing(source, extraction), extraction);
    }
    return runIsolated('extract', { text, ...options }, { timeoutMs: EXTRACT_TIME_LIMIT_MS }).then(
      (extraction) => {
        // The article may have been replaced or deleted while its text was read elsewhere.
        const now = this.source(id, 'analysed');
        if (now.contentHash !== source.contentHash || now.text !== source.text) {
          throw new ApiError('VERSION_CONFLICT', 'The source changed while it was being analysed.');
        }
        // A long article's findings: thousands of rows, written in slices so the notebook answers
        // other calls meanwhile (see ExtractionStore.storeInSlices).
        return this.store.storeInSlices(storing(now, extraction), extraction);
      },
      (error: unknown) => {
        throw failed(error);
      },
    );
  }

  /** @inheritdoc */
  async getSourceAnalysis(id: SourceId): Promise<SourceAnalysis> {
    const source = this.source(id, 'none');
    const mentions = this.findings.mentionsOf(id);
    const quotes = this.findings.quotesOf(id);
    const counts = new Map<string, number>();
    for (const m of mentions)
      if (m.status !== 'rejected') counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    const entityIds = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
    const eventIds = this.ctx.db
      .prepare(`SELECT DISTINCT event_id FROM event_sources WHERE source_id = ? ORDER BY seq`)
      .all(id)
      .map((r) => (r as { event_id: string }).event_id);
    return {
      sourceId: id,
      extractedAt: source.extractedAt,
      entities: this.entities.summaries(entityIds).filter((e) => e.kind !== 'event'),
      mentions,
      quotes,
      events: this.findings.events(eventIds),
    };
  }

  /** @inheritdoc */
  async reextractSource(id: SourceId): Promise<ExtractionCounts> {
    return this.extract(id);
  }

  /** @inheritdoc */
  async reviewQuote(input: ReviewQuoteInput): Promise<QuoteView> {
    return this.ctx.db
      .transaction(() => {
        const quote = this.quote(input.id);
        const status = input.status ?? (input.speakerId !== undefined ? 'confirmed' : quote.status);
        const touched: string[] = quote.speaker === null ? [] : [quote.speaker.id];
        if (input.speakerId !== undefined) {
          const speaker = input.speakerId === null ? null : this.entities.live(input.speakerId).id;
          if (speaker !== (quote.speaker?.id ?? null)) {
            this.ctx.db
              .prepare(
                // A speaker named by the user makes quotation marks set apart as a title someone's words.
                `UPDATE quotes SET speaker_entity_id = @speaker, speaker_span_start = NULL, speaker_span_end = NULL,
                   rule = CASE WHEN origin = 'user' THEN NULL ELSE 'user' END, confidence = 1, evidence = NULL,
                   kind = CASE WHEN kind = 'scare' AND @speaker IS NOT NULL THEN 'partial' ELSE kind END
                 WHERE id = @id`,
              )
              .run({ speaker, id: quote.id });
          }
          if (speaker !== null) touched.push(speaker);
        }
        this.ctx.db
          .prepare(`UPDATE quotes SET status = ?, updated_at = ? WHERE id = ?`)
          .run(status, new Date().toISOString(), quote.id);
        this.decisions.reviewQuote({
          sourceId: quote.source.id,
          start: quote.start,
          end: quote.end,
          text: quote.text,
          status,
          ...(input.speakerId !== undefined ? { speakerId: this.quote(quote.id).speaker?.id ?? null } : {}),
        });
        this.entities.refreshStats(touched);
        return this.quote(quote.id);
      })
      .immediate();
  }

  /** @inheritdoc */
  async reviewQuotes(input: ReviewQuotesInput): Promise<QuoteView[]> {
    return this.ctx.db
      .transaction(() => {
        const at = new Date().toISOString();
        const update = this.ctx.db.prepare(`UPDATE quotes SET status = ?, updated_at = ? WHERE id = ?`);
        const touched = new Set<string>();
        const quotes = input.reviews.map(({ id, status }) => {
          const quote = this.quote(id);
          if (quote.status !== status) {
            update.run(status, at, quote.id);
            this.decisions.reviewQuote({
              sourceId: quote.source.id,
              start: quote.start,
              end: quote.end,
              text: quote.text,
              status,
            });
            if (quote.speaker !== null) touched.add(quote.speaker.id);
          }
          return quote.id;
        });
        this.entities.refreshStats([...touched]);
        return quotes.map((id) => this.quote(id));
      })
      .immediate();
  }

  private quote(id: string): QuoteView {
    const quote = this.findings.quote(id);
    if (quote === undefined) throw new ApiError('NOT_FOUND', `No quote has the id ${id}. Reload the source.`);
    return quote;
  }

  /** @inheritdoc */
  async reviewMention(input: ReviewMentionInput): Promise<MentionView> {
    return this.ctx.db
      .transaction(() => {
        const mention = this.findings.mention(input.id);
        if (mention === undefined) {
          throw new ApiError('NOT_FOUND', `No mention has the id ${input.id}. Reload the source.`);
        }
        this.ctx.db
          .prepare(`UPDATE mentions SET status = ?, updated_at = ? WHERE id = ?`)
          .run(input.status, new Date().toISOString(), mention.id);
        const sourceId = (
          this.ctx.db.prepare(`SELECT source_id FROM mentions WHERE id = ?`).get(mention.id) as {
            source_id: string | null;
          }
        ).source_id;
        if (sourceId !== null) {
          this.decisions.reviewMention({
            sourceId,
            start: mention.start,
            end: mention.end,
            text: mention.text,
            status: input.status,
          });
        }
        this.entities.refreshStats([mention.entityId]);
        return this.findings.mention(mention.id)!;
      })
      .immediate();
  }

  /** The source's text after checking that [start, end) lies inside it and holds a word. */
  private spanText(method: string, sourceId: SourceId, start: number, end: number): string {
    const { text } = this.source(sourceId);
    if (end > text.length) {
      throw new ApiError(
        'INVALID_ARGUMENT',
        `${method}: the span ${start}-${end} ends after the source's text (${text.length} characters). Select the words again.`,
      );
    }
    const words = text.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(words)) {
      throw new ApiError(
        'INVALID_ARGUMENT',
        `${method}: the selection holds no words. Select the words again.`,
      );
    }
    return words;
  }

  /** @inheritdoc */
  async addQuote(input: AddQuoteInput): Promise<QuoteView> {
    return this.ctx.db
      .transaction(() => {
        const text = this.spanText('addQuote', input.sourceId, input.start, input.end);
        const speaker = input.speakerId === undefined ? null : this.entities.live(input.speakerId).id;
        // A hand-marked quote replaces an extracted one on exactly the same words.
        this.ctx.db
          .prepare(
            `DELETE FROM quotes WHERE source_id = ? AND span_start = ? AND span_end = ? AND origin = 'auto'`,
          )
          .run(input.sourceId, input.start, input.end);
        const id = this.findings.insertQuote({
          sourceId: input.sourceId,
          start: input.start,
          end: input.end,
          text,
          speakerId: speaker,
          speakerSpan: null,
          cue: null,
          confidence: 1,
          rule: null,
          kind: 'direct',
          origin: 'user',
          status: 'confirmed',
        });
        this.decisions.record('add-quote', {
          sourceId: input.sourceId,
          start: input.start,
          end: input.end,
          text,
        });
        if (speaker !== null) this.entities.refreshStats([speaker]);
        return this.quote(id);
      })
      .immediate();
  }

  /** @inheritdoc */
  async addMention(input: AddMentionInput): Promise<MentionView> {
    return this.ctx.db
      .transaction(() => {
        const text = this.spanText('addMention', input.sourceId, input.start, input.end);
        const entity =
          input.entityId !== undefined
            ? this.entities.live(input.entityId)
            : (this.entities.findByName(input.newEntity!.kind, input.newEntity!.name) ??
              this.entities.create(input.newEntity!.kind, input.newEntity!.name, 'user'));
        this.ctx.db
          .prepare(
            `DELETE FROM mentions WHERE source_id = ? AND span_start = ? AND span_end = ? AND entity_id = ? AND origin = 'auto'`,
          )
          .run(input.sourceId, input.start, input.end, entity.id);
        const id = this.findings.insertMention({
          entityId: entity.id,
          sourceId: input.sourceId,
          start: input.start,
          end: input.end,
          text,
          origin: 'user',
          status: 'confirmed',
        });
        this.decisions.record('add-mention', {
          sourceId: input.sourceId,
          start: input.start,
          end: input.end,
          text,
          entityId: entity.id,
        });
        this.entities.refreshStats([entity.id]);
        return this.findings.mention(id)!;
      })
      .immediate();
  }

  /** @inheritdoc */
  async listEntities(options: ListEntitiesOptions = {}): Promise<EntitySummary[]> {
    return this.entities.list(options.kinds ?? [], options.query, options.limit ?? DEFAULT_ENTITY_LIMIT);
  }

  /** @inheritdoc */
  async createEntity(input: CreateEntityInput): Promise<EntitySummary> {
    return this.ctx.db
      .transaction(() => {
        const existing = this.entities.findByName(input.kind, input.name);
        const row = existing ?? this.entities.create(input.kind, input.name, 'user');
        return this.entities.summary(row.id);
      })
      .immediate();
  }

  /** @inheritdoc */
  async renameEntity(input: { id: EntityId; name: string }): Promise<EntitySummary> {
    return this.edits.rename(input.id, input.name);
  }

  /** @inheritdoc */
  async mergeEntities(input: { into: EntityId; from: EntityId[] }): Promise<EntitySummary> {
    return this.edits.merge(input.into, input.from);
  }

  /** @inheritdoc */
  async splitEntity(input: { id: EntityId; aliases: string[]; name: string }): Promise<EntitySummary> {
    return this.edits.split(input.id, input.aliases, input.name);
  }

  /** @inheritdoc */
  async getEntityPage(id: EntityId): Promise<EntityPage> {
    return this.pages.entityPage(id);
  }

  /** @inheritdoc */
  async listEntityQuotes(input: EntityPageListInput): Promise<QuoteView[]> {
    return this.pages.entityQuotes(input);
  }

  /** @inheritdoc */
  async listEntitySources(input: EntityPageListInput): Promise<EntitySourceRow[]> {
    return this.pages.entitySources(input);
  }

  /** @inheritdoc */
  async getTimeline(options: TimelineOptions = {}): Promise<TimelineItem[]> {
    return this.pages.timeline(options);
  }

  /** @inheritdoc */
  async listQuotes(options: ListQuotesOptions = {}): Promise<QuoteView[]> {
    return this.pages.quotes(options);
  }

  /** @inheritdoc */
  async setSourcePublished(input: SetPublishedInput): Promise<SetPublishedResult> {
    this.source(input.id, 'none');
    // The date and the extraction it causes are two steps: a failing extraction leaves the new date
    // (what the user asked for) and what was found before.
    this.ctx.db
      .prepare(`UPDATE sources SET published_at = ?, published_origin = 'user', updated_at = ? WHERE id = ?`)
      .run(input.published, new Date().toISOString(), input.id);
    const counts = await this.extract(input.id);
    const row = this.ctx.db
      .prepare(`SELECT published_at, published_origin FROM sources WHERE id = ?`)
      .get(input.id) as {
      published_at: string | null;
      published_origin: SetPublishedResult['publishedOrigin'];
    };
    return {
      publishedAt: row.published_at,
      publishedOrigin: row.published_at === null ? null : row.published_origin,
      counts,
    };
  }

  /** @inheritdoc */
  async separateEvents(input: { id: EntityId; otherId: EntityId }): Promise<void> {
    this.eventEdits.separate(input.id, input.otherId);
  }

  /** @inheritdoc */
  async splitEvent(input: SplitEventInput): Promise<EntitySummary> {
    return this.eventEdits.split(input.id, input.sourceIds, input.name);
  }
}
