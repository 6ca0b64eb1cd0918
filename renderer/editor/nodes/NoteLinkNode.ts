/**
 * A link to another note, typed as [[Title]]: a token showing the note's title (as it was when linked)
 * and remembering its id. Stored notes depend on the type string 'dossier-note-link'.
 */
import {
  $applyNodeReplacement,
  TextNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';
import { NODE_TYPES } from '../../../shared/note-format/nodes';

/** Stored form of a {@link NoteLinkNode}. */
export type SerializedNoteLinkNode = Spread<{ noteId: string; title: string }, SerializedTextNode>;

function $convertNoteLinkElement(element: HTMLElement): DOMConversionOutput | null {
  const noteId = element.getAttribute('data-note-id');
  if (noteId === null) return null;
  return { node: $createNoteLinkNode(noteId, element.textContent ?? '') };
}

/** An inline, token-mode link to a note. */
export class NoteLinkNode extends TextNode {
  __noteId: string;
  __title: string;

  static override getType(): string {
    return NODE_TYPES.noteLink;
  }

  static override clone(node: NoteLinkNode): NoteLinkNode {
    return new NoteLinkNode(node.__noteId, node.__title, node.__text, node.__key);
  }

  constructor(noteId = '', title = '', text?: string, key?: NodeKey) {
    super(text ?? title, key);
    this.__noteId = noteId;
    this.__title = title;
  }

  static override importJSON(serialized: SerializedNoteLinkNode): NoteLinkNode {
    return $createNoteLinkNode(serialized.noteId, serialized.title).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedNoteLinkNode>): this {
    const self = super.updateFromJSON(serialized).getWritable();
    self.__noteId = serialized.noteId;
    self.__title = serialized.title;
    return self;
  }

  override exportJSON(): SerializedNoteLinkNode {
    return { ...super.exportJSON(), noteId: this.getNoteId(), title: this.getTitle() };
  }

  /** The linked note's id. */
  getNoteId(): string {
    return this.getLatest().__noteId;
  }

  /** The linked note's title when the link was made. */
  getTitle(): string {
    return this.getLatest().__title;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.className = 'dossier-note-link';
    dom.setAttribute('data-note-id', this.__noteId);
    dom.setAttribute('data-testid', 'note-link');
    dom.setAttribute('role', 'link');
    return dom;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('a');
    element.className = 'note-link';
    element.setAttribute('data-note-id', this.__noteId);
    element.textContent = this.__text;
    return { element };
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      a: (domNode: HTMLElement) =>
        domNode.hasAttribute('data-note-id') ? { conversion: $convertNoteLinkElement, priority: 2 } : null,
    };
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

/** A link to the note `noteId`, showing `title`. */
export function $createNoteLinkNode(noteId: string, title: string): NoteLinkNode {
  const node = new NoteLinkNode(noteId, title === '' ? 'Untitled' : title);
  node.setMode('token').toggleDirectionless();
  return $applyNodeReplacement(node);
}

/** Whether `node` is a {@link NoteLinkNode}. */
export function $isNoteLinkNode(node: LexicalNode | null | undefined): node is NoteLinkNode {
  return node instanceof NoteLinkNode;
}
