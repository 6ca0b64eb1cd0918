/**
 * Whole-notebook exports and imports from anywhere in the app (Settings, the Ctrl/⌘+K palette): one job
 * at a time, its progress polled from the core while it runs, and its result in a panel at the bottom
 * of the window that stays until dismissed: where the export is (with "Show in folder" in Electron, the
 * path to copy in a browser), or what an import added and the backup that undoes it.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type ReactNode,
} from 'react';
import {
  CITATION_FORMAT_INFO,
  MAX_IMPORT_JSON_LENGTH,
  type CitationFormat,
  type CitationScope,
  type ImportJsonResult,
  type InteropProgress,
  type NotebookExport,
  type NotebookExportKind,
} from '../../shared/areas/interop';
import { api } from '../api';
import { routeOf } from '../shell/navigation';
import { routeToHash } from '../shell/routeUrl';
import { copyText, downloadText } from '../notes/noteExport';
import './interop.css';

/** The job shown in the status panel. */
export type InteropJob =
  | { state: 'running'; label: string; progress: InteropProgress | null }
  | { state: 'exported'; result: NotebookExport }
  | { state: 'imported'; name: string; result: ImportJsonResult }
  | { state: 'saved'; message: string }
  | { state: 'failed'; label: string; message: string };

/** What the provider offers. */
export interface Interop {
  job: InteropJob | null;
  /** Writes a whole-notebook export into the data folder's exports folder. */
  exportNotebook(kind: NotebookExportKind): void;
  /** Saves the citations of `scope` as a file (a download, or Electron's Save dialog). */
  exportCitations(format: CitationFormat, scope: CitationScope): void;
  /** Asks for a JSON export file and imports it. */
  chooseImportFile(): void;
  dismiss(): void;
}

const InteropContext = createContext<Interop | null>(null);

/** The interop actions; only inside {@link InteropProvider}. */
export function useInterop(): Interop {
  const interop = useContext(InteropContext);
  if (interop === null) throw new Error('useInterop needs an InteropProvider');
  return interop;
}

const LABELS: Record<NotebookExportKind, string> = {
  json: 'Exporting the notebook as JSON',
  obsidian: 'Exporting an Obsidian vault',
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function InteropProvider({ children }: { children: ReactNode }): JSX.Element {
  const [job, setJob] = useState<InteropJob | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const running = job?.state === 'running';

  // While a job runs, ask the core how far it is.
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      api.getInteropProgress().then(
        (progress) =>
          setJob((current) => (current?.state === 'running' ? { ...current, progress } : current)),
        () => undefined,
      );
    }, 300);
    return () => clearInterval(timer);
  }, [running]);

  const exportNotebook = useCallback(
    (kind: NotebookExportKind) => {
      if (running) return;
      setJob({ state: 'running', label: LABELS[kind], progress: null });
      api.exportNotebook({ kind }).then(
        (result) => setJob({ state: 'exported', result }),
        (error: unknown) =>
          setJob({ state: 'failed', label: 'The export failed', message: messageOf(error) }),
      );
    },
    [running],
  );

  const exportCitations = useCallback((format: CitationFormat, scope: CitationScope) => {
    const label = `${CITATION_FORMAT_INFO[format].label} citations`;
    api.exportCitations({ format, scope }).then(
      (file) => {
        downloadText(file.text, file.fileName, file.mimeType);
        setJob({ state: 'saved', message: `Saved ${file.count} source(s) as ${label}: “${file.fileName}”` });
      },
      (error: unknown) =>
        setJob({ state: 'failed', label: `The ${label} could not be made`, message: messageOf(error) }),
    );
  }, []);

  const importFile = useCallback((file: File) => {
    if (file.size > MAX_IMPORT_JSON_LENGTH) {
      setJob({
        state: 'failed',
        label: `${file.name} was not imported`,
        message:
          `It is larger than ${Math.round(MAX_IMPORT_JSON_LENGTH / 1e6)} MB, the most the app imports at once. ` +
          'Import it with `dossier import-json FILE` instead. Nothing was changed.',
      });
      return;
    }
    setJob({ state: 'running', label: `Importing ${file.name}`, progress: null });
    file
      .text()
      .then((data) => api.importNotebookJson({ name: file.name, data }))
      .then(
        (result) => setJob({ state: 'imported', name: file.name, result }),
        (error: unknown) =>
          setJob({ state: 'failed', label: `${file.name} was not imported`, message: messageOf(error) }),
      );
  }, []);

  const interop = useMemo<Interop>(
    () => ({
      job,
      exportNotebook,
      exportCitations,
      chooseImportFile: () => fileInput.current?.click(),
      dismiss: () => setJob(null),
    }),
    [job, exportNotebook, exportCitations],
  );

  return (
    <InteropContext.Provider value={interop}>
      {children}
      <input
        ref={fileInput}
        type="file"
        accept=".jsonl,.json,application/json,application/x-ndjson"
        hidden
        data-testid="import-json-file"
        aria-label="A Dossier JSON export to import"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) importFile(file);
        }}
      />
      <InteropStatus />
    </InteropContext.Provider>
  );
}

