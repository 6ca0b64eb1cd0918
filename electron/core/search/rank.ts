/**
 * Merging the per-table results into one list. bm25 values are not comparable across tables (each
 * has its own document count, lengths and column weights), so each table's relevance is normalised:
 * half relative to that table's best hit, half on an absolute saturating scale, so that a table whose
 * best hit is weak does not put it level with another table's strong one. Then: a bonus when the
 * title holds every searched word, and entities by how well their name matched.
 */
import type { SearchHitType } from '../../../shared/areas/search';
import type { EntityRow } from './lookup-repo';
import type { NoteRow, QuoteRow, SourceRow } from './search-repo';

/** A row from one table before merging. `rank` is bm25 (lower is better) or minus an entity's quality. */
export type Candidate =
  | { type: 'source'; rank: number; row: SourceRow }
  | { type: 'note'; rank: number; row: NoteRow }
  | { type: 'quote'; rank: number; row: QuoteRow }
  | { type: 'entity'; rank: number; row: EntityRow };

/** A candidate with its merged score (higher is better). */
export type Scored = Candidate & { score: number };

/** bm25 magnitude at which the absolute half of the score reaches one half. */
const SATURATION = 4;
/** The user's own notes come slightly before a source of equal relevance. */
const TYPE_WEIGHT: Record<SearchHitType, number> = { note: 1.05, source: 1, quote: 1, entity: 1 };
/** An entity whose name is the query beats any text hit; a name starting with it beats most. */
const ENTITY_SCORE: Record<number, number> = { 3: 1.6, 2: 1.25, 1: 0.85 };

/**
 * Scores and sorts candidates, best first. `titleWords` tells whether a title holds every searched
 * word (for the title bonus).
 */
export function rankHits(
  candidates: readonly Candidate[],
  titleHasAll: (title: string) => boolean = () => false,
  /** A speaker filter asks for what someone said: their quotes come before sources and notes. */
  preferQuotes = false,
): Scored[] {
  const best = new Map<SearchHitType, number>();
  for (const c of candidates) {
    if (c.type === 'entity') continue;
    best.set(c.type, Math.max(best.get(c.type) ?? 0, -c.rank));
  }
  const scored = candidates.map((c, index): Scored => {
    if (c.type === 'entity') return { ...c, score: ENTITY_SCORE[c.row.quality] ?? 0.85 };
    const relevance = -c.rank;
    const top = best.get(c.type) ?? 0;
    // Rows without a text rank (a speaker's quotes listed by date) keep their SQL order.
    let score =
      top <= 0
        ? 1 - index / (candidates.length + 1)
        : 0.5 * (relevance / top) + 0.5 * (relevance / (relevance + SATURATION));
    const title = c.type === 'quote' ? '' : c.row.title;
    if (title !== '' && titleHasAll(title)) score += 0.25;
    const weight = preferQuotes && c.type === 'quote' ? 1.5 : TYPE_WEIGHT[c.type];
    return { ...c, score: Math.round(score * weight * 1e4) / 1e4 };
  });
  return scored.sort((a, b) => b.score - a.score);
}
