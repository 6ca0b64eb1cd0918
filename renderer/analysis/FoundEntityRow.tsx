/**
 * One person, place or organisation found in the source: how often it is named here, and confirm /
 * reject (all its mentions in this source), rename, merge into another entity, open its page.
 */
import { useState, type JSX } from 'react';
import type { ReviewStatus } from '../../shared/model';
import { useNavigate } from '../shell/navigation';
import type { FoundEntity } from './analysisView';
import { EntityPicker, type PickedEntity } from './EntityPicker';

/** The name a picked entity goes by (an existing one, or the one to be created). */
function pickedName(picked: PickedEntity): string {
  return picked.type === 'existing' ? picked.entity.name : picked.name;
}

export interface FoundEntityRowProps {
  found: FoundEntity;
  onShow: () => void;
  onReview: (status: ReviewStatus) => void;
  onRename: (name: string) => void;
  onMerge: (picked: PickedEntity) => void;
}

type Mode = 'idle' | 'rename' | 'merge' | { confirmMerge: PickedEntity };

export function FoundEntityRow({
  found,
  onShow,
  onReview,
  onRename,
  onMerge,
}: FoundEntityRowProps): JSX.Element {
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(found.entity.name);
  const { entity } = found;
  const aliases = entity.aliases.length > 0 ? `Also: ${entity.aliases.join(', ')}` : undefined;

  return (
    <li
      className={`found-entity status-${found.status}`}
      data-testid="found-entity"
      data-entity-name={entity.name}
    >
      <div className="found-entity-head">
        <button type="button" className="found-entity-name" title={aliases} onClick={onShow}>
          {entity.name}
        </button>
        <span className="count" title="Mentions in this source">
          {found.liveCount}
        </span>
        {found.status !== 'suggested' && (
          <span className={`review-badge ${found.status}`}>{found.status}</span>
        )}
      </div>
      <div className="found-entity-actions">
        <button
          type="button"
          className="button button-small"
          disabled={found.status === 'confirmed'}
          onClick={() => onReview('confirmed')}
        >
          Confirm
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="entity-reject-here"
          onClick={() => onReview(found.status === 'rejected' ? 'suggested' : 'rejected')}
        >
          {found.status === 'rejected' ? 'Restore' : 'Reject'}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setMode(mode === 'rename' ? 'idle' : 'rename')}
        >
          Rename
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setMode(mode === 'idle' || mode === 'rename' ? 'merge' : 'idle')}
        >
          Merge…
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          data-testid="open-entity-page"
          onClick={() => navigate({ screen: 'entity', entityId: entity.id })}
        >
          Page →
        </button>
      </div>
      {mode === 'rename' && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const next = name.trim();
            if (next && next !== entity.name) onRename(next);
            setMode('idle');
          }}
        >
          <input
            autoFocus
            aria-label={`New name for ${entity.name}`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              event.stopPropagation();
              if (event.key === 'Escape') setMode('idle');
            }}
          />
          <button type="submit" className="button button-small button-primary">
            Save
          </button>
        </form>
      )}
      {mode === 'merge' && (
        <EntityPicker
          kinds={[entity.kind]}
          exclude={[entity.id]}
          label={`Merge ${entity.name} into…`}
          testId="merge-picker"
          // Enter in the picker only chooses: the merge waits for a second, deliberate Enter (or click).
          onPick={(picked) => setMode({ confirmMerge: picked })}
          onCancel={() => setMode('idle')}
        />
      )}
      {typeof mode === 'object' && (
        <div
          className="inline-form merge-confirm"
          role="group"
          aria-label="Confirm the merge"
          data-testid="merge-confirm"
        >
          <p>
            Merge <strong>{entity.name}</strong> into <strong>{pickedName(mode.confirmMerge)}</strong>? Its
            mentions and quotes move there; Undo appears for a few seconds afterwards.
          </p>
          <button
            type="button"
            className="button button-small button-primary"
            autoFocus
            data-testid="merge-confirm-button"
            onClick={() => {
              setMode('idle');
              onMerge(mode.confirmMerge);
            }}
            onKeyDown={(event) => event.key === 'Escape' && setMode('idle')}
          >
            Merge
          </button>
          <button type="button" className="button button-small" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}
