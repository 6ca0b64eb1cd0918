/**
 * One typeahead for everything a note can point at: `@name` (people, places, organisations), `#name`
 * (events, topics), `[[title` (notes) and `/quote words` (quotes; the menu opens as soon as `/quote` is
 * typed, its first option the Quotes panel, so `/quote` + Enter opens the picker instead of leaving the
 * text). Suggestions come from the API (names and aliases, note titles, quote text) after a short pause
 * in typing; the last option creates what was typed. Enter/Tab pick, arrows move, Escape closes
 * (Lexical's menu handles the keys); Enter before the list has answered the last letters typed takes the
 * first option of their answer, not the row on screen.
 */
import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuTextMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type TextNode,
} from 'lexical';
import { useCallback, useEffect, useMemo, useState, type JSX } from 'react';
import { createPortal } from 'react-dom';
import type { EntityKind } from '../../../../shared/model';
import { api } from '../../../api';
import { $createMentionNode } from '../../nodes/MentionNode';
import { $createNoteLinkNode } from '../../nodes/NoteLinkNode';
import { citationLine } from '../../nodes/citation';
import { OPEN_QUOTE_PANEL_COMMAND } from '../QuotePlugin';
import { $insertQuoteAtCaret } from '../QuotePlugin/insert';
import { quotePayloadOf } from '../QuotePlugin/quotes';
import { pointerMoved } from '../../../shell/pointer';
import './typeahead.css';

type Trigger = '@' | '#' | '[[' | '/quote';

const KINDS: Record<'@' | '#', EntityKind[]> = { '@': ['person', 'place', 'org'], '#': ['event', 'topic'] };
const DEBOUNCE_MS = 120;
const LIMIT = 8;

