/**
 * The two dialogs for clips that are not files: pasted HTML or text (the clipboard's HTML is kept when
 * there is any), and a URL to fetch (the only clip that uses the network, which the dialog says).
 */
import { useEffect, useState, type ClipboardEvent, type JSX } from 'react';
import type { ClipResult, PublishedGuess } from '../../shared/areas/library';
import { isHttpUrl } from '../../shared/url';
import { api } from '../api';

export interface ClipDialogProps {
  kind: 'paste' | 'url';
  onClose: () => void;
  /** Called with what was stored (or found to be a duplicate). */
  onClipped: (result: ClipResult) => void;
}

export function ClipDialog({ kind, onClose, onClipped }: ClipDialogProps): JSX.Element {
  const [text, setText] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The publication date: prefilled from the page or the text until the user types one.
  const [typed, setTyped] = useState<string | null>(null);
  const [guess, setGuess] = useState<{ for: string; found: PublishedGuess } | null>(null);
  const content = html ?? text;

  useEffect(() => {
    if (kind !== 'paste' || content.trim() === '') return;
    let live = true;
    // Wait for typing to pause: guessing clips the content.
    const timer = window.setTimeout(() => {
      api
        .guessPublished({
          ...(html !== null ? { html } : { text }),
          ...(url.trim() ? { url: url.trim() } : {}),
        })
        .then(
          (found) => live && setGuess({ for: content, found }),
          () => live && setGuess(null),
        );
    }, 350);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [kind, content, html, text, url]);

  const found = guess !== null && guess.for === content ? guess.found : null;
  const published = typed ?? found?.published ?? '';

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const pastedHtml = event.clipboardData.getData('text/html');
    if (pastedHtml.trim() !== '') setHtml(pastedHtml);
  };

  const submit = (): void => {
    setBusy(true);
    setError(null);
    const call =
      kind === 'url'
        ? api.clipUrl({ url: url.trim() })
        : api.clipPaste({
            ...(html !== null ? { html } : { text }),
            ...(url.trim() ? { url: url.trim() } : {}),
            ...(title.trim() ? { title: title.trim() } : {}),
            // The user's date wins; an untouched prefilled one is found again (and marked inferred).
            ...(typed !== null && typed !== '' ? { published: typed } : {}),
          });
    call.then(
      (result) => {
        setBusy(false);
        onClipped(result);
      },
      (failure: Error) => {
        setBusy(false);
        setError(failure.message);
      },
    );
  };

  const ready = kind === 'url' ? isHttpUrl(url.trim()) : text.trim() !== '' || html !== null;
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={kind === 'url' ? 'Clip a web page' : 'Paste an article'}
        data-testid={`clip-${kind}-dialog`}
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && !busy) submit();
        }}
      >
        <h2>{kind === 'url' ? 'Clip a web page' : 'Paste an article'}</h2>
        {kind === 'url' ? (
          <p className="muted">
            Dossier downloads the page and its images once, now; afterwards it reads offline.
          </p>
        ) : (
          <>
            <p className="muted">
              Paste the article (formatting is kept when the clipboard has it).
              {html !== null && ' Formatted content received.'}
            </p>
            <textarea
              autoFocus
              aria-label="Article"
              data-testid="clip-paste-text"
              value={text}
              onPaste={onPaste}
              onChange={(event) => {
                setText(event.target.value);
                if (event.target.value === '') setHtml(null);
              }}
            />
            <label>
              Title (optional)
              <input value={title} onChange={(event) => setTitle(event.target.value)} />
            </label>
            <label>
              Published
              <input
                type="date"
                data-testid="clip-published"
                value={published}
                max="9999-12-31"
                onChange={(event) => setTyped(event.target.value)}
              />
            </label>
            <p className="muted clip-published-note" data-testid="clip-published-note">
              {typed !== null && typed !== ''
                ? '“On Thursday” and “last summer” will be read against this date.'
                : found?.published
                  ? found.origin === 'inferred'
                    ? `Inferred from the text${found.evidence ? ` (“${found.evidence}”)` : ''}; change it if it is wrong.`
                    : 'From the page.'
                  : found !== null
                    ? 'No date found in the text: relative dates such as “on Thursday” will stay unresolved unless you set one.'
                    : ''}
            </p>
          </>
        )}
        <label>
          {kind === 'url' ? 'Address' : 'Where it came from (optional)'}
          <input
            autoFocus={kind === 'url'}
            type="url"
            data-testid="clip-url-input"
            placeholder="https://"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        {error && (
          <p className="settings-error" role="alert" data-testid="clip-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!ready || busy}
            data-testid="clip-submit"
          >
            {busy ? 'Clipping…' : 'Clip'}
          </button>
        </div>
      </form>
    </div>
  );
}
