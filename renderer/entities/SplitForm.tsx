/**
 * Splitting an entity: tick the names that belong to someone else (e.g. "Trump" meaning Melania) and
 * name the new entity; the mentions written that way move to it.
 */
import { useState, type JSX } from 'react';

export interface SplitFormProps {
  aliases: string[];
  onSplit: (aliases: string[], name: string) => void;
  onCancel: () => void;
}

export function SplitForm({ aliases, onSplit, onCancel }: SplitFormProps): JSX.Element {
  const [chosen, setChosen] = useState<string[]>([]);
  const [name, setName] = useState('');
  const newName = name.trim() || chosen[0] || '';
  return (
    <form
      className="entity-inline split-form"
      data-testid="split-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length > 0 && newName) onSplit(chosen, newName);
      }}
    >
      <p className="muted">Which names belong to someone else?</p>
      <ul className="split-aliases">
        {aliases.map((alias) => (
          <li key={alias}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(alias)}
                onChange={(event) =>
                  setChosen(event.target.checked ? [...chosen, alias] : chosen.filter((a) => a !== alias))
                }
              />{' '}
              {alias}
            </label>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          aria-label="Name of the new entity"
          placeholder={chosen[0] ?? 'Name of the new entity'}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={chosen.length === 0 || !newName}>
          Split off
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
