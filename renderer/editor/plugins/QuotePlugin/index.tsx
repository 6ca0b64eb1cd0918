/**
 * Quotes in the editor: INSERT_QUOTE_COMMAND, quotes queued by other screens (requestQuoteInsert),
 * quotes dropped on the editor ('application/x-dossier-quote'), and the rule that a quote's words are
 * never edited silently: typing, pasting or Backspace-in-text on a selected quote turns it into a
 * paraphrase first (one undo step brings the quote back).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getSelection,
  $insertNodes,
  $isNodeSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  PASTE_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { QUOTE_MIME_TYPE, quotePayloadFrom, type QuotePayload } from '../../nodes/citation';
import { $convertQuoteToParaphrase } from '../../nodes/ParaphraseNode';
import { $createQuoteNode, $isQuoteNode } from '../../nodes/QuoteNode';
import { onQuoteRequested, takePendingQuotes } from './quotes';

export { requestQuoteInsert } from './quotes';

/** Inserts a quote block at the caret. */
export const INSERT_QUOTE_COMMAND: LexicalCommand<QuotePayload> = createCommand('INSERT_QUOTE_COMMAND');

/** Turns a selected quote into a paraphrase; false when no quote is selected. */
function $paraphraseSelectedQuote(): boolean {
  const selection = $getSelection();
  if (!$isNodeSelection(selection)) return false;
  const quote = selection.getNodes().find($isQuoteNode);
  if (quote === undefined) return false;
  $convertQuoteToParaphrase(quote).selectEnd();
  return true;
}

export function QuotePlugin(): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const insertPending = (): void => {
      const quotes = takePendingQuotes();
      if (quotes.length > 0) editor.update(() => $insertNodes(quotes.map($createQuoteNode)));
    };
    insertPending();
    return mergeRegister(
      onQuoteRequested(insertPending),
      editor.registerCommand(
        INSERT_QUOTE_COMMAND,
        (quote) => {
          $insertNodes([$createQuoteNode(quote)]);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes(QUOTE_MIME_TYPE)) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const data = event.dataTransfer?.getData(QUOTE_MIME_TYPE);
          const quote = data ? quotePayloadFrom(data) : null;
          if (quote === null) return false;
          event.preventDefault();
          // Drop where the pointer is: after the block under it, or at the end.
          const target = event.target instanceof Node ? $getNearestNodeFromDOMNode(event.target) : null;
          const block = target?.getTopLevelElement() ?? null;
          const node = $createQuoteNode(quote);
          if (block !== null) block.insertAfter(node);
          else $insertNodes([node]);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        CONTROLLED_TEXT_INSERTION_COMMAND,
        $paraphraseSelectedQuote,
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(PASTE_COMMAND, $paraphraseSelectedQuote, COMMAND_PRIORITY_HIGH),
    );
  }, [editor]);

  return null;
}
