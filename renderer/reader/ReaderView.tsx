/**
 * The reader: one source's article in a sandboxed frame (no scripts, no navigation, images only from
 * the local store), its metadata and original URL, "view original HTML", and beside it the notes that
 * cite it (Backlinks) above the analysis panel. A route's `highlight` span is scrolled to and marked
 * when the article has loaded.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { Source, SourceOriginal } from '../../shared/areas/library';
import type { SourceId } from '../../shared/model';
import { AnalysisPanel } from '../analysis/AnalysisPanel';
import { BacklinksPanel } from '../backlinks/BacklinksPanel';
import { api } from '../api';
import { useNavigate, type TextSpan } from '../shell/navigation';
import { FrameReader } from './frameReader';
import { frameDocument } from './frameDocument';
import { PublishedDate } from './PublishedDate';
import './reader.css';
import { CiteButton } from '../citations/CiteButton';

export interface ReaderViewProps {
  sourceId: SourceId;
  highlight?: TextSpan | undefined;
}

/** Opens a web link from the article outside the app: never inside the frame or over the app. */
function openOutside(href: string): void {
  if (/^(?:https?:|mailto:)/i.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
}

export function ReaderView({ sourceId, highlight }: ReaderViewProps): JSX.Element {
  const navigate = useNavigate();
  const [source, setSource] = useState<Source | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [original, setOriginal] = useState<SourceOriginal | null>(null);
  const [reader, setReader] = useState<FrameReader | null>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  // Bumped when the publication date changed: the source and its analysis are read again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api.getSource(sourceId).then(
      (loaded) => live && setSource(loaded),
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
  }, [sourceId, version]);

  const srcDoc = useMemo(
    () => (source ? frameDocument(source.html, source.lang, source.title) : ''),
    [source],
  );

  const onLoad = useCallback(() => {
    const doc = frameRef.current?.contentDocument;
    if (!doc || !doc.getElementById('article')) return;
    doc.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link) return;
      event.preventDefault();
      openOutside(link.getAttribute('href') ?? '');
    });
    doc.addEventListener('submit', (event) => event.preventDefault());
    setReader((previous) => {
      previous?.dispose();
      return new FrameReader(doc);
    });
  }, []);

  useEffect(() => {
    if (reader && highlight) reader.focusSpan(highlight);
  }, [reader, highlight]);
  useEffect(() => () => reader?.dispose(), [reader]);

  if (error) {
    return (
      <main className="reader reader-message" data-testid="reader">
        <p className="settings-error">{error}</p>
        <button type="button" className="button" onClick={() => navigate({ screen: 'library' })}>
          Back to the library
        </button>
      </main>
    );
  }
  if (source === null) return <main className="reader reader-message muted">Opening the article…</main>;

  const restore = (): void => {
    api.restoreSource(source.id).then(
      (restored) => setSource({ ...source, deletedAt: restored.deletedAt }),
      (failure: Error) => setError(failure.message),
    );
  };
  const link = source.canonicalUrl ?? source.url;
  return (
    <div className="reader-layout">
      <main className="reader" data-testid="reader" data-source-id={source.id}>
        {source.deletedAt !== null && (
          <div className="banner banner-warning reader-trashed" role="status" data-testid="reader-trashed">
            <p>
              <strong>This source is in the trash.</strong> Notes that cite it still open it here; restore it
              to put it back in the library, search and its people’s pages.
            </p>
            <button
              type="button"
              className="button button-primary"
              data-testid="reader-restore"
              onClick={restore}
            >
              Restore
            </button>
          </div>
        )}
        <header className="reader-header">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => navigate(source.deletedAt !== null ? { screen: 'trash' } : { screen: 'library' })}
          >
            {source.deletedAt !== null ? '← Trash' : '← Library'}
          </button>
          <h1 data-testid="reader-title">{source.title}</h1>
          <p className="reader-meta muted">
            {[source.byline, source.siteName, `${source.wordCount.toLocaleString()} words`]
              .filter((part) => part)
              .join(' · ')}
          </p>
          <PublishedDate
            sourceId={source.id}
            publishedAt={source.publishedAt}
            origin={source.publishedOrigin}
            onChanged={() => setVersion((v) => v + 1)}
          />
          <p className="reader-meta">
            {link && (
              <a
                href={link}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="reader-url"
                title="Opens in your browser"
              >
                {link}
              </a>
            )}
            <button
              type="button"
              className="button button-quiet"
              data-testid="view-original"
              onClick={() => {
                if (original) setOriginal(null);
                else
                  api
                    .getSourceOriginal(source.id)
                    .then(setOriginal, (failure: Error) => setError(failure.message));
              }}
            >
              {original ? 'Show the article' : 'View original HTML'}
            </button>
            <CiteButton target={{ sourceId: source.id }} label="Copy citation" />
          </p>
          {source.sentFrom !== null && (
            <p
              className={source.urlClaimed ? 'reader-warning' : 'reader-meta muted'}
              data-testid="reader-provenance"
            >
              {source.urlClaimed
                ? `Sent from your browser by ${source.sentFrom}. The address above is only what that page claimed; Dossier could not check it.`
                : `Sent from your browser by ${source.sentFrom}.`}
            </p>
          )}
          {reader && reader.text !== source.plainText && (
            <p className="reader-warning" role="note">
              This article displays slightly differently from its stored text; highlights may be off by a few
              words.
            </p>
          )}
        </header>
        {original ? (
          <pre className="reader-original" data-testid="original-html">
            {original.html}
          </pre>
        ) : (
          <iframe
            ref={frameRef}
            className="reader-frame"
            data-testid="reader-frame"
            title={`Article: ${source.title}`}
            sandbox="allow-same-origin"
            referrerPolicy="no-referrer"
            srcDoc={srcDoc}
            onLoad={onLoad}
          />
        )}
      </main>
      <aside className="reader-side">
        <BacklinksPanel className="backlinks-source" target={{ kind: 'source', id: source.id }} />
        <AnalysisPanel
          key={version}
          sourceId={source.id}
          reader={original ? null : reader}
          plainText={source.plainText}
        />
      </aside>
    </div>
  );
}
