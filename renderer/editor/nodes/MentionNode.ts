/**
 * A mention of a person, place, organisation, event or topic: a token (deleted whole, never edited
 * letter by letter) that shows the entity's name and remembers its id. Stored notes depend on the
 * type string 'dossier-mention'.
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
import type { EntityKind } from '../../../shared/model';
import { NODE_TYPES } from '../../../shared/note-format/nodes';

/** Stored form of a {@link MentionNode}. */
export type SerializedMentionNode = Spread<
  { entityId: string; kind: EntityKind; name: string },
  SerializedTextNode
>;

const KINDS: readonly EntityKind[] = ['person', 'place', 'org', 'event', 'topic'];

/** The character a mention of `kind` is typed with: '#' for events and topics, '@' for the rest. */
export function mentionTrigger(kind: EntityKind): '@' | '#' {
  return kind === 'event' || kind === 'topic' ? '#' : '@';
}

function $convertMentionElement(element: HTMLElement): DOMConversionOutput | null {
  const entityId = element.getAttribute('data-entity-id');
  const kind = element.getAttribute('data-kind') as EntityKind | null;
  if (entityId === null || kind === null || !KINDS.includes(kind)) return null;
  return { node: $createMentionNode(entityId, kind, element.textContent ?? '') };
}

/** An inline, token-mode link to an entity. */
export class MentionNode extends TextNode {
  __entityId: string;
  __kind: EntityKind;
  __name: string;

  static override getType(): string {
    return NODE_TYPES.mention;
  }

  static override clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__entityId, node.__kind, node.__name, node.__text, node.__key);
  }

  constructor(entityId = '', kind: EntityKind = 'person', name = '', text?: string, key?: NodeKey) {
    super(text ?? name, key);
    this.__entityId = entityId;
    this.__kind = kind;
    this.__name = name;
  }

  static override importJSON(serialized: SerializedMentionNode): MentionNode {
    return $createMentionNode(serialized.entityId, serialized.kind, serialized.name).updateFromJSON(
      serialized,
    );
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedMentionNode>): this {
    const self = super.updateFromJSON(serialized).getWritable();
    self.__entityId = serialized.entityId;
    self.__kind = KINDS.includes(serialized.kind) ? serialized.kind : 'person';
    self.__name = serialized.name;
    return self;
  }

  override exportJSON(): SerializedMentionNode {
    return {
      ...super.exportJSON(),
      entityId: this.getEntityId(),
      kind: this.getKind(),
      name: this.getName(),
    };
  }

  /** The entity's id. */
  getEntityId(): string {
    return this.getLatest().__entityId;
  }

  /** person, place, org, event or topic. */
  getKind(): EntityKind {
    return this.getLatest().__kind;
  }

  /** The name shown (the entity's name when it was mentioned). */
  getName(): string {
    return this.getLatest().__name;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.className = `dossier-mention dossier-mention-${this.__kind}`;
    dom.setAttribute('data-entity-id', this.__entityId);
    dom.setAttribute('data-kind', this.__kind);
    dom.setAttribute('data-testid', 'mention');
    dom.setAttribute('role', 'link');
    return dom;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('span');
    element.className = 'mention';
    element.setAttribute('data-dossier-mention', 'true');
    element.setAttribute('data-entity-id', this.__entityId);
    element.setAttribute('data-kind', this.__kind);
    element.textContent = this.__text;
    return { element };
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      span: (domNode: HTMLElement) =>
        domNode.hasAttribute('data-dossier-mention')
          ? { conversion: $convertMentionElement, priority: 1 }
          : null,
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

/** A mention of the entity `entityId`, showing `name`. */
export function $createMentionNode(entityId: string, kind: EntityKind, name: string): MentionNode {
  const node = new MentionNode(entityId, kind, name);
  node.setMode('token').toggleDirectionless();
  return $applyNodeReplacement(node);
}

/** Whether `node` is a {@link MentionNode}. */
export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}
