/**
 * Splitting an entity: tick what belongs to something else and name the new entity. For a person, the
 * names that mean someone else (e.g. "Trump" meaning Melania: the mentions written that way move); for
 * an event, the sources that report a different happening (their reports and quotes move).
 */
import { useState, type JSX } from 'react';

/** One thing that can be split off: its key and how the form shows it. */
export interface SplitOption {
  key: string;
  label: string;
}

export interface SplitFormProps {
  options: SplitOption[];
  /** What the form asks ("Which names belong to someone else?"). */
  question: string;
  /** The new entity's name when the user types none (default: the first ticked label). */
  defaultName?: string;
  onSplit: (keys: string[], name: string) => void;
  onCancel: () => void;
}

export function SplitForm({
  options,
  question,
  defaultName,
  onSplit,
  onCancel,
}: SplitFormProps): JSX.Element {
  const [chosen, setChosen] = useState<string[]>([]);
  const [name, setName] = useState('');
  const firstLabel = options.find((o) => o.key === chosen[0])?.label;
  const fallback = defaultName ?? firstLabel ?? '';
  const newName = name.trim() || (chosen.length > 0 ? fallback : '');
  return (
    <form
      className="entity-inline split-form"
      data-testid="split-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length > 0 && newName) onSplit(chosen, newName);
      }}
    >
      <p className="muted">{question}</p>
      <ul className="split-aliases">
        {options.map((option) => (
          <li key={option.key}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(option.key)}
                onChange={(event) =>
                  setChosen(
                    event.target.checked ? [...chosen, option.key] : chosen.filter((k) => k !== option.key),
                  )
                }
              />{' '}
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          aria-label="Name of the new entity"
          placeholder={fallback || 'Name of the new entity'}
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
