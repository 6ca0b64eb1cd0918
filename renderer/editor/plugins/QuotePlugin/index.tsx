/**
 * Quotes in the editor: INSERT_QUOTE_COMMAND, quotes queued by other screens (requestQuoteInsert),
 * quotes dropped on the editor ('application/x-dossier-quote'), and the rule that a quote's words are
 * never edited silently: typing or pasting while a quote is selected turns it into a paraphrase that
 * takes the edit (one undo step brings the quote back). Backspace/Delete remove a selected quote whole.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $createParagraphNode,
  $createRangeSelectionFromDom,
  $getRoot,
  $getNearestNodeFromDOMNode,
  $hasUpdateTag,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  HISTORY_MERGE_TAG,
  TextNode,
  type LexicalCommand,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import { QUOTE_MIME_TYPE, quotePayloadFrom, type QuotePayload } from '../../nodes/citation';
import { $convertQuoteToParaphrase } from '../../nodes/ParaphraseNode';
import { $isQuoteNode, type QuoteNode } from '../../nodes/QuoteNode';
import { $insertQuoteAtCaret, $insertQuoteBeside } from './insert';
import { onQuoteRequested, takePendingQuotes } from './quotes';

export { requestQuoteInsert } from './quotes';

/** Opens the Quotes panel beside the note (the quote picker) with the focus in its search box. */
export const OPEN_QUOTE_PANEL_COMMAND: LexicalCommand<void> = createCommand('OPEN_QUOTE_PANEL_COMMAND');

/** Inserts a quote block at the caret. */
export const INSERT_QUOTE_COMMAND: LexicalCommand<QuotePayload> = createCommand('INSERT_QUOTE_COMMAND');

/**
 * Turns a selected quote into a paraphrase with the caret at its end, and returns false so the typed or
 * pasted text is then inserted there by the rich-text plugin: the user sees their edit, in a block that
 * says it is a paraphrase. One undo brings the quote back (see TypingBurst).
 */
function $paraphraseSelectedQuote(burst: TypingBurst): boolean {
  $paraphraseSelectedQuoteAtEnd(burst);
  return false;
}

/** Whether the element is inside a block Lexical draws itself, such as a quote (no caret there). */
const inDecorator = (element: Element): boolean =>
  element.closest('[data-lexical-decorator="true"]') !== null;

/**
 * Before an arrow key moves up or down (into a quote block above or below, say): takes the caret the
 * page shows when Lexical has not heard of it yet. Lexical learns of a click's or an End key's new caret
 * from the `selectionchange` event that follows, which an arrow key pressed right after can beat; the
 * arrow then moved from the old caret, from none, or out of the quote selected before the click, and a
 * quick "click, End, Down" sometimes never reached the quote. While a quote is selected the page may
 * still show the caret from before (arrow keys select a quote without moving it), so then the page's
 * caret counts only after a click in the text (`clicked`). Returns false: the rich-text plugin then
 * moves from the right place.
 */
function $takeCaretFromPage(editor: LexicalEditor, clicked: boolean): boolean {
  const shown = window.getSelection();
  const root = editor.getRootElement();
  if (shown === null || shown.anchorNode === null || root === null || !root.contains(shown.anchorNode))
    return false;
  const anchor = shown.anchorNode instanceof Element ? shown.anchorNode : shown.anchorNode.parentElement;
  if (anchor === null || inDecorator(anchor)) return false;
  const current = $getSelection();
  if ($isNodeSelection(current) && !clicked) return false;
  const fromPage = $createRangeSelectionFromDom(shown, editor);
  if (fromPage !== null && !(current !== null && fromPage.is(current))) $setSelection(fromPage);
  return false;
}

/**
 * A printable key pressed while a quote is selected: the browser has no caret in the (non-editable)
 * block, so no text input event follows; convert here and type the character into the paraphrase.
 */
function $typeIntoSelectedQuote(event: KeyboardEvent, burst: TypingBurst): boolean {
  if ($moveFromSelectedQuote(event)) return true;
  if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
    return false;
  if (!$paraphraseSelectedQuoteAtEnd(burst)) return false;
  event.preventDefault();
  const selection = $getSelection();
  if ($isRangeSelection(selection)) selection.insertText(event.key);
  return true;
}

/** The quote a node selection holds, if any. */
function $selectedQuote(): QuoteNode | undefined {
  const selection = $getSelection();
  return $isNodeSelection(selection) ? selection.getNodes().find($isQuoteNode) : undefined;
}

/**
 * Keys that leave a selected quote, which the browser cannot do alone (there is no caret in the block):
 * Enter opens a new line after it, Ctrl/⌘+Home and End go to the start and end of the note.
 */
function $moveFromSelectedQuote(event: KeyboardEvent): boolean {
  const modifier = event.ctrlKey || event.metaKey;
  const enter = event.key === 'Enter' && !modifier && !event.altKey && !event.shiftKey;
  const jump = modifier && !event.altKey && !event.shiftKey && (event.key === 'Home' || event.key === 'End');
  if (!enter && !jump) return false;
  const quote = $selectedQuote();
  if (quote === undefined) return false;
  event.preventDefault();
  if (enter) {
    const paragraph = $createParagraphNode();
    quote.insertAfter(paragraph);
    paragraph.select();
  } else if (event.key === 'Home') {
    $getRoot().selectStart();
  } else {
    $getRoot().selectEnd();
  }
  return true;
}

