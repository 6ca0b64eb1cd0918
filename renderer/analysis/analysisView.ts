/**
 * Pure views of a source's analysis for the side panel: what the reader highlights, quotes grouped by
 * speaker, and the people/places/organisations found with their mentions in this source. Kept free of
 * React so the rules (what is muted, how groups are ordered) are tested on their own.
 */
import type { EntitySummary, MentionView, QuoteView, SourceAnalysis } from '../../shared/areas/analysis';
import type { EntityId, EntityKind, ReviewStatus } from '../../shared/model';
import type { Highlight } from '../reader/readerHandle';

/** Highlight ids carry what they point at, so a click in the reader finds its quote or mention. */
export type HighlightTarget = { type: 'quote'; id: string } | { type: 'mention'; id: string };

/** The reader highlight id of a quote or mention. */
export function highlightId(target: HighlightTarget): string {
  return `${target.type === 'quote' ? 'q' : 'm'}:${target.id}`;
}

/** Reads back a highlight id made by {@link highlightId}; null for ids the panel did not make. */
export function parseHighlightId(id: string): HighlightTarget | null {
  if (id.startsWith('q:')) return { type: 'quote', id: id.slice(2) };
  if (id.startsWith('m:')) return { type: 'mention', id: id.slice(2) };
  return null;
}

/** Kinds of entity the reader colours. */
const HIGHLIGHTED_KINDS = new Set<EntityKind>(['person', 'place', 'org']);

/**
 * What the reader shows: quotes and people/places/orgs. Rejected items stay visible but muted so the
 * user can still find (and undo) them, unless `hideRejected`.
 */
export function analysisHighlights(analysis: SourceAnalysis, hideRejected = false): Highlight[] {
  const highlights: Highlight[] = [];
  for (const quote of analysis.quotes) {
    if (hideRejected && quote.status === 'rejected') continue;
    highlights.push({
      id: highlightId({ type: 'quote', id: quote.id }),
      kind: 'quote',
      start: quote.start,
      end: quote.end,
      muted: quote.status === 'rejected',
      title: quote.speaker ? `Quote: ${quote.speaker.name}` : 'Quote: speaker unknown',
    });
  }
  for (const mention of analysis.mentions) {
    if (!HIGHLIGHTED_KINDS.has(mention.entityKind)) continue;
    if (hideRejected && mention.status === 'rejected') continue;
    highlights.push({
      id: highlightId({ type: 'mention', id: mention.id }),
      kind: mention.entityKind as 'person' | 'place' | 'org',
      start: mention.start,
      end: mention.end,
      muted: mention.status === 'rejected',
      title: mention.entityName,
    });
  }
  return highlights;
}

/** Quotes of one speaker (or of nobody known). */
export interface SpeakerGroup {
  speaker: { id: EntityId; name: string } | null;
  quotes: QuoteView[];
}

/**
 * Quotes grouped by speaker: the most quoted speaker first, "speaker unknown" last, quotes in text
 * order inside a group. Rejected quotes count for nothing when ordering but stay in their group.
 */
export function groupQuotesBySpeaker(quotes: readonly QuoteView[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const quote of quotes) {
    const key = quote.speaker?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { speaker: quote.speaker, quotes: [] };
      groups.set(key, group);
    }
    group.quotes.push(quote);
  }
  const live = (group: SpeakerGroup): number => group.quotes.filter((q) => q.status !== 'rejected').length;
  for (const group of groups.values()) group.quotes.sort((a, b) => a.start - b.start);
  return [...groups.values()].sort((a, b) => {
    if (!a.speaker !== !b.speaker) return a.speaker ? -1 : 1;
    return live(b) - live(a) || (a.quotes[0]?.start ?? 0) - (b.quotes[0]?.start ?? 0);
  });
}

/** The quotes in the order the panel lists them (group by group), for j/k. */
export function panelQuoteOrder(groups: readonly SpeakerGroup[]): QuoteView[] {
  return groups.flatMap((group) => group.quotes);
}

/** An entity found in this source, with its mentions here. */
export interface FoundEntity {
  entity: EntitySummary;
  mentions: MentionView[];
  /** Mentions here that are not rejected. */
  liveCount: number;
  /** 'confirmed' when every live mention is, 'rejected' when all are, else 'suggested'. */
  status: ReviewStatus;
}

/** Entities of `kind` found in this source, most mentioned here first. */
export function foundEntities(analysis: SourceAnalysis, kind: EntityKind): FoundEntity[] {
  const byEntity = new Map<string, MentionView[]>();
  for (const mention of analysis.mentions) {
    if (mention.entityKind !== kind) continue;
    const list = byEntity.get(mention.entityId) ?? [];
    list.push(mention);
    byEntity.set(mention.entityId, list);
  }
  const found: FoundEntity[] = [];
  for (const entity of analysis.entities) {
    if (entity.kind !== kind) continue;
    const mentions = byEntity.get(entity.id) ?? [];
    const live = mentions.filter((m) => m.status !== 'rejected');
    let status: ReviewStatus = 'suggested';
    if (mentions.length > 0 && live.length === 0) status = 'rejected';
    else if (live.length > 0 && live.every((m) => m.status === 'confirmed')) status = 'confirmed';
    found.push({ entity, mentions, liveCount: live.length, status });
  }
  return found.sort((a, b) => b.liveCount - a.liveCount || a.entity.name.localeCompare(b.entity.name));
}

/** A short excerpt of a quote for lists. */
export function excerpt(text: string, max = 140): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}
