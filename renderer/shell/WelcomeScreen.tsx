/**
 * The first screen of an empty notebook. Clipping is the real first step (notes quote what was
 * clipped), so it leads there: import saved pages, paste an article, clip a URL, or set up the
 * bookmarklet; writing a note first stays one click away.
 */
import { useState, type JSX } from 'react';
import type { NoteId } from '../../shared/model';
import { api } from '../api';
import { SHORTCUT_LABELS } from '../shortcuts';
import { useNavigate } from './navigation';

export function WelcomeScreen(): JSX.Element {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <main className="welcome" data-testid="welcome">
      <h1>Welcome to Dossier</h1>
      <p className="welcome-lead">
        Start by clipping an article. Dossier keeps it on this computer, finds who is quoted and who is
        mentioned, and the events and dates it talks about; your notes can then quote it, always with its
        source.
      </p>
      <div className="welcome-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="welcome-import"
          onClick={() => navigate({ screen: 'library', start: 'import' })}
        >
          Import saved pages…
        </button>
        <button
          type="button"
          className="button"
          data-testid="welcome-paste"
          onClick={() => navigate({ screen: 'library', start: 'paste' })}
        >
          Paste an article
        </button>
        <button
          type="button"
          className="button"
          data-testid="welcome-url"
          onClick={() => navigate({ screen: 'library', start: 'url' })}
        >
          Clip a URL
        </button>
      </div>
      <p className="muted">
        Saved pages are <code>.html</code> or <code>.mhtml</code> files (in your browser: File → Save page
        as), or text and Markdown. You can also drop them on the Library, or{' '}
        <button type="button" className="welcome-link" onClick={() => navigate({ screen: 'settings' })}>
          send pages from your browser with a bookmarklet
        </button>
        .
      </p>
      <p className="muted">
        Or{' '}
        <button
          type="button"
          className="welcome-link"
          data-testid="welcome-note"
          onClick={() =>
            void api.createNote().then(
              (note) => navigate({ screen: 'notes', noteId: note.id as NoteId }),
              (error: Error) => setProblem(`The note could not be created: ${error.message}`),
            )
          }
        >
          start with a note
        </button>
        . {SHORTCUT_LABELS.palette} opens the command palette from anywhere.
      </p>
      {problem && (
        <p className="settings-error" role="alert">
          {problem}
        </p>
      )}
    </main>
  );
}
