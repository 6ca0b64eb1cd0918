/**
 * The plain text of an article's DOM, with a map between text-node positions and plain-text offsets.
 *
 * The core derives a source's `plainText` from its clean HTML (electron/core/clip/text.ts), and every
 * span in the notebook (quotes, mentions) indexes that string. The reader shows the HTML in a real DOM
 * and must turn spans into DOM ranges and selections back into spans, so this module applies exactly the
 * same rules to any DOM (linkedom in the core's tests, the browser's in the reader): block elements
 * start paragraphs joined by a blank line, `<br>` starts a line, whitespace runs fold to one space and
 * lines are trimmed. A test checks it against the core's text on the real corpus.
 *
 * Structural types only: shared/ has no DOM library types.
 */

/** The part of a DOM node this module reads. */
export interface LayoutNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<LayoutNode>;
  /** Text nodes: their characters. */
  data?: string;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that start a new paragraph (the same list as the core's). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR ' +
    'LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL CAPTION DETAILS SUMMARY'
  ).split(' '),
);
/** Elements whose content is not text of the article. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
]);

/** A text layout: the plain text and where each of its characters comes from. */
export interface TextLayout<N extends LayoutNode = LayoutNode> {
  text: string;
  /** The text nodes, in document order; `charNode[i]` indexes this list. */
  nodes: N[];
  /** For each character of `text`: the index in `nodes` it comes from, or -1 for an inserted separator. */
  charNode: Int32Array;
  /** For each character of `text`: its offset in that text node. */
  charOffset: Int32Array;
}

type Token = { node: number; data: string } | 'P' | 'L';

const WHITESPACE = /\s/;

/** Lays out the text under `root` (see the module comment). Iterative: page depth cannot overflow the stack. */
export function layoutText<N extends LayoutNode>(root: N): TextLayout<N> {
  const nodes: N[] = [];
  const tokens: Token[] = [];
  const stack: (LayoutNode | 'P')[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === 'P') {
      tokens.push('P');
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      nodes.push(item as N);
      tokens.push({ node: nodes.length - 1, data: item.data ?? '' });
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const name = item.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(name)) continue;
    if (name === 'BR') {
      tokens.push('L');
      continue;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) {
      tokens.push('P');
      stack.push('P');
    }
    for (let i = item.childNodes.length - 1; i >= 0; i--) stack.push(item.childNodes[i]!);
  }

  const out: string[] = [];
  const charNode: number[] = [];
  const charOffset: number[] = [];
  let paragraphsWritten = 0;
  let linesInParagraph = 0;
  // One line's characters with their origins, before folding.
  let line: { ch: string; node: number; offset: number }[] = [];

  const flushLine = (): void => {
    // Fold whitespace runs to one space and trim, keeping each kept character's origin.
    const kept: { ch: string; node: number; offset: number }[] = [];
    let pendingSpace: { node: number; offset: number } | null = null;
    for (const c of line) {
      if (WHITESPACE.test(c.ch)) {
        if (kept.length > 0 && pendingSpace === null) pendingSpace = { node: c.node, offset: c.offset };
        continue;
      }
      if (pendingSpace !== null) {
        kept.push({ ch: ' ', ...pendingSpace });
        pendingSpace = null;
      }
      kept.push(c);
    }
    line = [];
    if (kept.length === 0) return;
    const separator = linesInParagraph > 0 ? '\n' : paragraphsWritten > 0 ? '\n\n' : '';
    for (const ch of separator) {
      out.push(ch);
      charNode.push(-1);
      charOffset.push(0);
    }
    if (linesInParagraph === 0) paragraphsWritten++;
    linesInParagraph++;
    for (const c of kept) {
      out.push(c.ch);
      charNode.push(c.node);
      charOffset.push(c.offset);
    }
  };

  for (const token of tokens) {
    if (token === 'P') {
      flushLine();
      linesInParagraph = 0;
    } else if (token === 'L') {
      flushLine();
    } else {
      for (let i = 0; i < token.data.length; i++)
        line.push({ ch: token.data[i]!, node: token.node, offset: i });
    }
  }
  flushLine();
  return {
    text: out.join(''),
    nodes,
    charNode: Int32Array.from(charNode),
    charOffset: Int32Array.from(charOffset),
  };
}

/** A piece of one text node: characters [start, end) of `nodes[node]`. */
export interface NodeRange {
  node: number;
  start: number;
  end: number;
}

/** The text-node pieces that make up plain-text span [start, end), in document order. */
export function rangesOfSpan(layout: TextLayout, start: number, end: number): NodeRange[] {
  const ranges: NodeRange[] = [];
  const from = Math.max(0, start);
  const to = Math.min(layout.text.length, end);
  for (let i = from; i < to; i++) {
    const node = layout.charNode[i]!;
    if (node < 0) continue;
    const offset = layout.charOffset[i]!;
    const last = ranges[ranges.length - 1];
    if (last && last.node === node && offset >= last.end && offset <= last.end + 64) {
      // Folded whitespace inside the node belongs to the range too.
      last.end = offset + 1;
    } else {
      ranges.push({ node, start: offset, end: offset + 1 });
    }
  }
  return ranges;
}

/**
 * The plain-text offset of a position in a text node (a DOM selection end point): the first character
 * at or after it, or the text's length at the end.
 */
export function offsetOfPosition(layout: TextLayout, nodeIndex: number, offsetInNode: number): number {
  for (let i = 0; i < layout.text.length; i++) {
    const node = layout.charNode[i]!;
    if (node > nodeIndex || (node === nodeIndex && layout.charOffset[i]! >= offsetInNode)) return i;
  }
  return layout.text.length;
}
