/** The quotes of one speaker for the entity page, built to stay fast for thousands of quotes. */
import type Database from 'better-sqlite3';
import type { QuoteKind, QuoteView, SourceRef } from '../../../shared/areas/analysis';
import type { EntityId, Origin, QuoteId, ReviewStatus, SourceId } from '../../../shared/model';

/**
 * The live quotes of one speaker, oldest source first. Built for the entity page of a prolific
 * speaker: quote columns as arrays (no per-row objects from the driver), each source read once
 * rather than joined per quote, and sorted here.
 */
export function quotesBySpeaker(db: Database.Database, speaker: { id: EntityId; name: string }): QuoteView[] {
  const sources = new Map<string, { ref: SourceRef; when: string }>();
  const sourceRows = db
    .prepare(
      `SELECT id, title, site_name, url, published_at, clipped_at FROM sources
       WHERE deleted_at IS NULL AND id IN (SELECT source_id FROM quotes WHERE speaker_entity_id = ?)`,
    )
    .raw()
    .all(speaker.id) as [string, string, string | null, string | null, string | null, string][];
  for (const [id, title, siteName, url, publishedAt, clippedAt] of sourceRows) {
    sources.set(id, {
      ref: { id: id as SourceId, title, siteName, url, publishedAt },
      when: publishedAt ?? clippedAt,
    });
  }
  const rows = db
    .prepare(
      `SELECT id, source_id, span_start, span_end, text, kind, speaker_span_start, speaker_span_end, cue,
         confidence, rule, status, origin FROM quotes WHERE speaker_entity_id = ? AND status <> 'rejected'`,
    )
    .raw()
    .all(speaker.id) as [
    QuoteId,
    string,
    number,
    number,
    string,
    QuoteKind,
    number | null,
    number | null,
    string | null,
    number | null,
    string | null,
    ReviewStatus,
    Origin,
  ][];
  const who = { id: speaker.id, name: speaker.name };
  const views: { view: QuoteView; when: string }[] = [];
  for (const r of rows) {
    const source = sources.get(r[1]);
    if (source === undefined) continue; // in the trash
    views.push({
      when: source.when,
      view: {
        id: r[0],
        source: source.ref,
        start: r[2],
        end: r[3],
        text: r[4],
        kind: r[5],
        speaker: who,
        speakerSpan: r[6] === null || r[7] === null ? null : { start: r[6], end: r[7] },
        cue: r[8],
        confidence: r[9] ?? 1,
        rule: r[10],
        status: r[11],
        origin: r[12],
      },
    });
  }
  views.sort(
    (a, b) =>
      (a.when < b.when ? -1 : a.when > b.when ? 1 : 0) ||
      (a.view.source.id < b.view.source.id ? -1 : a.view.source.id > b.view.source.id ? 1 : 0) ||
      a.view.start - b.view.start,
  );
  return views.map((v) => v.view);
}
