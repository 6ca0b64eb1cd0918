/**
 * Deciding what a new event is: the library event it matches (merged when the model's probability
 * reaches the merge threshold), events worth suggesting to the user (between the two thresholds), or
 * nothing. Candidates come from the index lookups of EventsRepo, never from a scan of all events; a
 * source never matches an event it already reports (one article's mentions were merged by extraction).
 */
import { matchProbability, overlapCount, pairFeatures, type EventSignature } from './features';
import type { CandidateKeys, EventsRepo, StoredSignature } from './events-repo';
import type { MatchModel } from './model';

/** Candidates scored per new event at most (those sharing most keys with it). */
const MAX_SCORED = 30;

/** What to do with a new event. */
export interface MatchDecision {
  /** The event to merge it into, or null. */
  merge: string | null;
  /** Events to suggest as possibly the same, with the model's probability. */
  suggest: { id: string; score: number }[];
  /** Other events to merge into `merge` too (matched at least `model.bridge`). */
  bridge: string[];
}

/** Scores the candidates of a new event and decides. */
export function decide(
  repo: EventsRepo,
  signature: EventSignature,
  keys: CandidateKeys,
  sourceId: string,
  model: MatchModel,
  mentions: readonly [number, number][] = [],
  cache?: Map<string, StoredSignature | null>,
): MatchDecision {
  const hits = repo.candidates(keys);
  const ids = [...hits.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_SCORED)
    .map(([id]) => id);
  const scored: { id: string; score: number; shared: number }[] = [];
  const candidates = [...repo.signatures(ids, cache).values()].filter((c) => !c.sources.has(sourceId));
  model.observe?.({ sourceId, mentions, signature, candidates });
  for (const candidate of candidates) {
    scored.push({
      id: candidate.id,
      score: matchProbability(model.weights, pairFeatures(signature, candidate)),
      shared: overlapCount(signature.participants, candidate.participants),
    });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  // Of the candidates the model is confident about, the one sharing most participants: several events
  // of one article (three meetings that day) look alike to the model, their people tell them apart.
  const confident = scored.filter((s) => s.score >= model.merge);
  const best = confident.reduce<(typeof scored)[number] | undefined>(
    (a, b) => (a === undefined || b.shared > a.shared ? b : a),
    undefined,
  );
  if (best !== undefined) {
    const bridge = scored.filter(
      (s) => s !== best && s.score >= (model.bridge ?? 2) && !repo.apart(best.id, s.id),
    );
    return { merge: best.id, suggest: [], bridge: bridge.map((s) => s.id) };
  }
  return {
    merge: null,
    suggest: scored
      .filter((s) => s.score >= model.suggest)
      .slice(0, 3)
      .map(({ id, score }) => ({ id, score })),
    bridge: [],
  };
}
