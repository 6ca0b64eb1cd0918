/**
 * How a quote block looks and behaves: click opens the source at the quoted words; "Edit" (or typing
 * while it is selected, see QuotePlugin) turns it into a paraphrase.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, type NodeKey } from 'lexical';
import type { JSX, MouseEvent } from 'react';
import { useNavigate } from '../../shell/navigation';
import { $isQuoteHolder, citationLine, readerRouteOf, type QuotePayload } from './citation';
import { $convertQuoteToParaphrase } from './ParaphraseNode';

export default function QuoteComponent({
  nodeKey,
  quote,
}: {
  nodeKey: NodeKey;
  quote: QuotePayload;
}): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const navigate = useNavigate();

  const open = (event: MouseEvent): void => {
    event.preventDefault();
    event.stopPropagation();
    const route = readerRouteOf(quote);
    if (route !== null) navigate(route);
  };

  const paraphrase = (event: MouseEvent): void => {
    // Not also a click on the block, which would select the quote this replaces.
    event.stopPropagation();
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isQuoteHolder(node)) $convertQuoteToParaphrase(node).selectEnd();
    });
    // The button had the focus; give it back to the text so typing goes into the paraphrase.
    editor.focus();
  };

  return (
    <figure
      className={`dossier-quote${isSelected ? ' is-selected' : ''}`}
      data-testid="quote-block"
      data-quote-id={quote.quoteId ?? ''}
      onClick={(event) => {
        if (!event.shiftKey) clearSelection();
        setSelected(true);
      }}
    >
      <blockquote>“{quote.text}”</blockquote>
      <figcaption>
        <a
          href="#"
          className="dossier-quote-source"
          data-testid="quote-open-source"
          title="Open the source at these words (Alt+Enter when the quote is selected)"
          onClick={open}
        >
          {citationLine(quote) || 'Unknown source'}
        </a>
        <button type="button" className="dossier-quote-edit" data-testid="quote-edit" onClick={paraphrase}>
          Edit as paraphrase
        </button>
      </figcaption>
    </figure>
  );
}
