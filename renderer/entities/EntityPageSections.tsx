/**
 * The lists of an entity page besides its quotes: the sources that mention it, the notes that mention
 * it, the entities named alongside it, the events it took part in, and for an event its facts.
 */
import type { JSX, ReactNode } from 'react';
import type { EntityPage, EntitySourceRow, EventView } from '../../shared/areas/analysis';
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

/** What an event page says first: when, where, who, and where it is reported. */
export function EventFacts({ event }: { event: EventView }): JSX.Element {
  const navigate = useNavigate();
  return (
    <dl className="event-facts-list" data-testid="event-facts">
      <dt>When</dt>
      <dd data-testid="event-date">{formatEventDate(event.date, event.precision)}</dd>
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
          </span>
        ))}
      </dd>
      <dt>Reported in</dt>
      <dd>
        {event.reports.map((report, i) => (
          <span key={`${report.source.id}-${i}`}>
            {i > 0 && ', '}
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
          </span>
        ))}
      </dd>
    </dl>
  );
}