// `@Put`, `#cease fire` (no newline), `[[Some title`, `/quote` or `/quote words`; the trigger must
// start a word (and `/quote` end one: `/quotes` is text).
const PATTERN = /(^|\s|\()(\[\[|@|#|\/quote(?= |$))([^\n@#[\]]{0,60})$/;

/** What typing after the trigger currently means. */
export function matchTrigger(text: string): (MenuTextMatch & { trigger: Trigger }) | null {
  const match = PATTERN.exec(text);
  if (match === null) return null;
  const trigger = match[2] as Trigger;
  const typed = match[3] ?? '';
  if ((trigger === '@' || trigger === '#') && (typed.startsWith(' ') || typed.length > 40)) return null;
  return {
    leadOffset: match.index + (match[1] ?? '').length,
    // `/quote words`: the words, without the space that separates them from the trigger.
    matchingString: trigger === '/quote' ? typed.replace(/^ /, '') : typed,
    replaceableString: `${trigger}${typed}`,
    trigger,
  };
}

/**
 * What the text before the caret means, read inside the editor's state: nothing inside a link, whose
 * words are an address ("#/search?q=…" is no topic being typed). Without this, the caret left at the
 * end of a link just made, or put inside one by a click, opened "Create topic" over it.
 */
export function $triggerAtCaret(text: string): ReturnType<typeof matchTrigger> {
  const selection = $getSelection();
  if ($isRangeSelection(selection) && $findMatchingParent(selection.anchor.getNode(), $isLinkNode) !== null)
    return null;
  return matchTrigger(text);
}

/** Shifts the menu left when it would run past the window's right edge (a caret near the margin). */
function keepInView(list: HTMLUListElement | null): void {
  if (list === null) return;
  list.style.transform = '';
  const overflow = list.getBoundingClientRect().right - (window.innerWidth - 12);
  if (overflow > 0) list.style.transform = `translateX(${-Math.ceil(overflow)}px)`;
}

const LEXICAL_ANCHOR_LABEL = 'Typeahead menu';

/**
 * Lexical positions the menu in a div it appends to the page's body, labelled as a "Typeahead menu"
 * listbox, and appends one as soon as the editor mounts: an empty, hidden listbox outside every
 * landmark on every screen (axe-core: region). The list inside is our own listbox, so the wrapper is
 * only a positioning box: its role and label are taken off whenever Lexical (re)attaches it.
 */
function useQuietMenuAnchor(): void {
  useEffect(() => {
    const quiet = (node: Node): void => {
      if (node instanceof HTMLElement && node.getAttribute('aria-label') === LEXICAL_ANCHOR_LABEL) {
        node.removeAttribute('role');
        node.removeAttribute('aria-label');
      }
    };
    document.body.childNodes.forEach(quiet);
    const observer = new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach(quiet);
    });
    observer.observe(document.body, { childList: true });
    return () => observer.disconnect();
  }, []);
}

class ReferenceOption extends MenuOption {
  constructor(
    key: string,
    readonly label: string,
    readonly detail: string,
    readonly pick: () => Promise<void> | void,
    /** For a reference (person, event, note…): the node it inserts, made once its target exists. */
    readonly resolve?: () => Promise<() => LexicalNode>,
  ) {
    super(key);
  }
}

export function ReferenceTypeaheadPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  useQuietMenuAnchor();
  const [match, setMatch] = useState<{ trigger: Trigger; query: string } | null>(null);
  const [options, setOptions] = useState<ReferenceOption[]>([]);
  // The words `options` answer: the list on screen is the previous words' until the next answer is in.
  const [answered, setAnswered] = useState<{ trigger: Trigger; query: string } | null>(null);
  // Said in place of the list when `/quote` finds nothing or cannot search, so the user is not left
  // wondering whether it is still looking; kept with the query it answers, never shown for other words.
  const [notice, setNotice] = useState<{ query: string; text: string } | null>(null);

  // The typed "@Put" is removed as soon as an option is picked (the caret stays there) and the reference
  // is inserted at the caret.
  const insertAtMatch = useCallback(
    (build: () => LexicalNode[]) => {
      editor.update(() => {
        if ($getSelection() === null) $getRoot().selectEnd();
        $insertNodes(build());
      });
    },
    [editor],
  );

  // When an entity or note must be created first, its name goes in at once as a placeholder, so what
  // the user types meanwhile lands after it; the placeholder becomes the reference when the API
  // answers, or stays as plain text if creating failed (nothing typed is lost).
  const insertPending = useCallback(
    (name: string, create: () => Promise<() => LexicalNode>) => {
      let key: NodeKey | null = null;
      editor.update(() => {
        if ($getSelection() === null) $getRoot().selectEnd();
        const placeholder = $createTextNode(name).setMode('token');
        $insertNodes([placeholder, $createTextNode(' ')]);
        key = placeholder.getKey();
      });
      const settle = (build: (() => LexicalNode) | null): void =>
        editor.update(
          () => {
            const placeholder = key === null ? null : $getNodeByKey(key);
            if (!$isTextNode(placeholder)) return;
            if (build === null) placeholder.setMode('normal');
            else placeholder.replace(build());
          },
          { tag: 'history-merge' },
        );
      return create().then(settle, (err: unknown) => {
        settle(null);
        console.error('Could not create the reference', err);
      });
    },
    [editor],
  );

  // An option for something that exists: it inserts `node` (and a space) where the trigger was typed.
  const referenceTo = useCallback(
    (key: string, label: string, detail: string, node: () => LexicalNode): ReferenceOption =>
      new ReferenceOption(
        key,
        label,
        detail,
        () => insertAtMatch(() => [node(), $createTextNode(' ')]),
        () => Promise.resolve(node),
      ),
    [insertAtMatch],
  );

  // The options for what follows a trigger, from the API.
  const loadOptions = useCallback(
    async (
      trigger: Trigger,
      query: string,
    ): Promise<{ options: ReferenceOption[]; notice: string | null }> => {
      const q = query.trim();
      if (trigger === '@' || trigger === '#') {
        const kinds = KINDS[trigger];
        const found = await api.listEntities({ kinds, query: q, limit: LIMIT }).catch(() => []);
        const options = found.map((e) =>
          referenceTo(`e:${e.id}`, e.name, e.kind, () => $createMentionNode(e.id, e.kind, e.name)),
        );
        const exact = found.some((e) => e.name.toLowerCase() === q.toLowerCase());
        if (q !== '' && !exact) {
          const kind: EntityKind = trigger === '#' ? 'topic' : 'person';
          const create = async (): Promise<() => LexicalNode> => {
            const e = await api.createEntity({ kind, name: q });
            return () => $createMentionNode(e.id, e.kind, e.name);
          };
          options.push(
            new ReferenceOption(`new:${q}`, `Create '${q}'`, kind, () => insertPending(q, create), create),
          );
        }
        return { options, notice: null };
      }
      if (trigger === '[[') {
        const notes = await api.listNotes().catch(() => []);
        const lower = q.toLowerCase();
        const hits = notes
          .filter((n) => n.title !== '' && n.title.toLowerCase().includes(lower))
          .slice(0, LIMIT);
        const options = hits.map((n) =>
          referenceTo(`n:${n.id}`, n.title, 'note', () => $createNoteLinkNode(n.id, n.title)),
        );
        if (q !== '' && !hits.some((n) => n.title.toLowerCase() === lower)) {
          const create = async (): Promise<() => LexicalNode> => {
            const note = await api.createNote({ title: q });
            return () => $createNoteLinkNode(note.id, note.title);
          };
          options.push(
            new ReferenceOption(
              `new-note:${q}`,
              `Create note '${q}'`,
              'note',
              () => insertPending(q, create),
              create,
            ),
          );
        }
        return { options, notice: null };
      }
      let quotes;
      try {
        quotes = await api.listQuotes({ query: q, limit: LIMIT });
      } catch (err) {
        console.error('Could not search the quotes', err);
        return { options: [], notice: 'Could not search the quotes' };
      }
      if (quotes.length === 0) {
        return {
          options: [],
          notice: q === '' ? 'No quotes yet: clip an article first' : `No quote has the words “${q}”`,
        };
      }
      const found = quotes.map((quote) => {
        const payload = quotePayloadOf(quote);
        return new ReferenceOption(`q:${quote.id}`, `“${quote.text}”`, citationLine(payload), () =>
          editor.update(() => {
            if ($getSelection() === null) $getRoot().selectEnd();
            $insertQuoteAtCaret(payload);
          }),
        );
      });
      return { options: found, notice: null };
    },
    [referenceTo, insertPending, editor],
  );

  useEffect(() => {
    if (match === null) return;
    let cancelled = false;
    const { trigger, query } = match;
    const timer = setTimeout(() => {
      void loadOptions(trigger, query).then((next) => {
        if (cancelled) return;
        setOptions(next.options);
        setAnswered({ trigger, query });
        setNotice(next.notice === null ? null : { query, text: next.notice });
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [match, loadOptions]);

  // Lexical asks inside a read of the editor's state; the read here says so (and reads the same state).
  const triggerFn = useCallback((text: string, asking: LexicalEditor) => {
    const found = asking.getEditorState().read(() => $triggerAtCaret(text));
    setMatch((prev) =>
      found === null
        ? null
        : prev?.trigger === found.trigger && prev.query === found.matchingString
          ? prev
          : { trigger: found.trigger, query: found.matchingString },
    );
    return found;
  }, []);

  // Whether the rows on screen answer the words typed so far (the search waits for a pause in typing):
  // Enter reads it (below), and the list says so to assistive technology (and to the end-to-end tests)
  // as aria-busy.
  const isAnswered =
    match !== null &&
    answered !== null &&
    answered.trigger === match.trigger &&
    answered.query === match.query;

  /**
   * Enter on the first row while the list still answers shorter words ("@Jo" listed Joe Biden first,
   * "@John" is typed and not yet answered): the reference goes in for what was typed, the first option
   * of its own answer, not the row on screen. A row the user chose (the arrows, the pointer: not the
   * first one) is taken as chosen.
   */
  const onSelectOption = useCallback(
    (option: ReferenceOption, target: TextNode | null, closeMenu: () => void) => {
      const stale = match !== null && match.trigger !== '/quote' && match.query.trim() !== '' && !isAnswered;
      target?.remove();
      closeMenu();
      if (stale && option.resolve !== undefined && options[0] === option) {
        const { trigger, query } = match;
        void insertPending(query.trim(), async () => {
          const first = (await loadOptions(trigger, query)).options[0];
          if (first?.resolve === undefined) throw new Error(`nothing to refer to for “${query.trim()}”`);
          return first.resolve();
        });
        return;
      }
      void option.pick();
    },
    [match, isAnswered, options, insertPending, loadOptions],
  );

  // `/quote` with no words yet: the Quotes panel first, at once (not after the search's pause), so Enter
  // right after typing it opens the picker; then the newest quotes once they are loaded.
  const pickerOption = useMemo(
    () =>
      new ReferenceOption(
        'open-quote-panel',
        'Choose a quote…',
        'search every quote in the Quotes panel',
        () => {
          editor.dispatchCommand(OPEN_QUOTE_PANEL_COMMAND, undefined);
        },
      ),
    [editor],
  );
  const quotePicker = match?.trigger === '/quote' && match.query.trim() === '';
  const shown = useMemo(
    () => (match === null ? [] : quotePicker ? [pickerOption, ...options] : options),
    [match, quotePicker, pickerOption, options],
  );

  const emptyText =
    match?.trigger === '/quote' && notice !== null && notice.query === match.query ? notice.text : null;

  const menu = useMemo(
    () =>
      (
        anchor: { current: HTMLElement | null },
        {
          selectedIndex,
          selectOptionAndCleanUp,
          setHighlightedIndex,
        }: {
          selectedIndex: number | null;
          selectOptionAndCleanUp: (o: ReferenceOption) => void;
          setHighlightedIndex: (i: number) => void;
        },
      ) =>
        anchor.current === null
          ? null
          : shown.length === 0
            ? emptyText === null
              ? null
              : createPortal(
                  <div
                    className="reference-typeahead is-quotes is-empty"
                    role="status"
                    data-testid="reference-typeahead-empty"
                  >
                    {emptyText}
                  </div>,
                  anchor.current,
                )
            : createPortal(
                <ul
                  ref={(list) => keepInView(list)}
                  className={`reference-typeahead${match?.trigger === '/quote' ? ' is-quotes' : ''}`}
                  role="listbox"
                  aria-label={match?.trigger === '/quote' ? 'Quotes' : 'References'}
                  data-testid="reference-typeahead"
                  data-query={match?.query}
                  aria-busy={!isAnswered}
                >
                  {shown.map((option, i) => (
                    <li
                      key={option.key}
                      ref={option.setRefElement}
                      role="option"
                      aria-selected={selectedIndex === i}
                      className={selectedIndex === i ? 'is-selected' : undefined}
                      data-testid="reference-option"
                      onMouseMove={(event) => {
                        if (pointerMoved(event) && selectedIndex !== i) setHighlightedIndex(i);
                      }}
                      onMouseDown={(event) => {
                        event.preventDefault();
                        selectOptionAndCleanUp(option);
                      }}
                    >
                      <span className="reference-label">{option.label}</span>
                      <span className="reference-detail">{option.detail}</span>
                    </li>
                  ))}
                </ul>,
                anchor.current,
              ),
    [shown, emptyText, match?.trigger, match?.query, isAnswered],
  );

  return (
    <LexicalTypeaheadMenuPlugin<ReferenceOption>
      options={shown}
      onQueryChange={() => undefined}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      menuRenderFn={menu}
      preselectFirstItem
    />
  );
}
