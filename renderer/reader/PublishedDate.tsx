/**
 * The reader's publication date: shown with how it is known (from the page, inferred from the text, set
 * by you), or a note that there is none and relative dates ("on Thursday") stay unresolved; "Change"
 * or "Set the date" edits it in place. Saving re-extracts the article against the new date (the
 * review decisions stay) and reports how many events it now has.
 */
import { useState, type JSX } from 'react';
import type { PublishedOrigin } from '../../shared/areas/library';
import type { SourceId } from '../../shared/model';
import { api } from '../api';
import { formatDay } from '../entities/dates';

export interface PublishedDateProps {
  sourceId: SourceId;
  publishedAt: string | null;
  origin: PublishedOrigin | null;
  /** Called after the date was saved and the article re-read. */
  onChanged: () => void;
}

const ORIGIN_LABEL: Record<PublishedOrigin, string> = {
  page: 'from the page',
  inferred: 'inferred from the text',
  user: 'set by you',
};

export function PublishedDate({ sourceId, publishedAt, origin, onChanged }: PublishedDateProps): JSX.Element {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(publishedAt?.slice(0, 10) ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = (published: string | null): void => {
    setBusy(true);
    setError(null);
    api.setSourcePublished({ id: sourceId, published }).then(
      (result) => {
        setBusy(false);
        setEditing(false);
        const events = result.counts.events;
        setMessage(
          published === null
            ? 'Date removed: relative dates are no longer resolved.'
            : `Dates re-read against ${formatDay(published)}: ${events} event${events === 1 ? '' : 's'}.`,
        );
        onChanged();
      },
      (failure: Error) => {
        setBusy(false);
        setError(failure.message);
      },
    );
  };

  if (editing) {
    return (
      <form
        className="published-edit"
        data-testid="published-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (value !== '' && !busy) save(value);
        }}
        onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
      >
        <label>
          Published
          <input
            type="date"
            autoFocus
            data-testid="published-input"
            value={value}
            max="9999-12-31"
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          disabled={value === '' || busy}
          data-testid="published-save"
        >
          {busy ? 'Re-reading…' : 'Save and re-read dates'}
        </button>
        {publishedAt !== null && (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => save(null)}>
            No date
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          disabled={busy}
          onClick={() => setEditing(false)}
        >
          Cancel
        </button>
        {error && (
          <span className="settings-error" role="alert">
            {error}
          </span>
        )}
      </form>
    );
  }
  return (
    <p className="reader-meta published-date" data-testid="published-date">
      {publishedAt !== null ? (
        <span>
          Published <strong data-testid="published-value">{formatDay(publishedAt)}</strong>
          {origin !== null && (
            <span className={`published-origin published-${origin}`} data-testid="published-origin">
              {' '}
              ({ORIGIN_LABEL[origin]})
            </span>
          )}
        </span>
      ) : (
        <span className="published-missing" data-testid="published-missing">
          No publication date: relative dates such as “on Thursday” are left unresolved.
        </span>
      )}
      <button
        type="button"
        className="button button-quiet"
        data-testid="published-change"
        onClick={() => {
          setValue(publishedAt?.slice(0, 10) ?? '');
          setMessage(null);
          setEditing(true);
        }}
      >
        {publishedAt === null ? 'Set the date' : 'Change'}
      </button>
      {message && (
        <span className="muted" role="status" data-testid="published-status">
          {message}
        </span>
      )}
    </p>
  );
}
