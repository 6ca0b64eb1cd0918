/** People, places and organisations found in the source, one list per kind. */
import type { JSX } from 'react';
import type { EntitySummary, SourceAnalysis } from '../../shared/areas/analysis';
import type { EntityKind } from '../../shared/model';
import { foundEntities, type FoundEntity } from './analysisView';
import { FoundEntityRow } from './FoundEntityRow';
import type { ReviewActions } from './useReviewActions';

const KINDS: { kind: EntityKind; label: string }[] = [
  { kind: 'person', label: 'People' },
  { kind: 'place', label: 'Places' },
  { kind: 'org', label: 'Organisations' },
];

export interface FoundEntitiesProps {
  analysis: SourceAnalysis;
  actions: ReviewActions;
  onShow: (found: FoundEntity) => void;
}

export function FoundEntities({ analysis, actions, onShow }: FoundEntitiesProps): JSX.Element {
  return (
    <>
      {KINDS.map(({ kind, label }) => {
        const found = foundEntities(analysis, kind);
        if (found.length === 0) return null;
        return (
          <section key={kind} className="panel-section" data-testid={`found-${kind}`}>
            <h3>
              {label} <span className="count">{found.length}</span>
            </h3>
            <ul className="found-list">
              {found.map((item) => (
                <FoundEntityRow
                  key={item.entity.id}
                  found={item}
                  onShow={() => onShow(item)}
                  onReview={(status) => void actions.reviewEntityHere(item, status)}
                  onRename={(name) => void actions.rename(item.entity as EntitySummary, name)}
                  onMerge={(picked) => void actions.merge(item.entity, picked)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
