/**
 * "Cite": a source or a quote as a formatted citation in a chosen style (APA, Chicago author-date, MLA,
 * rendered by citeproc-js in the core), previewed, and copied to the clipboard as plain text and as
 * rich text (italic titles survive a paste into a word processor). The last style chosen is remembered.
 */
import DOMPurify from 'dompurify';
import { useEffect, useRef, useState, type JSX } from 'react';
import {
  CITATION_STYLES,
  type CitationStyle,
  type CitationTarget,
  type FormattedCitation,
} from '../../shared/areas/interop';
import { api } from '../api';
import { copyText } from '../notes/noteExport';
import './cite.css';

const STYLE_KEY = 'dossier.citationStyle';

function savedStyle(): CitationStyle {
  const saved = localStorage.getItem(STYLE_KEY);
  return CITATION_STYLES.some((s) => s.id === saved) ? (saved as CitationStyle) : 'apa';
}

/** Copies text and, where the browser allows it, the same citation as HTML. */
async function copyCitation(citation: FormattedCitation): Promise<void> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([citation.text], { type: 'text/plain' }),
          'text/html': new Blob([citation.html], { type: 'text/html' }),
        }),
      ]);
      return;
    }
  } catch {
    // Refused (Electron denies clipboard permissions to pages): plain text below.
  }
  await copyText(citation.text);
}

export interface CiteButtonProps {
  target: CitationTarget;
  /** What the button says. */
  label?: string;
  /** Smaller button (in lists of quotes), whose popover opens inline below it (lists are narrow). */
  small?: boolean;
}

type Outcome = { state: 'ready'; citation: FormattedCitation } | { state: 'failed'; message: string };
type State = { state: 'loading' } | Outcome;

export function CiteButton({ target, label = 'Cite', small = false }: CiteButtonProps): JSX.Element {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div className={`cite${small && open ? ' cite-inline-open' : ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className={`button ${small ? 'button-small' : 'button-quiet'}`}
        data-testid="cite-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Copy a citation in APA, Chicago or MLA style"
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <CitePopover
          target={target}
          alignEnd={small}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function CitePopover({
  target,
  alignEnd,
  onClose,
}: {
  target: CitationTarget;
  alignEnd: boolean;
  onClose: () => void;
}): JSX.Element {
  const [style, setStyle] = useState<CitationStyle>(savedStyle);
  const [outcome, setOutcome] = useState<{ style: CitationStyle; outcome: Outcome } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const key = 'sourceId' in target ? `s:${target.sourceId}` : `q:${target.quoteId}`;
  const state: State = outcome?.style === style ? outcome.outcome : { state: 'loading' };

  useEffect(() => {
    let live = true;
    api.formatCitation({ style, target }).then(
      (citation) => live && setOutcome({ style, outcome: { state: 'ready', citation } }),
      (error: Error) => live && setOutcome({ style, outcome: { state: 'failed', message: error.message } }),
    );
    return () => {
      live = false;
    };
    // The target is identified by its key: a new object for the same source must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [style, key]);

  return (
    <div
      className={`cite-popover${alignEnd ? ' cite-popover-inline' : ''}`}
      role="dialog"
      aria-label="Copy citation"
      data-testid="cite-popover"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="cite-row">
        <label htmlFor={`cite-style-${key}`}>Style</label>
        <select
          id={`cite-style-${key}`}
          data-testid="cite-style"
          value={style}
          autoFocus
          onChange={(event) => {
            const next = event.target.value as CitationStyle;
            localStorage.setItem(STYLE_KEY, next);
            setCopied(null);
            setStyle(next);
          }}
        >
          {CITATION_STYLES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="cite-preview" data-testid="cite-preview" aria-live="polite">
        {state.state === 'loading' && <span className="muted">Formatting…</span>}
        {state.state === 'failed' && (
          <span role="alert">The citation could not be made: {state.message}</span>
        )}
        {state.state === 'ready' && (
          <div
            // citeproc's HTML holds only text and <i>/<b>/<span>; sanitised all the same.
            dangerouslySetInnerHTML={{
              __html: DOMPurify.sanitize(state.citation.html, {
                ALLOWED_TAGS: ['p', 'i', 'b', 'em', 'strong', 'span', 'sup', 'sub'],
                ALLOWED_ATTR: [],
              }),
            }}
          />
        )}
      </div>
      <div className="cite-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="cite-copy"
          disabled={state.state !== 'ready'}
          onClick={() => {
            if (state.state !== 'ready') return;
            copyCitation(state.citation).then(
              () => setCopied('Copied'),
              (error: Error) => setCopied(error.message),
            );
          }}
        >
          Copy citation
        </button>
        <span className="muted" role="status" data-testid="cite-copied">
          {copied}
        </span>
      </div>
      <p className="cite-credit muted">
        Styles from the Citation Style Language project (citationstyles.org), CC BY-SA 3.0.
      </p>
    </div>
  );
}
