/**
 * A small typeahead over the notebook's entities (listEntities), with "Create …" entries for a name that
 * is not there yet. Used to reassign a speaker, merge an entity into another, mark a mention and filter
 * the timeline. Keyboard: arrows move, Enter picks, Escape cancels.
 */
import { useEffect, useId, useState, type JSX, type KeyboardEvent } from 'react';
import type { EntitySummary } from '../../shared/areas/analysis';
import type { EntityId, EntityKind } from '../../shared/model';
import { api } from '../api';

/** What the user picked: an existing entity, or a new one to create with this kind and name. */
export type PickedEntity =
  { type: 'existing'; entity: EntitySummary } | { type: 'new'; kind: EntityKind; name: string };

export interface EntityPickerProps {
  /** Which kinds to search. */
  kinds: EntityKind[];
  /** Kinds the user may create from the typed name (none: no "Create" entries). */
  createKinds?: EntityKind[];
  /** Entities not to offer (e.g. the one being merged). */
  exclude?: readonly EntityId[];
  label: string;
  /** Text to start with (e.g. the selected words). */
  initialQuery?: string;
  onPick: (picked: PickedEntity) => void;
  onCancel: () => void;
  testId?: string;
}

const KIND_LABEL: Record<EntityKind, string> = {
  person: 'person',
  place: 'place',
  org: 'organisation',
  event: 'event',
  topic: 'topic',
};

export function EntityPicker(props: EntityPickerProps): JSX.Element {
  const { kinds, createKinds = [], exclude = [], label, onPick, onCancel, testId = 'entity-picker' } = props;
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const kindsKey = kinds.join(',');

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .listEntities({
          kinds: kindsKey.split(',') as EntityKind[],
          query: query.trim() || undefined,
          limit: 8,
        })
        .then((found) => live && setResults(found))
        .catch(() => live && setResults([]));
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, kindsKey]);

  const name = query.trim();
  const options: PickedEntity[] = [
    ...results
      .filter((e) => !exclude.includes(e.id))
      .map((entity) => ({ type: 'existing' as const, entity })),
    ...(name && !results.some((e) => e.name.toLowerCase() === name.toLowerCase())
      ? createKinds.map((kind) => ({ type: 'new' as const, kind, name }))
      : []),
  ];
  const current = Math.min(active, Math.max(0, options.length - 1));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // The panel's j/k/c/r keys must not fire while typing here.
    event.stopPropagation();
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(1, options.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[current];
      if (option) onPick(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <div className="entity-picker" data-testid={testId}>
      <input
        className="entity-picker-input"
        autoFocus
        aria-label={label}
        placeholder={label}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="entity-picker-options" id={listId} role="listbox">
        {options.map((option, index) => (
          <li
            key={option.type === 'existing' ? option.entity.id : `new-${option.kind}`}
            role="option"
            aria-selected={index === current}
            className="entity-picker-option"
            data-testid="entity-picker-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(option)}
          >
            {option.type === 'existing' ? (
              <>
                <span>{option.entity.name}</span>
                <span className="muted"> · {KIND_LABEL[option.entity.kind]}</span>
              </>
            ) : (
              <span>
                Create {KIND_LABEL[option.kind]} “{option.name}”
              </span>
            )}
          </li>
        ))}
        {options.length === 0 && <li className="entity-picker-empty muted">No match</li>}
      </ul>
      <button type="button" className="button button-quiet entity-picker-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** The entity a pick stands for, creating it when the user asked for a new one. */
export async function resolvePicked(picked: PickedEntity): Promise<EntitySummary> {
  if (picked.type === 'existing') return picked.entity;
  return api.createEntity({ kind: picked.kind, name: picked.name });
}
