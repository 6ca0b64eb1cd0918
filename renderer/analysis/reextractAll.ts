/**
 * Runs the extractor again on every live source, one at a time, reporting n of N and stopping between
 * sources when cancelled. One at a time keeps the core's worker free for the user's other calls, and a
 * failure on one source is counted and skipped instead of stopping the run.
 */
import type { ExtractionCounts } from '../../shared/areas/analysis';
import type { ListSourcesOptions, SourceList } from '../../shared/areas/library';
import type { SourceId } from '../../shared/model';

/** The two API calls a run needs (the real `api` satisfies it). */
export interface ReextractApi {
  listSources(options?: ListSourcesOptions): Promise<SourceList>;
  reextractSource(id: SourceId): Promise<ExtractionCounts>;
}

/** Where a run is. */
export interface ReextractProgress {
  done: number;
  total: number;
  failed: { id: SourceId; title: string; message: string }[];
  /** The source being worked on, or null between sources and at the end. */
  current: string | null;
}

/** How a run ended. */
export interface ReextractOutcome extends ReextractProgress {
  cancelled: boolean;
}

const PAGE = 500;

/** Every live source's id and title, page by page. */
async function allSources(api: ReextractApi): Promise<{ id: SourceId; title: string }[]> {
  const sources: { id: SourceId; title: string }[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.listSources({ sort: 'clipped', limit: PAGE, offset });
    for (const source of page.sources) sources.push({ id: source.id, title: source.title });
    if (page.sources.length < PAGE || sources.length >= page.total) return sources;
  }
}

/** Re-extracts every source; resolves when done or cancelled (checked before each source). */
export async function reextractAll(
  api: ReextractApi,
  onProgress: (progress: ReextractProgress) => void,
  signal?: AbortSignal,
): Promise<ReextractOutcome> {
  const sources = await allSources(api);
  const progress: ReextractProgress = { done: 0, total: sources.length, failed: [], current: null };
  const report = (): void => {
    progress.current = sources[progress.done]?.title ?? null;
    onProgress({ ...progress, failed: [...progress.failed] });
  };
  report();
  for (const source of sources) {
    if (signal?.aborted) return { ...progress, current: null, cancelled: true };
    try {
      await api.reextractSource(source.id);
    } catch (error) {
      progress.failed.push({ id: source.id, title: source.title, message: (error as Error).message });
    }
    progress.done += 1;
    report();
  }
  return { ...progress, cancelled: false };
}
