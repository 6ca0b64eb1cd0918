/**
 * The user_decisions table: what the user decided about the analysis, replayed after re-extraction.
 *
 * Review decisions are keyed by what survives a re-run of the extractor: the source, the span and the
 * text of the quote or mention (row ids do not survive, because auto rows are rebuilt). Entity-level
 * decisions (rename, merge, split) change the entities and aliases themselves, which re-extraction never
 * deletes, so they are recorded here for the record and for export; the per-row replay needs only the
 * review decisions.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ReviewStatus } from '../../../shared/model';

/** What the user decided about one quote. `speakerId` present means "the user chose the speaker". */
export interface QuoteDecision {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  status?: ReviewStatus;
  speakerId?: string | null;
}

/** What the user decided about one mention. */
export interface MentionDecision {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  status: ReviewStatus;
}

const QUOTE = 'quote-review';
const MENTION = 'mention-review';

/** The key of a quote or mention decision inside one source. */
export const spanKey = (start: number, end: number, text: string): string => `${start}:${end}:${text}`;

/** Reads and writes the user's decisions. */
export class DecisionsRepo {
  constructor(private readonly db: Database.Database) {}

  /** Appends an entity-level decision (rename, merge, split, add-quote, add-mention). */
  record(kind: string, payload: Record<string, unknown>): void {
    this.db
      .prepare(`INSERT INTO user_decisions (id, kind, payload, created_at) VALUES (?, ?, ?, ?)`)
      .run(randomUUID(), kind, JSON.stringify(payload), new Date().toISOString());
  }

  /** Sets (merging with any earlier decision on the same quote) what the user decided about a quote. */
  reviewQuote(decision: QuoteDecision): void {
    this.upsert(QUOTE, decision);
  }

  /** Sets what the user decided about a mention. */
  reviewMention(decision: MentionDecision): void {
    this.upsert(MENTION, decision);
  }

  /** The quote and mention decisions of one source, by {@link spanKey}. */
  forSource(sourceId: string): {
    quotes: Map<string, QuoteDecision>;
    mentions: Map<string, MentionDecision>;
  } {
    const rows = this.db
      .prepare(
        `SELECT kind, payload FROM user_decisions WHERE json_extract(payload, '$.sourceId') = ? ORDER BY seq`,
      )
      .all(sourceId) as { kind: string; payload: string }[];
    const quotes = new Map<string, QuoteDecision>();
    const mentions = new Map<string, MentionDecision>();
    for (const row of rows) {
      if (row.kind === QUOTE) {
        const d = JSON.parse(row.payload) as QuoteDecision;
        quotes.set(spanKey(d.start, d.end, d.text), d);
      } else if (row.kind === MENTION) {
        const d = JSON.parse(row.payload) as MentionDecision;
        mentions.set(spanKey(d.start, d.end, d.text), d);
      }
    }
    return { quotes, mentions };
  }

  /** Replaces the decision on the same (source, span, text), keeping fields the new one does not set. */
  private upsert(kind: string, decision: QuoteDecision | MentionDecision): void {
    const existing = this.db
      .prepare(
        `SELECT id, payload FROM user_decisions WHERE json_extract(payload, '$.sourceId') = ? AND kind = ?
           AND json_extract(payload, '$.start') = ? AND json_extract(payload, '$.end') = ?
           AND json_extract(payload, '$.text') = ?`,
      )
      .all(decision.sourceId, kind, decision.start, decision.end, decision.text) as {
      id: string;
      payload: string;
    }[];
    let merged: Record<string, unknown> = {};
    for (const row of existing)
      merged = { ...merged, ...(JSON.parse(row.payload) as Record<string, unknown>) };
    merged = { ...merged, ...decision };
    const remove = this.db.prepare(`DELETE FROM user_decisions WHERE id = ?`);
    for (const row of existing) remove.run(row.id);
    this.record(kind, merged);
  }
}
