/**
 * The top of an entity page: its name, kind and other names, with rename, merge into another entity,
 * and split some names off into a new entity.
 */
import { useState, type JSX } from 'react';
import type { EntityPage, EntitySummary } from '../../shared/areas/analysis';
import type { EntityKind } from '../../shared/model';
import { EntityPicker, type PickedEntity } from '../analysis/EntityPicker';
import { SplitForm } from './SplitForm';

export const KIND_NAMES: Record<EntityKind, string> = {
  person: 'Person',
  place: 'Place',
  org: 'Organisation',
  event: 'Event',
  topic: 'Topic',
};

export interface EntityHeaderProps {
  entity: EntityPage['entity'];
  /** The page's counts (live sources only), so the header agrees with the sections below it. */
  quoteCount: number;
  sourceCount: number;
  onRename: (name: string) => void;
  onMerge: (picked: PickedEntity) => void;
  /** Names (or, for an event, source ids) split off into a new entity called `name`. */
  onSplit: (keys: string[], name: string) => void;
  /** For an event: the sources reporting it, which Split offers instead of names. */
  sources?: { id: string; title: string }[];
}

type Mode = 'idle' | 'rename' | 'merge' | 'split';

/** "1 quote", "3 quotes". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function EntityHeader({
  entity,
  quoteCount,
  sourceCount,
  onRename,
  onMerge,
  onSplit,
  sources,
}: EntityHeaderProps): JSX.Element {
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(entity.name);
  const toggle = (next: Mode) => () => {
    setName(entity.name);
    setMode(mode === next ? 'idle' : next);
  };
  const summary: EntitySummary = entity;
  const isEvent = entity.kind === 'event';
  const splittable = isEvent ? (sources?.length ?? 0) > 1 : entity.aliases.length > 0;

  return (
    <header className="entity-header">
      <div className="entity-kind">{KIND_NAMES[entity.kind]}</div>
      <h1 data-testid="entity-name">{entity.name}</h1>
      {entity.aliases.length > 0 && (
        <ul className="alias-chips" data-testid="entity-aliases" aria-label="Also called">
          {entity.aliases.map((alias) => (
            <li key={alias} className="alias-chip">
              {alias}
            </li>
          ))}
        </ul>
      )}
      {entity.description && <p className="entity-description">{entity.description}</p>}
      <p className="muted entity-stats" data-testid="entity-stats">
        {entity.kind === 'event'
          ? // An event is reported, not quoted: its quotes are those about it.
            `${plural(quoteCount, 'quote')} about it · ${plural(sourceCount, 'source')}`
          : `${plural(summary.mentionCount, 'mention')} · ${plural(quoteCount, 'quote')} · ${plural(sourceCount, 'source')}`}
      </p>
      <div className="entity-actions">
        <button type="button" className="button" data-testid="entity-rename" onClick={toggle('rename')}>
          Rename
        </button>
        <button type="button" className="button" data-testid="entity-merge" onClick={toggle('merge')}>
          Merge into…
        </button>
        <button
          type="button"
          className="button"
          data-testid="entity-split"
          disabled={!splittable}
          title={
            splittable
              ? undefined
              : isEvent
                ? 'Reported by one source: nothing to split off'
                : 'Only one name: nothing to split off'
          }
          onClick={toggle('split')}
        >
          Split…
        </button>
      </div>
      {mode === 'rename' && (
        <form
          className="inline-form entity-inline"
          onSubmit={(event) => {
            event.preventDefault();
            const next = name.trim();
            if (next && next !== entity.name) onRename(next);
            setMode('idle');
          }}
        >
          <input
            autoFocus
            aria-label="New name"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button-primary">
            Rename
          </button>
          <button type="button" className="button button-quiet" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'merge' && (
        <div className="entity-inline">
          <p className="muted">
            Everything about {entity.name} (names, mentions, quotes, links) moves to the entity you pick.
          </p>
          <EntityPicker
            kinds={[entity.kind]}
            exclude={[entity.id]}
            label={`Merge ${entity.name} into…`}
            testId="merge-picker"
            onPick={(picked) => {
              setMode('idle');
              onMerge(picked);
            }}
            onCancel={() => setMode('idle')}
          />
        </div>
      )}
      {mode === 'split' && (
        <SplitForm
          options={
            isEvent
              ? (sources ?? []).map((s) => ({ key: s.id, label: s.title }))
              : entity.aliases.map((alias) => ({ key: alias, label: alias }))
          }
          question={
            isEvent ? 'Which sources report a different happening?' : 'Which names belong to someone else?'
          }
          {...(isEvent ? { defaultName: entity.name } : {})}
          onSplit={(keys, newName) => {
            setMode('idle');
            onSplit(keys, newName);
          }}
          onCancel={() => setMode('idle')}
        />
      )}
    </header>
  );
}
