/**
 * The Backlinks panel of a note or a source: the live notes that link to, quote, cite or mention it,
 * each with its title, how it points here and a short excerpt; clicking one opens that note. It is a
 * collapsible region (the toggle is a real button, so Tab and Enter/Space reach everything) and
 * remembers per kind of page whether the user folded it.
 */
import { useId, useState, type JSX } from 'react';
import type { BacklinkTarget } from '../../shared/areas/notes';
import type { NoteId } from '../../shared/model';
import { useNavigate } from '../shell/navigation';
import { backlinkTitle, describeKinds } from './backlinkLabels';
import { useBacklinks } from './useBacklinks';
import './backlinks.css';

export interface BacklinksPanelProps {
  target: BacklinkTarget;
  /** False while the page is hidden: no loading or refreshing until it is shown again. */
  active?: boolean;
  /** Opens a linking note; by default navigates to it on the Notes screen. */
  onOpenNote?: (id: NoteId) => void;
  className?: string;
}

const storageKey = (kind: BacklinkTarget['kind']): string => `dossier.backlinks.collapsed.${kind}`;

function readCollapsed(kind: BacklinkTarget['kind']): boolean {
  try {
    return window.localStorage.getItem(storageKey(kind)) === 'true';
  } catch {
    return false;
  }
}

function writeCollapsed(kind: BacklinkTarget['kind'], collapsed: boolean): void {
  try {
    window.localStorage.setItem(storageKey(kind), String(collapsed));
  } catch {
    // Storage may be unavailable (private mode, quota): the panel still folds, it just forgets.
  }
}

export function BacklinksPanel({
  target,
  active = true,
  onOpenNote,
  className,
}: BacklinksPanelProps): JSX.Element {
  const navigate = useNavigate();
  const { backlinks, error, reload } = useBacklinks(target, active);
  const [collapsed, setCollapsed] = useState(() => readCollapsed(target.kind));
  const bodyId = useId();
  const open = onOpenNote ?? ((noteId: NoteId) => navigate({ screen: 'notes', noteId }));
  const count = backlinks?.length;

  return (
    <section
      className={`backlinks${className ? ` ${className}` : ''}`}
      data-testid="backlinks"
      data-target-kind={target.kind}
      aria-label="Backlinks"
    >
      <h2 className="backlinks-heading">
        <button
          type="button"
          className="backlinks-toggle"
          data-testid="backlinks-toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => {
            setCollapsed(!collapsed);
            writeCollapsed(target.kind, !collapsed);
          }}
        >
          <span className="backlinks-chevron" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
          Backlinks
          {count !== undefined && (
            <span className="backlinks-count" data-testid="backlinks-count" aria-label={`${count} notes`}>
              {count}
            </span>
          )}
        </button>
      </h2>
      <div id={bodyId} className="backlinks-body" hidden={collapsed}>
        {error !== null && (
          <div className="backlinks-error" role="alert">
            <p>Backlinks could not be loaded: {error}</p>
            <button type="button" className="button button-quiet" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {backlinks === null ? (
          error === null && <p className="backlinks-empty muted">Looking for notes that link here…</p>
        ) : backlinks.length === 0 ? (
          <p className="backlinks-empty muted" data-testid="backlinks-empty">
            No notes link here yet.
          </p>
        ) : (
          <ul className="backlinks-list" data-testid="backlinks-list">
            {backlinks.map((backlink) => {
              const how = describeKinds(backlink.kinds);
              return (
                <li key={backlink.noteId}>
                  <button
                    type="button"
                    className="backlink"
                    data-testid="backlink"
                    data-note-id={backlink.noteId}
                    title={`Open “${backlinkTitle(backlink)}”`}
                    onClick={() => open(backlink.noteId)}
                  >
                    <span className="backlink-title">{backlinkTitle(backlink)}</span>
                    {how !== '' && <span className="backlink-kinds muted">{how}</span>}
                    {backlink.context !== '' && (
                      <span className="backlink-context" data-testid="backlink-context">
                        {backlink.context}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
