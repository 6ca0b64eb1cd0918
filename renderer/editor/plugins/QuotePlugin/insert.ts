/**
 * Where a quote block lands in a note. Every way in (`/quote`, the reader's "Quote in note", the
 * Quotes panel, drag and drop) goes through here so they behave alike: the block sits between
 * paragraphs (never inside one), an empty line the caret was on is replaced rather than left behind,
 * and there is always a paragraph after it to keep writing in.
 */
import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createNodeSelection,
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $setSelection,
  type LexicalNode,
} from 'lexical';
import type { QuotePayload } from '../../nodes/citation';
import { $createQuoteNode, type QuoteNode } from '../../nodes/QuoteNode';

/** Puts the caret at the start of the block after `quote` (adding a paragraph when there is none). */
function $continueAfter(quote: QuoteNode): void {
  let next: LexicalNode | null = quote.getNextSibling();
  if (next === null) {
    next = $createParagraphNode();
    quote.insertAfter(next);
  }
  if ($isElementNode(next)) {
    next.selectStart();
  } else {
    // Another block decorator follows: keep this quote selected instead of inventing an empty line.
    const selection = $createNodeSelection();
    selection.add(quote.getKey());
    $setSelection(selection);
  }
}

/** Inserts a quote block at the caret (or at the end of the note) and moves the caret past it. */
export function $insertQuoteAtCaret(quote: QuotePayload): QuoteNode {
  const node = $createQuoteNode(quote);
  const selection = $getSelection();
  if (selection === null) $getRoot().selectEnd();
  const current = $getSelection();
  const block = $isRangeSelection(current) ? current.anchor.getNode().getTopLevelElement() : null;
  if (block !== null && $isParagraphNode(block) && block.getTextContent().trim() === '') {
    block.replace(node);
  } else {
    $insertNodeToNearestRoot(node);
  }
  $continueAfter(node);
  return node;
}

/**
 * Inserts a quote block next to the top-level block `target` (before it when `before`), or at the end
 * of the note when `target` is null (dropped below the text).
 */
export function $insertQuoteBeside(
  quote: QuotePayload,
  target: LexicalNode | null,
  before: boolean,
): QuoteNode {
  const node = $createQuoteNode(quote);
  if (target === null) {
    const last = $getRoot().getLastChild();
    if (last !== null && $isParagraphNode(last) && last.getTextContent().trim() === '') last.replace(node);
    else $getRoot().append(node);
  } else if ($isParagraphNode(target) && target.getTextContent().trim() === '') {
    target.replace(node);
  } else if (before) {
    target.insertBefore(node);
  } else {
    target.insertAfter(node);
  }
  $continueAfter(node);
  return node;
}
