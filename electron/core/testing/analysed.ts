/** Waiting, in tests, for the background analysis of a clip. */
import type { SourceAnalysis } from '../../../shared/areas/analysis';
import type { SourceId } from '../../../shared/model';

/**
 * The source's analysis once its extraction is stored: polls the API (a long article is analysed in a
 * worker after the clip answers), with no time limit of its own (the test's bounds it).
 */
export async function analysedSource(
  notebook: { getSourceAnalysis(id: SourceId): Promise<SourceAnalysis> },
  id: SourceId,
): Promise<SourceAnalysis> {
  for (;;) {
    const analysis = await notebook.getSourceAnalysis(id);
    if (analysis.extractedAt !== null) return analysis;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
