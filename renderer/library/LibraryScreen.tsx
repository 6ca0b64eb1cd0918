/**
 * The Library screen: the clipped sources with sort and filters, the ways in (files, folders, drag and
 * drop, paste, URL) with progress and cancel for bulk imports, and the reader for one source.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import {
  CLIPPABLE_FILES,
  type ClipResult,
  type DuplicatePolicy,
  type SourceSort,
} from '../../shared/areas/library';
import { api } from '../api';
import { ReaderView } from '../reader/ReaderView';
import { useNavigate, type Route } from '../shell/navigation';
import { ClipDialog } from './ClipDialog';
import { DateRangeField } from './DateRangeField';
import { ImportPanel, type DuplicateQuestion } from './ImportPanel';
import { planImport, runImport, type ImportProgress } from './importQueue';
import { LibraryList } from './LibraryList';
import { DEFAULT_QUERY, useLibrary, type LibraryQuery } from './useLibrary';
import './library.css';

export interface LibraryScreenProps {
  route: Route;
}

const DEFAULT_DESCENDING: Record<SourceSort, boolean> = {
  clipped: true,
  published: true,
  words: true,
  title: false,
  site: false,
};

function Library({ start }: { start: 'import' | 'paste' | 'url' | undefined }): JSX.Element {
  const navigate = useNavigate();
  const [query, setQuery] = useState<LibraryQuery>(DEFAULT_QUERY);
  const { sources, total, sites, error, reload } = useLibrary(query);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [question, setQuestion] = useState<DuplicateQuestion | null>(null);
  const [dialog, setDialog] = useState<'paste' | 'url' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // Arrived from the welcome screen's "Import…", "Paste" or "Clip a URL": start there. The file picker
  // opens within the click's user activation, which the navigation keeps.
  const [started, setStarted] = useState<string | undefined>(undefined);
  if (start !== undefined && start !== started) {
    setStarted(start);
    if (start === 'paste' || start === 'url') setDialog(start);
  }
  useEffect(() => {
    if (start === 'import') fileInput.current?.click();
  }, [start]);

  const importFiles = useCallback(
    (files: File[]) => {
      const items = planImport(files);
      if (items.length === 0) {
        setNotice(`None of these files can be clipped. Dossier reads ${CLIPPABLE_FILES}.`);
        return;
      }
      setNotice(null);
      const controller = new AbortController();
      abort.current = controller;
      let forAll: DuplicatePolicy | 'skip' | null = null;
      const ask = (title: string, file: string): Promise<DuplicatePolicy | 'skip'> =>
        forAll !== null
          ? Promise.resolve(forAll)
          : new Promise((resolve) =>
              setQuestion({
                title,
                file,
                answer: (choice, all) => {
                  if (all) forAll = choice;
                  setQuestion(null);
                  resolve(choice);
                },
              }),
            );
      void runImport(items, (input) => api.clipFile(input), ask, setProgress, controller.signal).then(reload);
    },
    [reload],
  );

  const onClipped = (result: ClipResult): void => {
    setDialog(null);
    if (result.status === 'duplicate') {
      setNotice(`Already in your library as “${result.duplicateOf.title}”.`);
      return;
    }
    reload();
    navigate({ screen: 'reader', sourceId: result.source.id });
  };

  const sort = (next: SourceSort): void =>
    setQuery((q) => ({
      ...q,
      sort: next,
      descending: q.sort === next ? !q.descending : DEFAULT_DESCENDING[next],
    }));

  return (
    <main
      className={`library${dragging ? ' library-dragging' : ''}`}
      data-testid="library"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        importFiles([...event.dataTransfer.files]);
      }}
    >
      <header className="library-toolbar">
        <h1>Library</h1>
        <button
          type="button"
          className="button button-primary"
          data-testid="import-files"
          onClick={() => fileInput.current?.click()}
        >
          Import files…
        </button>
        <button type="button" className="button" onClick={() => folderInput.current?.click()}>
          Import a folder…
        </button>
        <button type="button" className="button" data-testid="clip-paste" onClick={() => setDialog('paste')}>
          Paste
        </button>
        <button type="button" className="button" data-testid="clip-url" onClick={() => setDialog('url')}>
          Clip a URL
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="import-file-input"
          accept=".html,.htm,.xhtml,.mhtml,.mht,.txt,.text,.md,.markdown"
          onChange={(event) => {
            importFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          onChange={(event) => {
            importFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </header>
      <div className="library-filters">
        <label>
          Site
          <select
            data-testid="filter-site"
            value={query.site}
            onChange={(event) => setQuery((q) => ({ ...q, site: event.target.value }))}
          >
            <option value="">All sites</option>
            {sites.map((site) => (
              <option key={site.site} value={site.site}>
                {site.site} ({site.count})
              </option>
            ))}
          </select>
        </label>
        <DateRangeField
          label="Published"
          value={{ from: query.from || null, to: query.to || null }}
          onChange={(range) => setQuery((q) => ({ ...q, from: range.from ?? '', to: range.to ?? '' }))}
        />
        <span className="muted" data-testid="library-total">
          {total} {total === 1 ? 'source' : 'sources'}
        </span>
      </div>
      {progress && (
        <ImportPanel
          progress={progress}
          question={question}
          onCancel={() => abort.current?.abort()}
          onClose={() => setProgress(null)}
        />
      )}
      {notice && (
        <p className="library-notice" role="status">
          {notice}
        </p>
      )}
      {error && <p className="settings-error">{error}</p>}
      {sources !== null &&
      sources.length === 0 &&
      !query.trashed &&
      !query.site &&
      !query.from &&
      !query.to ? (
        <div className="library-empty" data-testid="library-empty">
          <h2>Your library is empty</h2>
          <p>
            Drop saved web pages (.html, .mhtml), text or Markdown files here, use{' '}
            <strong>Import files…</strong>, paste an article, or clip a URL. Everything is kept on this
            computer and reads offline.
          </p>
        </div>
      ) : (
        sources !== null && (
          <LibraryList
            sources={sources}
            query={query}
            onSort={sort}
            onOpen={(source) => navigate({ screen: 'reader', sourceId: source.id })}
            onTrash={(source) =>
              void api.deleteSource(source.id).then(reload, (e: Error) => setNotice(e.message))
            }
            onRestore={(source) =>
              void api.restoreSource(source.id).then(reload, (e: Error) => setNotice(e.message))
            }
          />
        )
      )}
      {dragging && (
        <div className="library-drop" aria-hidden="true">
          Drop files to add them to your library
        </div>
      )}
      {dialog && <ClipDialog kind={dialog} onClose={() => setDialog(null)} onClipped={onClipped} />}
    </main>
  );
}

export function LibraryScreen({ route }: LibraryScreenProps): JSX.Element {
  if (route.screen === 'reader')
    return <ReaderView key={route.sourceId} sourceId={route.sourceId} highlight={route.highlight} />;
  return <Library start={route.screen === 'library' ? route.start : undefined} />;
}
