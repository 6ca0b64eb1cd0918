/**
 * Deciding what a new event is: the library event it matches (merged when the model's probability
 * reaches the merge threshold), events worth suggesting to the user (between the two thresholds), or
 * nothing. Candidates come from the index lookups of EventsRepo, never from a scan of all events; a
 * source never matches an event it already reports (one article's mentions were merged by extraction).
 */
import { articleProbability, type ArticleProfile } from './articles';
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
  // Ties keep the order the index lookups found them in (a stable sort): never the ids' order, which
  // is random, so the same library decides the same way every time.
  const ids = [...hits.entries()]
    .sort((a, b) => b[1] - a[1])
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
  scored.sort((a, b) => b.score - a.score);
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
  // No event it is confidently the same happening as: an article's main event joins the main event of
  // the articles telling the same story. (Asked second: a second report of talks held the day of a
  // ceasefire proposal joins the talks, not the proposal its first article led with.)
  const story = sameStory(signature, candidates, model);
  if (story !== null) {
    const bridge = story.bridge.filter((id) => id !== story.merge && !repo.apart(story.merge, id));
    return { merge: story.merge, suggest: [], bridge };
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

/**
 * For an article's main event: the main event of the articles that report the same happening, when the
 * article model is confident (the mean of its probability over each candidate's most recent articles,
 * as average-link clustering would compare a new article with a cluster). Null when there is none.
 */
function sameStory(
  signature: EventSignature,
  candidates: readonly StoredSignature[],
  model: MatchModel,
): { merge: string; bridge: string[] } | null {
  const article = model.article;
  if (article === undefined || !signature.main || signature.article === undefined) return null;
  let best: { candidate: StoredSignature; score: number } | null = null;
  const stories: StoredSignature[] = [];
  for (const candidate of candidates) {
    const profiles = candidate.profiles ?? [];
    if (!candidate.main || profiles.length === 0) continue;
    const score =
      profiles.reduce(
        (sum, p) => sum + articleProbability(article.weights, signature.article!, p.profile),
        0,
      ) / profiles.length;
    if (score < article.merge) continue;
    if (
      article.storyLead !== undefined &&
      ledByOther(
        signature.article,
        profiles.map((p) => p.profile),
        article.storyLead,
      )
    )
      continue;
    stories.push(candidate);
    if (best === null || score > best.score) best = { candidate, score };
  }
  if (best === null) return null;
  const bridge = storiesToBridge(signature.article, best.candidate, stories, article);
  // The story's articles may tell this very happening beside the one they lead with (talks held the day
  // of a ceasefire proposal): an event of theirs of the same kind with at least two of its participants
  // is the one it joins.
  const story = best.candidate.sources;
  const same = candidates.find(
    (c) =>
      c !== best.candidate &&
      c.kind === signature.kind &&
      [...c.sources].some((s) => story.has(s)) &&
      overlapCount(signature.participants, c.participants) >= 2,
  );
  return { merge: (same ?? best.candidate).id, bridge };
}

/**
 * The other stories the new article also matched that are one story with the one it joins: the mean
 * of the article model's probability over every pair of their articles and the joined story's (the new
 * article included) reaches the bridge threshold.
 */
function storiesToBridge(
  profile: ArticleProfile,
  joined: StoredSignature,
  matched: readonly StoredSignature[],
  article: NonNullable<MatchModel['article']>,
): string[] {
  const bridgeFrom = article.bridge;
  if (bridgeFrom === undefined || bridgeFrom > 1) return [];
  const ours = [profile, ...(joined.profiles ?? []).map((p) => p.profile)];
  const out: string[] = [];
  for (const other of matched) {
    if (other === joined) continue;
    const theirs = (other.profiles ?? []).filter((p) => !joined.sources.has(p.sourceId));
    if (theirs.length === 0) continue;
    let sum = 0;
    for (const a of ours) for (const b of theirs) sum += articleProbability(article.weights, a, b.profile);
    if (sum / (ours.length * theirs.length) >= bridgeFrom) out.push(other.id);
  }
  return out;
}

/**
 * Whether a story's articles lead with someone else than the new article does: at least `need` of
 * them name one person most, and none names the new article's most-named person most.
 */
export function ledByOther(article: ArticleProfile, story: readonly ArticleProfile[], need: number): boolean {
  const mine = article.lead;
  if (mine == null) return false;
  const counts = new Map<string, number>();
  for (const { lead } of story) if (lead != null) counts.set(lead, (counts.get(lead) ?? 0) + 1);
  if (counts.has(mine)) return false;
  return [...counts.values()].some((n) => n >= need);
}
