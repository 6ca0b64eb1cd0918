/**
 * An entity's page. For a person (or place, organisation, topic): names with rename/merge/split, every
 * quote by them in date order with its source, the sources and notes that mention them, who is named
 * alongside, and their events. For an event: its date, place, participants, sources, quotes and notes.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { EntityPage, EntitySourceRow, QuoteView, SimilarEvent } from '../../shared/areas/analysis';
import type { EntityId, SourceId } from '../../shared/model';
import { api } from '../api';
import { resolvePicked, type PickedEntity } from '../analysis/EntityPicker';
import { UndoToast } from '../analysis/UndoToast';
import { useUndoToast } from '../analysis/useUndoToast';
import { useNavigate, type Route } from '../shell/navigation';
import { EntityHeader } from './EntityHeader';
import {
  CoMentionedSection,
  EventFacts,
  EventsSection,
  NotesSection,
  SimilarEventsSection,
  SourcesSection,
} from './EntityPageSections';
import { QuotesByEvent } from './QuotesByEvent';
import { QuoteCard } from './QuoteCard';
import { ShowMore } from './ShowMore';
import { useAsync } from './useAsync';
import { usePagedList } from './usePagedList';
import '../analysis/analysis.css';
import './entities.css';

export interface EntityScreenProps {
  route: Route;
}

const EMPTY: never[] = [];
const quoteIdOf = (quote: QuoteView): string => quote.id;
const sourceIdOf = (row: EntitySourceRow): string => row.source.id;

export function EntityScreen({ route }: EntityScreenProps): JSX.Element {
  const entityId = route.screen === 'entity' ? route.entityId : null;
  const navigate = useNavigate();
  const [page, reload] = useAsync(
    () => (entityId ? api.getEntityPage(entityId) : Promise.reject(new Error('No entity chosen.'))),
    [entityId],
  );
  const [error, setError] = useState<string | null>(null);
  const [byEvent, setByEvent] = useState(false);
  const undo = useUndoToast(reload);
  const { show } = undo;
  // A person may have thousands of quotes and sources: the page brings the first of each, "Show more"
  // the rest, a page at a time.
  const loaded = page.state === 'ready' ? page.value : null;
  const pageId = loaded?.entity.id;
  const pageKind = loaded?.entity.kind;
  const routeKind = route.screen === 'entity' ? route.kind : undefined;
  // A link that did not know the kind: now it is known, so the sidebar shows Events for an event.
  useEffect(() => {
    if (pageId !== undefined && pageId === entityId && pageKind !== undefined && pageKind !== routeKind) {
      navigate({ screen: 'entity', entityId: pageId, kind: pageKind });
    }
  }, [pageId, pageKind, entityId, routeKind, navigate]);
  const quoteList = usePagedList(
    loaded?.quotes ?? EMPTY,
    loaded?.quoteCount ?? 0,
    quoteIdOf,
    useCallback((after: string) => api.listEntityQuotes({ id: pageId as EntityId, after }), [pageId]),
  );
  const sourceList = usePagedList(
    loaded?.sources ?? EMPTY,
    loaded?.sourceCount ?? 0,
    sourceIdOf,
    useCallback((after: string) => api.listEntitySources({ id: pageId as EntityId, after }), [pageId]),
  );

  const attempt = useCallback(async (run: () => Promise<void>) => {
    setError(null);
    try {
      await run();
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);

  if (page.state === 'loading') return <main className="entities-screen muted">Loading…</main>;
  if (page.state === 'failed') {
    return (
      <main className="entities-screen" data-testid="entity-screen">
        <div className="banner banner-error" role="alert">
          <p>{page.message}</p>
          <button type="button" className="button" onClick={() => navigate({ screen: 'people' })}>
            Back to People
          </button>
        </div>
      </main>
    );
  }

  const data: EntityPage = page.value;
  const { entity } = data;
  const isEvent = entity.kind === 'event';
  const quotes = quoteList.items.filter((q) => q.status !== 'rejected');

  const rejectQuote = (quote: QuoteView): Promise<void> =>
    attempt(async () => {
      await api.reviewQuote({ id: quote.id, status: 'rejected' });
      reload();
      show({
        message: 'Quote rejected',
        undo: () => api.reviewQuote({ id: quote.id, status: quote.status }),
      });
    });

  const rename = (name: string): Promise<void> =>
    attempt(async () => {
      await api.renameEntity({ id: entity.id, name });
      reload();
      show({
        message: `Renamed to ${name}`,
        undo: () => api.renameEntity({ id: entity.id, name: entity.name }),
      });
    });

  const merge = (picked: PickedEntity): Promise<void> =>
    attempt(async () => {
      const into = await resolvePicked(picked);
      await api.mergeEntities({ into: into.id, from: [entity.id] });
      navigate({ screen: 'entity', entityId: into.id });
      // No exact reverse of a merge: splitting the merged names back out is the closest one.
      show({
        message: `${entity.name} merged into ${into.name}`,
        undo: async () => {
          const back = await api.splitEntity({
            id: into.id,
            aliases: [entity.name, ...entity.aliases],
            name: entity.name,
          });
          navigate({ screen: 'entity', entityId: back.id });
        },
      });
    });

  const split = (keys: string[], name: string): Promise<void> =>
    attempt(async () => {
      if (isEvent) {
        const created = await api.splitEvent({ id: entity.id, sourceIds: keys as SourceId[], name });
        reload();
        show({
          message: `${keys.length} source${keys.length === 1 ? '' : 's'} split off as ${created.name}`,
          undo: () => api.mergeEntities({ into: entity.id, from: [created.id] }),
        });
        return;
      }
      const aliases = keys;
      const created = await api.splitEntity({ id: entity.id, aliases, name });
      reload();
      show({
        message: `${aliases.join(', ')} split off as ${created.name}`,
        undo: () => api.mergeEntities({ into: entity.id, from: [created.id as EntityId] }),
      });
    });

  return (
    <main className="entities-screen entity-page" data-testid="entity-screen" data-entity-kind={entity.kind}>
      <EntityHeader
        key={entity.id + entity.name}
        entity={entity}
        quoteCount={data.quoteCount}
        sourceCount={data.sourceCount}
        onRename={rename}
        onMerge={merge}
        onSplit={split}
        {...(isEvent && data.event
          ? {
              sources: [...new Map(data.event.reports.map((r) => [r.source.id, r.source])).values()].map(
                (s) => ({
                  id: s.id,
                  title: s.title,
                }),
              ),
            }
          : {})}
      />
      {error && (
        <div className="banner banner-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {isEvent && data.event && <EventFacts event={data.event} />}
      {isEvent && (
        <SimilarEventsSection
          events={data.similarEvents ?? []}
          onMerge={(other: SimilarEvent) =>
            void attempt(async () => {
              // Its sources, to split them back off if the user takes the merge back.
              const before = await api.getEntityPage(other.id);
              const sourceIds = [...new Set((before.event?.reports ?? []).map((r) => r.source.id))];
              await api.mergeEntities({ into: entity.id, from: [other.id] });
              reload();
              show({
                message: `${other.name} merged into this event`,
                ...(sourceIds.length > 0
                  ? { undo: () => api.splitEvent({ id: entity.id, sourceIds, name: other.name }) }
                  : {}),
              });
            })
          }
          onSeparate={(other: SimilarEvent) =>
            void attempt(async () => {
              await api.separateEvents({ id: entity.id, otherId: other.id });
              reload();
            })
          }
        />
      )}
      <section className="entity-section" data-testid="entity-quotes">
        <h2>
          {isEvent ? 'Quotes about it' : 'Quotes'}{' '}
          <span className="count" data-testid="entity-quote-count">
            {data.quoteCount}
          </span>
        </h2>
        {!isEvent && quotes.some((q) => q.event) && (
          <label className="group-toggle">
            <input
              type="checkbox"
              data-testid="group-quotes-by-event"
              checked={byEvent}
              onChange={(event) => setByEvent(event.target.checked)}
            />{' '}
            Group by event
          </label>
        )}
        {quotes.length === 0 ? (
          <p className="muted">No quotes{isEvent ? '' : ` by ${entity.name}`} yet.</p>
        ) : byEvent && !isEvent ? (
          <QuotesByEvent
            quotes={quotes}
            speakerId={entity.id}
            onReject={(quote) => void rejectQuote(quote)}
          />
        ) : (
          <ul className="quote-cards">
            {quotes.map((quote) => (
              <QuoteCard
                key={quote.id}
                quote={quote}
                hideSpeaker={!isEvent && quote.speaker?.id === entity.id}
                onReject={() => void rejectQuote(quote)}
              />
            ))}
          </ul>
        )}
        <ShowMore list={quoteList} noun="quotes" testId="entity-quotes-more" />
      </section>
      <div className="entity-columns">
        <SourcesSection list={sourceList} />
        <NotesSection notes={data.notes} />
        {!isEvent && <EventsSection events={data.events} />}
        <CoMentionedSection entities={data.coMentioned} />
      </div>
      <UndoToast state={undo} floating />
    </main>
  );
}
