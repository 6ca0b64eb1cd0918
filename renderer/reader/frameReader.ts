/**
 * ReaderHandle over the reader frame's DOM. Spans of the source's plain text become <mark> elements
 * through shared/text-layout.ts (the same text rules as the core), and selections map back to spans.
 * Highlights are re-applied from the pristine article each time, so overlapping spans (a name inside
 * a quote) are cut into elementary pieces, each marked once with every highlight that covers it.
 */
import type { SpanRange } from '../../shared/areas/analysis';
import {
  layoutText,
  offsetOfPosition,
  rangesOfSpan,
  type LayoutNode,
  type TextLayout,
} from '../../shared/text-layout';
import type { Highlight, ReaderHandle } from './readerHandle';

type Layout = TextLayout<LayoutNode & Node>;

/** A ReaderHandle bound to one loaded frame document. */
export class FrameReader implements ReaderHandle {
  private readonly article: HTMLElement;
  private readonly pristine: string;
  private layout: Layout;
  private highlights: readonly Highlight[] = [];
  private focus: SpanRange | null = null;
  private readonly clickListeners = new Set<(ids: string[]) => void>();
  private readonly selectionListeners = new Set<(span: SpanRange | null) => void>();
  private readonly keyListeners = new Set<(event: KeyboardEvent) => void>();
  private readonly detach: () => void;

  constructor(private readonly doc: Document) {
    this.article = doc.getElementById('article')!;
    this.pristine = this.article.innerHTML;
    this.layout = this.measure();
    const onClick = (event: MouseEvent): void => {
      const mark = (event.target as Element | null)?.closest?.('mark[data-hl]');
      if (!mark) return;
      const ids = (mark.getAttribute('data-hl') ?? '').split(' ').filter((id) => id !== '');
      for (const listener of this.clickListeners) listener(ids);
    };
    const onSelection = (): void => {
      const span = this.selectionSpan();
      for (const listener of this.selectionListeners) listener(span);
    };
    const onKey = (event: KeyboardEvent): void => {
      for (const listener of this.keyListeners) listener(event);
    };
    doc.addEventListener('click', onClick);
    doc.addEventListener('selectionchange', onSelection);
    doc.addEventListener('keydown', onKey);
    this.detach = () => {
      doc.removeEventListener('click', onClick);
      doc.removeEventListener('selectionchange', onSelection);
      doc.removeEventListener('keydown', onKey);
    };
  }

  /** The plain text the frame shows (equal to the source's plainText when both follow the same rules). */
  get text(): string {
    return this.layout.text;
  }

  private measure(): Layout {
    return layoutText(this.article as unknown as LayoutNode & Node) as Layout;
  }

  /** @inheritdoc */
  setHighlights(highlights: readonly Highlight[]): void {
    this.highlights = highlights;
    this.render();
  }

  /** @inheritdoc */
  focusSpan(span: SpanRange): void {
    this.focus = span;
    this.render();
    const first = this.article.querySelector('mark.hl-focus');
    first?.scrollIntoView({ block: 'center' });
  }

  private render(): void {
    this.article.innerHTML = this.pristine;
    this.layout = this.measure();
    const all: Highlight[] = [...this.highlights];
    if (this.focus) all.push({ ...this.focus, id: '', kind: 'focus' });
    const length = this.layout.text.length;
    const spans = all
      .map((h) => ({
        ...h,
        start: Math.max(0, Math.min(h.start, length)),
        end: Math.max(0, Math.min(h.end, length)),
      }))
      .filter((h) => h.end > h.start);
    if (spans.length === 0) return;
    // Elementary pieces between every start and end.
    const cuts = [...new Set(spans.flatMap((h) => [h.start, h.end]))].sort((a, b) => a - b);
    const pieces: { start: number; end: number; covering: typeof spans }[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const end = cuts[i + 1]!;
      const covering = spans.filter((h) => h.start <= start && h.end >= end);
      // Innermost (shortest) first, so a click reports the name before the quote around it.
      covering.sort((a, b) => a.end - a.start - (b.end - b.start));
      if (covering.length > 0) pieces.push({ start, end, covering });
    }
    const wraps: { node: number; start: number; end: number; covering: typeof spans }[] = [];
    for (const piece of pieces) {
      for (const range of rangesOfSpan(this.layout, piece.start, piece.end))
        wraps.push({ ...range, covering: piece.covering });
    }
    // Last first: splitting a text node keeps its earlier characters in the same node object.
    wraps.sort((a, b) => b.node - a.node || b.start - a.start);
    for (const wrap of wraps) {
      const node = this.layout.nodes[wrap.node] as unknown as Text;
      if (wrap.end < node.length) node.splitText(wrap.end);
      const middle = wrap.start > 0 ? node.splitText(wrap.start) : node;
      const mark = this.doc.createElement('mark');
      const kinds = new Set(wrap.covering.map((h) => `hl-${h.kind}`));
      if (wrap.covering.every((h) => h.muted === true)) kinds.add('hl-muted');
      mark.className = ['hl', ...kinds].join(' ');
      const ids = wrap.covering.map((h) => h.id).filter((id) => id !== '');
      if (ids.length > 0) mark.setAttribute('data-hl', ids.join(' '));
      const title = wrap.covering.find((h) => h.title)?.title;
      if (title) mark.title = title;
      middle.parentNode!.insertBefore(mark, middle);
      mark.appendChild(middle);
    }
    this.layout = this.measure();
  }

  /** @inheritdoc */
  selectionSpan(): SpanRange | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!this.article.contains(range.commonAncestorContainer)) return null;
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    // Trim the spaces a double-click or a sloppy drag takes along.
    let s = start;
    let e = end;
    while (s < e && /\s/.test(this.layout.text[s]!)) s++;
    while (e > s && /\s/.test(this.layout.text[e - 1]!)) e--;
    return e > s ? { start: s, end: e } : null;
  }

  private offsetOf(container: Node, offset: number): number | null {
    let node: Node | null = container;
    let inNode = offset;
    if (node.nodeType !== Node.TEXT_NODE) {
      // A position between children: the first text at or after it.
      const child: Node | null = node.childNodes[offset] ?? null;
      const walker = this.doc.createTreeWalker(this.article, NodeFilter.SHOW_TEXT);
      walker.currentNode = child ?? node;
      node = child?.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
      inNode = 0;
      if (node === null) return this.layout.text.length;
    }
    const index = this.layout.nodes.indexOf(node as LayoutNode & Node);
    return index < 0 ? null : offsetOfPosition(this.layout, index, inNode);
  }

  /** @inheritdoc */
  onHighlightClick(listener: (ids: string[]) => void): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  /** @inheritdoc */
  onSelectionChange(listener: (span: SpanRange | null) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** @inheritdoc */
  onKeyDown(listener: (event: KeyboardEvent) => void): () => void {
    this.keyListeners.add(listener);
    return () => this.keyListeners.delete(listener);
  }

  /** Stops listening to the frame. */
  dispose(): void {
    this.detach();
    this.clickListeners.clear();
    this.keyListeners.clear();
    this.selectionListeners.clear();
  }
}
