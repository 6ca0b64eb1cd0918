/**
 * The note's Export menu: Markdown (quotes as cited footnotes) or HTML as a file named after the note,
 * Markdown to the clipboard, or the citations of the sources the note quotes (BibTeX, RIS, CSL-JSON) for
 * a reference manager. The note is saved first, so the export is what the user sees; a failure says
 * what happened in the menu's own alert, and the note is untouched.
 */
import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { CITATION_FORMAT_INFO, type CitationFormat } from '../../shared/areas/interop';
import type { NoteExportFormat } from '../../shared/areas/notes';
import type { NoteId } from '../../shared/model';
import { api } from '../api';
import { copyText, downloadText, exportFileName, noteMimeType } from './noteExport';
import './export.css';

export interface ExportMenuProps {
  noteId: NoteId;
  /** The title as typed (it names the file even before it is saved). */
  title: string;
  /** Saves the note; rejects when the text on screen could not be saved. */
  saveFirst(): Promise<void>;
}

type Action =
  | { kind: 'file'; format: NoteExportFormat }
  | { kind: 'copy' }
  | { kind: 'citations'; format: CitationFormat };

const citations = (format: CitationFormat) => ({
  action: { kind: 'citations', format } as const,
  label: `Cited sources as ${CITATION_FORMAT_INFO[format].label}…`,
  testId: `export-note-${format}`,
});

const ITEMS: { action: Action; label: string; testId: string }[] = [
  { action: { kind: 'file', format: 'markdown' }, label: 'Export as Markdown…', testId: 'export-markdown' },
  { action: { kind: 'file', format: 'html' }, label: 'Export as HTML…', testId: 'export-html' },
  { action: { kind: 'copy' }, label: 'Copy as Markdown', testId: 'copy-markdown' },
  citations('bibtex'),
  citations('ris'),
  citations('csl-json'),
];

type Outcome = { ok: boolean; message: string } | null;

export function ExportMenu({ noteId, title, saveFirst }: ExportMenuProps): JSX.Element {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  // A click anywhere else closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    items.current[0]?.focus();
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // A success note fades on its own; an error stays until the next attempt or dismissal.
  useEffect(() => {
    if (!outcome?.ok) return;
    const timer = setTimeout(() => setOutcome(null), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const run = async (action: Action): Promise<void> => {
    setOpen(false);
    button.current?.focus();
    setBusy(true);
    setOutcome(null);
    try {
      await saveFirst();
      if (action.kind === 'citations') {
        const file = await api.exportCitations({
          format: action.format,
          scope: { kind: 'note', id: noteId },
        });
        if (file.count === 0) {
          setOutcome({
            ok: false,
            message: 'This note quotes no stored source yet: there is nothing to cite.',
          });
          return;
        }
        downloadText(file.text, file.fileName, file.mimeType);
        setOutcome({ ok: true, message: `Exported ${file.count} source(s) to “${file.fileName}”` });
        return;
      }
      const format = action.kind === 'file' ? action.format : 'markdown';
      const text = await api.exportNote({ id: noteId, format });
      if (action.kind === 'copy') {
        await copyText(text);
        setOutcome({ ok: true, message: 'Copied as Markdown' });
      } else {
        const fileName = exportFileName(title, format);
        downloadText(text, fileName, noteMimeType(format));
        setOutcome({ ok: true, message: `Exported “${fileName}”` });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, message: `Export failed: ${reason}` });
    } finally {
      setBusy(false);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const focused = items.current.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number): void => {
      event.preventDefault();
      items.current[(to + ITEMS.length) % ITEMS.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(focused + 1);
    else if (event.key === 'ArrowUp') move(focused - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(ITEMS.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button-quiet export-button"
        data-testid="export-note"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        title="Export this note as Markdown or HTML, or the sources it cites"
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? 'Exporting…' : 'Export'} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="export-items" role="menu" aria-label="Export note" onKeyDown={onMenuKeyDown}>
          {ITEMS.map((item, index) => (
            <button
              key={item.testId}
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              className="export-item"
              data-testid={item.testId}
              tabIndex={-1}
              onClick={() => void run(item.action)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {outcome && (
        <div
          className={`export-outcome ${outcome.ok ? 'export-ok' : 'export-error'}`}
          data-testid="export-outcome"
          role={outcome.ok ? 'status' : 'alert'}
        >
          <span>{outcome.message}</span>
          {!outcome.ok && (
            <button
              type="button"
              className="button button-quiet"
              aria-label="Dismiss"
              onClick={() => setOutcome(null)}
            >
              ×
            </button>
          )}
        </div>
      )}
    </div>
  );
}
