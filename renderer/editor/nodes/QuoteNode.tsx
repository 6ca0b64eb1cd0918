/**
 * A quote embedded in a note: the source's exact words with speaker and source. Its text cannot be
 * edited in place (that would silently misquote); editing turns it into a {@link ParaphraseNode}.
 * Stored notes depend on the type string 'dossier-quote'.
 */
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { lazy, Suspense, type JSX } from 'react';
import { citationFrom, citationLine, type Citation, type QuotePayload } from './citation';
import { NODE_TYPES } from '../../../shared/note-format/nodes';

const QuoteComponent = lazy(() => import('./QuoteComponent'));

/** Stored form of a {@link QuoteNode}. */
export type SerializedQuoteNode = Spread<Citation & { text: string }, SerializedLexicalNode>;

function $convertQuoteElement(element: HTMLElement): DOMConversionOutput | null {
  const json = element.getAttribute('data-dossier-quote');
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const text = element.querySelector('blockquote')?.textContent ?? '';
    return { node: $createQuoteNode({ ...citationFrom(value), text }) };
  } catch {
    return null;
  }
}

/** A block that shows a quote; selected and deleted as a whole. */
export class QuoteNode extends DecoratorNode<JSX.Element> {
  __quote: QuotePayload;

  static override getType(): string {
    return NODE_TYPES.quote;
  }

  static override clone(node: QuoteNode): QuoteNode {
    return new QuoteNode(node.__quote, node.__key);
  }

  constructor(quote?: QuotePayload, key?: NodeKey) {
    super(key);
    this.__quote = quote ?? { ...citationFrom({}), text: '' };
  }

  static override importJSON(serialized: SerializedQuoteNode): QuoteNode {
    return $createQuoteNode({
      ...citationFrom(serialized),
      text: String(serialized.text ?? ''),
    }).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedQuoteNode>): this {
    const self = super.updateFromJSON(serialized).getWritable();
    self.__quote = { ...citationFrom(serialized), text: String(serialized.text ?? '') };
    return self;
  }

  override exportJSON(): SerializedQuoteNode {
    return { ...super.exportJSON(), ...this.getQuote() };
  }

  /** The quoted words and their citation. */
  getQuote(): QuotePayload {
    return this.getLatest().__quote;
  }

  /** The quoted words (so copying and plain-text views include them). */
  override getTextContent(): string {
    return this.getLatest().__quote.text;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('div');
    dom.className = config.theme.dossierQuote ?? 'dossier-quote-block';
    return dom;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const { text, ...citation } = this.__quote;
    const figure = document.createElement('figure');
    figure.setAttribute('data-dossier-quote', JSON.stringify(citation));
    const quote = document.createElement('blockquote');
    quote.textContent = text;
    const caption = document.createElement('figcaption');
    caption.textContent = citationLine(citation);
    figure.append(quote, caption);
    return { element: figure };
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      figure: (domNode: HTMLElement) =>
        domNode.hasAttribute('data-dossier-quote') ? { conversion: $convertQuoteElement, priority: 2 } : null,
    };
  }

  override isInline(): false {
    return false;
  }

  override decorate(): JSX.Element {
    return (
      <Suspense fallback={<blockquote className="dossier-quote">{this.__quote.text}</blockquote>}>
        <QuoteComponent nodeKey={this.__key} quote={this.__quote} />
      </Suspense>
    );
  }
}

/** A quote block with `quote`'s words and citation. */
export function $createQuoteNode(quote: QuotePayload): QuoteNode {
  return $applyNodeReplacement(new QuoteNode(quote));
}

/** Whether `node` is a {@link QuoteNode}. */
export function $isQuoteNode(node: LexicalNode | null | undefined): node is QuoteNode {
  return node instanceof QuoteNode;
}
