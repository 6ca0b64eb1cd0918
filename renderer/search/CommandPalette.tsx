/**
 * The command palette: Ctrl/⌘+K from anywhere opens a box that finds notes, sources, quotes and people
 * as you type, next to commands (New note, Go to …). Arrows move, Enter runs, Esc closes. The key
 * wins over whatever has the focus, the note editor included (its link box is Ctrl/⌘+Shift+K): a user
 * who reloads lands in the last note with the caret in it, and Ctrl/⌘+K must still open the palette.
 */
import { useCallback, useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../shared/areas/search';
import type { NoteId } from '../../shared/model';
import { api } from '../api';
import { useInterop } from '../interop/InteropProvider';
import { useNavigate } from '../shell/navigation';
import { pointerMoved } from '../shell/pointer';
import { isPaletteKey } from '../shortcuts';
import { matchCommands, type PaletteCommand } from './commands';
import { HitList, hitOptionId } from './HitList';
import { routeOfHit } from './hits';
import { useSearch, visibleResults } from './useSearch';
import './search.css';

type Item =
  { kind: 'command'; command: PaletteCommand } | { kind: 'hit'; hit: SearchHit } | { kind: 'search-all' };

const HITS = 8;
const ID = 'palette-item';

/** Mount once in the app shell. */
export function CommandPalette(): JSX.Element | null {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (!isPaletteKey(event)) return;
      // Capture phase on the window, and no further: the focused element (the editor, a form field)
      // never sees the key, so it cannot also act on it.
      event.preventDefault();
      event.stopPropagation();
      setOpen((wasOpen) => !wasOpen);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

function PaletteDialog({ onClose }: { onClose: () => void }): JSX.Element {
  const navigate = useNavigate();
  const interop = useInterop();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  // Whether the user chose a row (arrows, pointer) since the query last changed.
  const [chose, setChose] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The query as last typed, and whether the palette has closed: for an answer that comes back later.
  const typed = useRef('');
  const closed = useRef(false);
  useEffect(
    () => () => {
      closed.current = true;
    },
    [],
  );
  const returnFocus = useRef<Element | null>(document.activeElement);
  const state = useSearch(query, HITS);
  const hits = visibleResults(state)?.hits ?? [];
  const commands = matchCommands(query).slice(0, query.trim() === '' ? 9 : 4);

  const itemsWith = (found: readonly SearchHit[]): Item[] => [
    ...commands.map((command): Item => ({ kind: 'command', command })),
    ...found.map((hit): Item => ({ kind: 'hit', hit })),
    ...(query.trim() === '' ? [] : [{ kind: 'search-all' } as const]),
  ];
  const items = itemsWith(hits);

  useEffect(() => {
    document.getElementById(hitOptionId(ID, selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const close = useCallback(
    (restoreFocus: boolean) => {
      onClose();
      if (restoreFocus && returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    },
    [onClose],
  );

  const run = (item: Item | undefined): void => {
    if (item === undefined) return;
    if (item.kind === 'hit') {
      navigate(routeOfHit(item.hit));
    } else if (item.kind === 'search-all') {
      navigate({ screen: 'search', query });
    } else if (typeof item.command.action === 'object' && 'interop' in item.command.action) {
      const task = item.command.action;
      if (task.interop === 'export') interop.exportNotebook(task.kind);
      else if (task.interop === 'citations') interop.exportCitations(task.format, { kind: 'all' });
      else interop.chooseImportFile();
    } else if (item.command.action === 'new-note') {
      api.createNote().then(
        (note) => {
          navigate({ screen: 'notes', noteId: note.id as NoteId });
          close(false);
        },
        (failure: Error) => setError(`The note could not be created: ${failure.message}`),
      );
      return;
    } else if (item.command.action === 'copy-link') {
      // The address names the screen behind the palette (shell/routeUrl.ts); a note's link box takes it.
      const link = window.location.hash || '#/notes';
      navigator.clipboard.writeText(link).then(
        () => close(true),
        (failure: Error) => setError(`The link could not be copied: ${failure.message}`),
      );
      return;
    } else {
      navigate(item.command.action);
    }
    close(false);
  };

  /**
   * Enter while the search for the query is on its way: the rows shown are the previous query's ("may"
   * while "mayer" is asked), so the first row of the answer to what was typed is run instead, once it
   * is in (unless more was typed meanwhile or the palette closed).
   */
  const runWhenAnswered = (): void => {
    const asked = query;
    const first = (found: readonly SearchHit[]): void => {
      if (closed.current || typed.current !== asked) return;
      run(itemsWith(found)[0]);
    };
    api.search({ query: asked, limit: HITS }).then(
      (results) => first(results.hits),
      () => first([]),
    );
  };

  const choose = (i: number): void => {
    setSelected(i);
    setChose(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      choose(Math.min(items.length - 1, selected + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      choose(Math.max(0, selected - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (state.state === 'loading' && !chose) runWhenAnswered();
      else run(items[selected]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  };

  let index = -1;
  const next = (): number => ++index;
  return (
    <div className="palette-backdrop" onMouseDown={() => close(true)}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        data-testid="command-palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          className="palette-input"
          role="combobox"
          aria-label="Search or run a command"
          aria-expanded={items.length > 0}
          aria-controls="palette-list"
          aria-activedescendant={items.length > 0 ? hitOptionId(ID, selected) : undefined}
          data-testid="palette-input"
          placeholder="Search notes, sources, quotes, people… or type a command"
          autoFocus
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            typed.current = event.target.value;
            setSelected(0);
            setChose(false);
          }}
          onKeyDown={onKeyDown}
        />
        {error !== null && (
          <p className="search-error" role="alert">
            {error}
          </p>
        )}
        <ul id="palette-list" className="palette-list" role="listbox" aria-label="Results and commands">
          {commands.map((command) => {
            const i = next();
            return (
              <li
                key={command.id}
                id={hitOptionId(ID, i)}
                role="option"
                aria-selected={i === selected}
                className={`palette-command${i === selected ? ' is-selected' : ''}`}
                data-testid="palette-command"
                onMouseMove={(event) => {
                  if (pointerMoved(event)) choose(i);
                }}
                onClick={() => run({ kind: 'command', command })}
              >
                <span className="search-badge search-badge-command">Command</span> {command.label}
              </li>
            );
          })}
          {hits.length > 0 && (
            <HitList
              hits={hits}
              selected={selected - commands.length}
              idPrefix={ID}
              indexOffset={commands.length}
              compact
              onOpen={(hit) => run({ kind: 'hit', hit })}
              onHover={(i) => choose(commands.length + i)}
            />
          )}
          {query.trim() !== '' && (
            <li
              id={hitOptionId(ID, items.length - 1)}
              role="option"
              aria-selected={selected === items.length - 1}
              className={`palette-command${selected === items.length - 1 ? ' is-selected' : ''}`}
              data-testid="palette-search-all"
              onMouseMove={(event) => {
                if (pointerMoved(event)) choose(items.length - 1);
              }}
              onClick={() => run({ kind: 'search-all' })}
            >
              Search everything for “{query.trim()}” ↵
            </li>
          )}
        </ul>
        {state.state === 'ready' && hits.length === 0 && query.trim() !== '' && (
          <p className="palette-empty muted" data-testid="palette-empty">
            No matching notes, sources, quotes or people.
          </p>
        )}
      </div>
    </div>
  );
}
