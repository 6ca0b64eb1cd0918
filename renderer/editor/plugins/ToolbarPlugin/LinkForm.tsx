/**
 * An inline form for a link's address. Electron has no window.prompt, and a form also lets us say why an
 * address was refused instead of silently ignoring it.
 */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { isSafeLinkUrl, normalizeLinkInput } from '../../url';

export interface LinkFormProps {
  /** The current link's address, when editing an existing link. */
  initialUrl: string | null;
  onApply(url: string): void;
  onRemove(): void;
  onCancel(): void;
}

export function LinkForm({ initialUrl, onApply, onRemove, onCancel }: LinkFormProps): JSX.Element {
  const [text, setText] = useState(initialUrl ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const url = normalizeLinkInput(text);
    if (!isSafeLinkUrl(url)) {
      setProblem(
        'Links must start with http://, https:// or mailto:, or be a link to a screen of Dossier (#/…).',
      );
      return;
    }
    onApply(url);
  };

  return (
    <form className="link-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <input
        type="text"
        inputMode="url"
        aria-label="Link address"
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        placeholder="https://…"
        value={text}
        autoFocus
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className="button">
        {initialUrl ? 'Update link' : 'Add link'}
      </button>
      {initialUrl && (
        <button type="button" className="button" onClick={onRemove}>
          Remove link
        </button>
      )}
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
      {problem && (
        <span id={problemId} role="alert" className="link-form-problem">
          {problem}
        </span>
      )}
    </form>
  );
}