function $paraphraseSelectedQuoteAtEnd(burst: TypingBurst): boolean {
  const quote = $selectedQuote();
  if (quote === undefined) return false;
  const paraphrase = $convertQuoteToParaphrase(quote);
  paraphrase.selectEnd();
  burst.start(paraphrase.getKey());
  return true;
}

/**
 * The typing that turned a quote into a paraphrase, kept as one undo step with the conversion: the
 * keystrokes that follow in the same paraphrase without a pause are merged into that history entry,
 * so a single Ctrl+Z gives the exact quote back rather than a paraphrase missing its last words.
 */
class TypingBurst {
  private key: NodeKey | null = null;
  private last = 0;

  start(key: NodeKey): void {
    this.key = key;
    this.last = performance.now();
    $addUpdateTag(CONVERSION_TAG);
  }

  /** Text node transform: tags the update for merging while the burst lasts. */
  readonly $onText = (node: TextNode): void => {
    if (this.key === null || $hasUpdateTag(CONVERSION_TAG) || $hasUpdateTag(HISTORY_MERGE_TAG)) return;
    const now = performance.now();
    if (now - this.last > BURST_PAUSE_MS || node.getParent()?.getKey() !== this.key) {
      this.key = null;
      return;
    }
    this.last = now;
    $addUpdateTag(HISTORY_MERGE_TAG);
  };
}

const CONVERSION_TAG = 'dossier-quote-paraphrased';
// Matches @lexical/history's own merge window for consecutive typing.
const BURST_PAUSE_MS = 1000;

const DROP_TARGET_CLASS = 'is-quote-drop-target';

/** The top-level block element under a drop, and whether the pointer is in its upper half. */
function dropPlace(root: HTMLElement | null, event: DragEvent): { element: Element | null; before: boolean } {
  let element = event.target instanceof Element ? event.target : null;
  while (element !== null && element.parentElement !== root) element = element.parentElement;
  if (element === null) return { element: null, before: false };
  const rect = element.getBoundingClientRect();
  return { element, before: event.clientY < rect.top + rect.height / 2 };
}

export function QuotePlugin(): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const insertPending = (): void => {
      const quotes = takePendingQuotes();
      if (quotes.length === 0) return;
      editor.update(() => {
        for (const quote of quotes) $insertQuoteAtCaret(quote);
      });
      editor.focus();
    };
    insertPending();
    const burst = new TypingBurst();
    let clicked = false;
    // An arrow key uses up the click: the next one moves from wherever Lexical then is.
    const $takeCaret = (): boolean => {
      const taken = $takeCaretFromPage(editor, clicked);
      clicked = false;
      return taken;
    };
    const onTextClick = (event: MouseEvent): void => {
      if (event.target instanceof Element && !inDecorator(event.target)) clicked = true;
    };
    const clearDropTarget = (): void => editor.getRootElement()?.classList.remove(DROP_TARGET_CLASS);
    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('dragleave', clearDropTarget);
        root?.addEventListener('dragleave', clearDropTarget);
        // A click in the text since Lexical last changed its selection, for $takeCaretFromPage.
        previous?.removeEventListener('mousedown', onTextClick);
        root?.addEventListener('mousedown', onTextClick);
      }),
      onQuoteRequested(insertPending),
      editor.registerCommand(
        INSERT_QUOTE_COMMAND,
        (quote) => {
          $insertQuoteAtCaret(quote);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes(QUOTE_MIME_TYPE)) return false;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          editor.getRootElement()?.classList.add(DROP_TARGET_CLASS);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          clearDropTarget();
          const data = event.dataTransfer?.getData(QUOTE_MIME_TYPE);
          const quote = data ? quotePayloadFrom(data) : null;
          if (quote === null) return false;
          event.preventDefault();
          // Drop where the pointer is: before or after the block under it, or at the end of the note.
          const place = dropPlace(editor.getRootElement(), event);
          const node = place.element === null ? null : $getNearestNodeFromDOMNode(place.element);
          $insertQuoteBeside(quote, node?.getTopLevelElement() ?? node ?? null, place.before);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        CONTROLLED_TEXT_INSERTION_COMMAND,
        () => $paraphraseSelectedQuote(burst),
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(PASTE_COMMAND, () => $paraphraseSelectedQuote(burst), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => $typeIntoSelectedQuote(event, burst),
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerUpdateListener(({ editorState, prevEditorState }) => {
        const now = editorState.read($getSelection);
        const before = prevEditorState.read($getSelection);
        if (now !== before && !(now !== null && before !== null && now.is(before))) clicked = false;
      }),
      editor.registerCommand(KEY_ARROW_DOWN_COMMAND, $takeCaret, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(KEY_ARROW_UP_COMMAND, $takeCaret, COMMAND_PRIORITY_HIGH),
      editor.registerNodeTransform(TextNode, burst.$onText),
    );
  }, [editor]);

  return null;
}
