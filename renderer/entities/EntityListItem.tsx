/** One entity in the People screen's list: name, other names, and how often it appears. */
import type { JSX } from 'react';
import type { EntitySummary } from '../../shared/areas/analysis';
import { useNavigate } from '../shell/navigation';
import { plural } from './EntityHeader';

export function EntityListItem({ entity }: { entity: EntitySummary }): JSX.Element {
  const navigate = useNavigate();
  const counts = [
    plural(entity.mentionCount, 'mention'),
    entity.quoteCount > 0 ? plural(entity.quoteCount, 'quote') : null,
    plural(entity.sourceCount, 'source'),
  ].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        className="entity-row"
        data-testid="entity-row"
        data-entity-name={entity.name}
        onClick={() => navigate({ screen: 'entity', entityId: entity.id, kind: entity.kind })}
      >
        <span className="entity-row-name">{entity.name}</span>
        {entity.aliases.length > 0 && (
          <span className="entity-row-aliases muted">{entity.aliases.join(' · ')}</span>
        )}
        <span className="entity-row-counts muted">{counts.join(' · ')}</span>
      </button>
    </li>
  );
}
