/**
 * An edited quote: ordinary editable text that still cites where it came from (the citation line is
 * shown after the text). Created when the user edits a quote block (QuoteNode); undo restores the quote.
 * Stored notes depend on the type string 'dossier-paraphrase'.
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $createTextNode,
  ElementNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { citationFrom, citationLine, type Citation, type QuoteHolder } from './citation';
import { NODE_TYPES } from '../../../shared/note-format/nodes';

/** Stored form of a {@link ParaphraseNode}. */
export type SerializedParaphraseNode = Spread<Citation, SerializedElementNode>;

function $convertParaphraseElement(element: HTMLElement): DOMConversionOutput | null {
  const json = element.getAttribute('data-dossier-paraphrase');
  if (json === null) return null;
  try {
    return { node: $createParaphraseNode(citationFrom(JSON.parse(json) as Record<string, unknown>)) };
  } catch {
    return null;
  }
}

/**
 * The citation is shown by CSS (::after) so it is visible but never part of the editable text. With a
 * source it is styled as a link (data-source-id) and a click on it opens the reader there
 * (ReferenceClickPlugin, which reads the node's citation).
 */
function setCitationAttributes(dom: HTMLElement, citation: Citation): void {
  dom.setAttribute('data-citation', `Paraphrase of ${citationLine(citation)}`);
  if (citation.sourceId === null) {
    dom.removeAttribute('data-source-id');
    dom.removeAttribute('title');
    return;
  }
  dom.setAttribute('data-source-id', citation.sourceId);
  dom.title = 'Click the citation, or press Alt+Enter, to open the source at these words';
}

/** An editable block with a citation. */
export class ParaphraseNode extends ElementNode {
  __citation: Citation;

  static override getType(): string {
    return NODE_TYPES.paraphrase;
  }

  static override clone(node: ParaphraseNode): ParaphraseNode {
    return new ParaphraseNode(node.__citation, node.__key);
  }

  constructor(citation?: Citation, key?: NodeKey) {
    super(key);
    this.__citation = citation ?? citationFrom({});
  }

  static override importJSON(serialized: SerializedParaphraseNode): ParaphraseNode {
    return $createParaphraseNode(citationFrom(serialized)).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedParaphraseNode>): this {
    const self = super.updateFromJSON(serialized).getWritable();
    self.__citation = citationFrom(serialized);
    return self;
  }

  override exportJSON(): SerializedParaphraseNode {
    return { ...super.exportJSON(), ...this.getCitation() };
  }

  /** What the paraphrase cites. */
  getCitation(): Citation {
    return this.getLatest().__citation;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('p');
    dom.className = config.theme.dossierParaphrase ?? 'dossier-paraphrase';
    dom.setAttribute('data-testid', 'paraphrase');
    setCitationAttributes(dom, this.__citation);
    return dom;
  }

  override updateDOM(prev: ParaphraseNode, dom: HTMLElement): boolean {
    if (prev.__citation !== this.__citation) setCitationAttributes(dom, this.__citation);
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('p');
    element.setAttribute('data-dossier-paraphrase', JSON.stringify(this.__citation));
    return {
      element,
      after: (generated) => {
        if (generated instanceof HTMLElement) {
          const cite = document.createElement('cite');
          cite.textContent = ` (${citationLine(this.__citation)})`;
          generated.append(cite);
        }
        return generated;
      },
    };
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      p: (domNode: HTMLElement) =>
        domNode.hasAttribute('data-dossier-paraphrase')
          ? { conversion: $convertParaphraseElement, priority: 2 }
          : null,
    };
  }

  // Enter at the end leaves the paraphrase for an ordinary paragraph, like a heading does.
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override canBeEmpty(): false {
    return false;
  }
}

/** An empty paraphrase citing `citation`. */
export function $createParaphraseNode(citation: Citation): ParaphraseNode {
  return $applyNodeReplacement(new ParaphraseNode(citation));
}

/** Whether `node` is a {@link ParaphraseNode}. */
export function $isParaphraseNode(node: LexicalNode | null | undefined): node is ParaphraseNode {
  return node instanceof ParaphraseNode;
}

/**
 * Replaces `quote` with a paraphrase holding its words and citation, and returns it. Run inside an
 * update: one history entry, so undo brings the quote back.
 */
export function $convertQuoteToParaphrase(quote: QuoteHolder): ParaphraseNode {
  const { text, ...citation } = quote.getQuote();
  const paraphrase = $createParaphraseNode(citation);
  paraphrase.append($createTextNode(text));
  quote.replace(paraphrase);
  return paraphrase;
}
