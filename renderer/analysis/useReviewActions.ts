/**
 * The panel's review actions as API calls, each offering its reverse call as an Undo: confirm/reject a
 * quote, confirm every quote above a confidence, reassign a speaker, confirm/reject an entity's mentions in this source, rename and merge.
 * Errors are reported through `onError` with the API's message; nothing is changed locally on failure.
 */
import { useMemo } from 'react';
import type { EntitySummary, QuoteView } from '../../shared/areas/analysis';
import type { ReviewStatus } from '../../shared/model';
import { api } from '../api';
import type { FoundEntity } from './analysisView';
import { resolvePicked, type PickedEntity } from './EntityPicker';
import type { SourceAnalysisState } from './useSourceAnalysis';
import type { UndoOffer } from './useUndoToast';

export interface ReviewActions {
  reviewQuote: (quote: QuoteView, status: ReviewStatus) => Promise<void>;
  /** Confirms the given quotes in one step; Undo puts each one's earlier status back. */
  confirmQuotes: (quotes: readonly QuoteView[], label: string) => Promise<void>;
  reassignSpeaker: (quote: QuoteView, picked: PickedEntity) => Promise<void>;
  reviewEntityHere: (found: FoundEntity, status: ReviewStatus) => Promise<void>;
  rename: (entity: EntitySummary, name: string) => Promise<void>;
  merge: (entity: EntitySummary, picked: PickedEntity) => Promise<void>;
}

const STATUS_DONE: Record<ReviewStatus, string> = {
  confirmed: 'confirmed',
  rejected: 'rejected',
  suggested: 'set back to suggested',
};

export function useReviewActions(
  state: SourceAnalysisState,
  toast: (offer: UndoOffer) => void,
  onError: (message: string) => void,
): ReviewActions {
  const { replaceQuote, replaceMention, reload } = state;
  return useMemo(() => {
    const guard =
      <A extends unknown[]>(run: (...args: A) => Promise<void>) =>
      async (...args: A): Promise<void> => {
        try {
          await run(...args);
        } catch (error) {
          onError((error as Error).message);
        }
      };
    return {
      reviewQuote: guard(async (quote, status) => {
        const updated = await api.reviewQuote({ id: quote.id, status });
        replaceQuote(updated);
        toast({
          message: `Quote ${STATUS_DONE[status]}`,
          undo: async () => replaceQuote(await api.reviewQuote({ id: quote.id, status: quote.status })),
        });
      }),
      confirmQuotes: guard(async (quotes, label) => {
        if (quotes.length === 0) return;
        const updated = await api.reviewQuotes({
          reviews: quotes.map((q) => ({ id: q.id, status: 'confirmed' })),
        });
        for (const quote of updated) replaceQuote(quote);
        toast({
          message: `${quotes.length === 1 ? '1 quote' : `${quotes.length} quotes`} confirmed (${label})`,
          undo: async () => {
            const restored = await api.reviewQuotes({
              reviews: quotes.map((q) => ({ id: q.id, status: q.status })),
            });
            for (const quote of restored) replaceQuote(quote);
          },
        });
      }),
      reassignSpeaker: guard(async (quote, picked) => {
        const speaker = await resolvePicked(picked);
        const updated = await api.reviewQuote({ id: quote.id, speakerId: speaker.id });
        replaceQuote(updated);
        toast({
          message: `Quote attributed to ${speaker.name}`,
          undo: async () =>
            replaceQuote(
              await api.reviewQuote({
                id: quote.id,
                speakerId: quote.speaker?.id ?? null,
                status: quote.status,
              }),
            ),
        });
      }),
      reviewEntityHere: guard(async (found, status) => {
        const changed = found.mentions.filter((m) => m.status !== status);
        for (const mention of changed) replaceMention(await api.reviewMention({ id: mention.id, status }));
        toast({
          message: `${found.entity.name} ${STATUS_DONE[status]} in this source`,
          undo: async () => {
            for (const mention of changed) {
              replaceMention(await api.reviewMention({ id: mention.id, status: mention.status }));
            }
          },
        });
      }),
      rename: guard(async (entity, name) => {
        await api.renameEntity({ id: entity.id, name });
        reload();
        toast({
          message: `Renamed to ${name}`,
          undo: async () => {
            await api.renameEntity({ id: entity.id, name: entity.name });
            reload();
          },
        });
      }),
      merge: guard(async (entity, picked) => {
        const into = await resolvePicked(picked);
        await api.mergeEntities({ into: into.id, from: [entity.id] });
        reload();
        // A merge has no exact reverse: splitting the merged names back out is the closest one.
        toast({
          message: `${entity.name} merged into ${into.name}`,
          undo: async () => {
            await api.splitEntity({
              id: into.id,
              aliases: [entity.name, ...entity.aliases],
              name: entity.name,
            });
            reload();
          },
        });
      }),
    };
  }, [replaceQuote, replaceMention, reload, toast, onError]);
}