function percentOf(progress: InteropProgress | null): number | null {
  if (progress === null || progress.total === 0) return null;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

/** The result of the current job at the bottom of the window. */
function InteropStatus(): JSX.Element | null {
  const { job, dismiss } = useInterop();
  // A note about the current result ("Path copied"); one about an earlier job is not shown.
  const [noteFor, setNoteFor] = useState<{ job: InteropJob; text: string } | null>(null);
  if (job === null) return null;
  const note = noteFor?.job === job ? noteFor.text : null;
  const setNote = (text: string): void => setNoteFor({ job, text });

  const close = (
    <button type="button" className="button button-quiet" aria-label="Dismiss" onClick={dismiss}>
      ×
    </button>
  );
  let body: JSX.Element;
  switch (job.state) {
    case 'running': {
      const percent = percentOf(job.progress);
      body = (
        <>
          <span className="interop-status-text">{job.label}…</span>
          <progress
            className="interop-progress"
            data-testid="interop-progress"
            max={100}
            {...(percent === null ? {} : { value: percent })}
            aria-label={job.label}
          />
          {percent !== null && <span className="muted">{percent}%</span>}
        </>
      );
      break;
    }
    case 'exported': {
      const { result } = job;
      const what = result.kind === 'json' ? 'JSON export' : 'Obsidian vault';
      body = (
        <>
          <span className="interop-status-text">
            <strong>{what} written</strong> ({result.description}):{' '}
            <code className="interop-path" data-testid="interop-path">
              {result.path}
            </code>
            {note !== null && <span className="muted"> {note}</span>}
          </span>
          <button
            type="button"
            className="button"
            data-testid="interop-reveal"
            onClick={() => {
              api.revealExport({ name: result.name }).then(
                (shown) => {
                  if (shown) return;
                  // The browser host cannot open a folder: the path goes to the clipboard instead.
                  copyText(result.path).then(
                    () => setNote('Path copied: open it in your file manager.'),
                    () => setNote('Select the path above and copy it.'),
                  );
                },
                (error: unknown) => setNote(messageOf(error)),
              );
            }}
          >
            {window.api ? 'Show in folder' : 'Copy path'}
          </button>
          {close}
        </>
      );
      break;
    }
    case 'imported': {
      const { result } = job;
      body = (
        <>
          <span className="interop-status-text">
            <strong>Imported {job.name}</strong>: {result.added} record(s) added, {result.updated} updated.
            {result.backup && (
              <>
                {' '}
                The notebook was backed up first (<code>{result.backup.name}</code>); restoring it in Settings
                → Backups undoes the import.
              </>
            )}
          </span>
          <button
            type="button"
            className="button"
            // The screens hold what they loaded; reload them all, on Notes (the deep link would keep Settings).
            onClick={() => {
              window.location.hash = routeToHash(routeOf('notes'));
              window.location.reload();
            }}
          >
            Show the imported records
          </button>
          {close}
        </>
      );
      break;
    }
    case 'saved':
      body = (
        <>
          <span className="interop-status-text">{job.message}</span>
          {close}
        </>
      );
      break;
    case 'failed':
      body = (
        <>
          <span className="interop-status-text">
            <strong>{job.label}.</strong> {job.message}
          </span>
          {close}
        </>
      );
      break;
  }
  return (
    <div
      className={`interop-status${job.state === 'failed' ? ' interop-status-error' : ''}`}
      data-testid="interop-status"
      data-state={job.state}
      role={job.state === 'failed' ? 'alert' : 'status'}
    >
      {body}
    </div>
  );
}
