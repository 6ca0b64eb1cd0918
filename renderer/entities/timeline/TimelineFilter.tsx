/** The timeline's filter: chosen people/organisations/topics as removable chips, and a picker to add one. */
import { useState, type JSX } from 'react';
import type { EntityKind } from '../../../shared/model';
import type { EntityId } from '../../../shared/model';
import { EntityPicker } from '../../analysis/EntityPicker';

/** A chosen filter entity. */
export interface FilterEntity {
  id: EntityId;
  name: string;
  kind: EntityKind;
}

export interface TimelineFilterProps {
  chosen: FilterEntity[];
  onChange: (chosen: FilterEntity[]) => void;
}

export function TimelineFilter({ chosen, onChange }: TimelineFilterProps): JSX.Element {
  const [picking, setPicking] = useState(false);
  return (
    <div className="timeline-filter" data-testid="timeline-filter">
      <span className="muted">Showing:</span>
      {chosen.length === 0 && <span>everyone and every topic</span>}
      {chosen.map((entity) => (
        <span
          key={entity.id}
          className={`entity-chip kind-${entity.kind}`}
          data-testid="timeline-filter-chip"
        >
          {entity.name}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove ${entity.name} from the filter`}
            onClick={() => onChange(chosen.filter((e) => e.id !== entity.id))}
          >
            ×
          </button>
        </span>
      ))}
      {picking ? (
        <EntityPicker
          kinds={['person', 'org', 'place', 'topic', 'event']}
          exclude={chosen.map((e) => e.id)}
          label="Filter by person or topic"
          testId="timeline-filter-picker"
          onPick={(picked) => {
            setPicking(false);
            if (picked.type === 'existing') {
              const { id, name, kind } = picked.entity;
              onChange([...chosen, { id, name, kind }]);
            }
          }}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <button
          type="button"
          className="button button-small"
          data-testid="timeline-filter-add"
          onClick={() => setPicking(true)}
        >
          + Person or topic
        </button>
      )}
    </div>
  );
}
