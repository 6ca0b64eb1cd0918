/**
 * The citation of a source from its row's columns: the leaf that quote, mention and event views all
 * use (kept apart from findings-repo.ts so event-views.ts needs no import back into the repository).
 */
import type { SourceRef } from '../../../shared/areas/analysis';
import type { SourceId } from '../../../shared/model';

/** The citation of a source from its row's columns. */
export function sourceRef(row: {
  source_id: string;
  title: string;
  site_name: string | null;
  url: string | null;
  published_at: string | null;
}): SourceRef {
  return {
    id: row.source_id as SourceId,
    title: row.title,
    siteName: row.site_name,
    url: row.url,
    publishedAt: row.published_at,
  };
}
