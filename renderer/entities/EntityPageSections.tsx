/**
 * The lists of an entity page besides its quotes: the sources that mention it, the notes that mention
 * it, the entities named alongside it, the events it took part in, and for an event its facts.
 */
import type { JSX, ReactNode } from 'react';
import type { EntityPage, EntitySourceRow, EventView, SimilarEvent } from '../../shared/areas/analysis';
import { useNavigate } from '../shell/navigation';
import { formatDay, formatEventDate } from './dates';
import { KIND_NAMES } from './EntityHeader';
import { ShowMore } from './ShowMore';
import type { PagedList } from './usePagedList';

function Section({
  title,
  testId,
  count,
  children,
}: {
  title: string;
  testId: string;
  count: number;
  children: ReactNode;
}): JSX.Element {
  return (
    <section className="entity-section" data-testid={testId}>
      <h2>
        {title} <span className="count">{count}</span>
      </h2>
      {count === 0 ? <p className="muted">None yet.</p> : children}
    </section>
  );
}

/** The sources that mention the entity, newest first, a page at a time. */
export function SourcesSection({ list }: { list: PagedList<EntitySourceRow> }): JSX.Element {
  const navigate = useNavigate();
  return (
    <Section title="Sources" testId="entity-sources" count={list.total}>
      <ul className="plain-list">
        {list.items.map(({ source, mentionCount, firstMention }) => (
          <li key={source.id}>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                navigate({
                  screen: 'reader',
                  sourceId: source.id,
                  ...(firstMention ? { highlight: firstMention } : {}),
                })
              }
            >
              {source.title}
            </button>
            <span className="muted">
              {' '}
              {[source.siteName, formatDay(source.publishedAt), `${mentionCount}×`]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <ShowMore list={list} noun="sources" testId="entity-sources-more" />
    </Section>
  );
}

export function NotesSection({ notes }: { notes: EntityPage['notes'] }): JSX.Element {
  const navigate = useNavigate();
  return (
    <Section title="Notes" testId="entity-notes" count={notes.length}>
      <ul className="plain-list">
        {notes.map((note) => (
          <li key={note.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ screen: 'notes', noteId: note.id })}
            >
              {note.title || 'Untitled'}
            </button>
            <span className="muted"> · edited {formatDay(note.updatedAt)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function CoMentionedSection({ entities }: { entities: EntityPage['coMentioned'] }): JSX.Element {
  const navigate = useNavigate();
  return (
    <Section title="Named alongside" testId="entity-co-mentioned" count={entities.length}>
      <ul className="chip-list">
        {entities.map((entity) => (
          <li key={entity.id}>
            <button
              type="button"
              className={`entity-chip kind-${entity.kind}`}
              title={`${KIND_NAMES[entity.kind]} · in ${entity.sharedSources} of the same sources`}
              onClick={() => navigate({ screen: 'entity', entityId: entity.id })}
            >
              {entity.name} <span className="count">{entity.sharedSources}</span>
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function EventsSection({ events }: { events: EventView[] }): JSX.Element {
  const navigate = useNavigate();
  return (
    <Section title="Events" testId="entity-events" count={events.length}>
      <ul className="plain-list">
        {events.map((event) => (
          <li key={event.id}>
            <span className="event-row-date">{formatEventDate(event.date, event.precision)}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ screen: 'entity', entityId: event.id, kind: 'event' })}
            >
              {event.name}
            </button>
            {event.place && <span className="muted"> · {event.place}</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const ROLE_NAMES: Record<string, string> = { agent: 'acted', patient: 'acted on', other: 'took part' };

const DATE_SOURCES: Record<string, string> = {
  article: 'not dated in the text: the month of the article',
  anchor: 'dated by the happening it followed',
};

/** What an event page says first: when, where, who, and which sources report it. */
export function EventFacts({ event }: { event: EventView }): JSX.Element {
  const navigate = useNavigate();
  // One line per source, at its first report.
  const sources = [...new Map(event.reports.map((r) => [r.source.id, r])).values()];
  const dateNote = event.dateSource ? DATE_SOURCES[event.dateSource] : undefined;
  return (
    <dl className="event-facts-list" data-testid="event-facts">
      <dt>When</dt>
      <dd>
        <span data-testid="event-date">{formatEventDate(event.date, event.precision)}</span>
        {dateNote && <span className="muted"> ({dateNote})</span>}
      </dd>
      <dt>Where</dt>
      <dd>{event.place ?? <span className="muted">not stated</span>}</dd>
      <dt>Who</dt>
      <dd>
        {event.participants.length === 0 && <span className="muted">not stated</span>}
        {event.participants.map((p, i) => (
          <span key={p.id}>
            {i > 0 && ', '}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ screen: 'entity', entityId: p.id })}
            >
              {p.name}
            </button>
            {p.role && p.role !== 'other' && <span className="muted role-note"> ({ROLE_NAMES[p.role]})</span>}
          </span>
        ))}
      </dd>
      <dt>Reported in</dt>
      <dd>
        <span className="muted" data-testid="event-source-count">
          {sources.length} source{sources.length === 1 ? '' : 's'}
        </span>
        <ul className="plain-list event-reports">
          {sources.map((report) => (
            <li key={report.source.id} data-testid="event-report">
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  navigate({
                    screen: 'reader',
                    sourceId: report.source.id,
                    ...(report.span ? { highlight: report.span } : {}),
                  })
                }
              >
                {report.source.title}
              </button>
              <span className="muted">
                {' '}
                {[report.source.siteName, formatDay(report.source.publishedAt)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}

/** Events that may be the same happening: merge one in, or say they are different. */
export function SimilarEventsSection({
  events,
  onMerge,
  onSeparate,
}: {
  events: SimilarEvent[];
  onMerge: (event: SimilarEvent) => void;
  onSeparate: (event: SimilarEvent) => void;
}): JSX.Element | null {
  const navigate = useNavigate();
  if (events.length === 0) return null;
  return (
    <section className="entity-section similar-events" data-testid="similar-events">
      <h2>
        Possibly the same happening <span className="count">{events.length}</span>
      </h2>
      <p className="muted">Dossier was not sure enough to merge these. Merge the ones that are this event.</p>
      <ul className="plain-list">
        {events.map((event) => (
          <li key={event.id} data-testid="similar-event">
            <span className="event-row-date">{formatEventDate(event.date, event.precision)}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ screen: 'entity', entityId: event.id, kind: 'event' })}
            >
              {event.name}
            </button>
            <span className="muted">
              {' '}
              · {event.sourceCount} source{event.sourceCount === 1 ? '' : 's'} ·{' '}
              {Math.round(event.score * 100)}% alike
            </span>{' '}
            <button
              type="button"
              className="button button-small"
              data-testid="similar-merge"
              onClick={() => onMerge(event)}
            >
              Merge into this
            </button>{' '}
            <button
              type="button"
              className="button button-small button-quiet"
              data-testid="similar-separate"
              onClick={() => onSeparate(event)}
            >
              Not the same
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
