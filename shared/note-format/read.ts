/**
 * The one walker over saved notes: {@link parseNote} reads a serialized Lexical state into the typed
 * tree of nodes.ts, and {@link walkNote} visits that tree in document order. Everything that reads a
 * note's content without an editor (its plain text for search, its links and mentions, backlink
 * excerpts, Markdown and HTML export) goes through these two, so the node types are known in one place.
 */
import { ApiError } from '../errors';
import type { EntityKind } from '../model';
import {
  INLINE_ELEMENT_TYPES,
  NODE_TYPES,
  citationFrom,
  hasChildren,
  type NoteContent,
  type NoteDocument,
} from './nodes';

/** Far deeper than any real document; stops a hostile state from exhausting the stack. */
export const MAX_NOTE_DEPTH = 500;

const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'org', 'event', 'topic'];

/**
 * How to treat content that is not a valid state. `strict`: throw INVALID_ARGUMENT saying what is wrong
 * (the gate that refuses a save). Otherwise: read what can be read and skip the rest (stored notes are
 * read leniently, so one damaged node never hides a note's other links or text).
 */
export interface ParseOptions {
  strict?: boolean;
}

function invalid(reason: string): never {
  throw new ApiError(
    'INVALID_ARGUMENT',
    `The note content is not a valid editor state (${reason}). The note was not saved; copy its text ` +
      'elsewhere and report this as a bug.',
  );
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const idOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

class Reader {
  constructor(private readonly strict: boolean) {}

  /** The children of `node` when it has a list of them; undefined when it has none. */
  private childList(node: Raw): unknown[] | undefined {
    if (node.children === undefined) return undefined;
    if (Array.isArray(node.children)) return node.children;
    if (this.strict) invalid('"children" is not a list');
    return undefined;
  }

  /** Reads a list of raw nodes; non-objects are refused (strict) or skipped. */
  list(values: readonly unknown[], depth: number): NoteContent[] {
    if (depth > MAX_NOTE_DEPTH) {
      if (this.strict) invalid('nodes are nested too deeply');
      return [];
    }
    const out: NoteContent[] = [];
    for (const value of values) {
      if (!isObject(value)) {
        if (this.strict) invalid('a node is not an object');
        continue;
      }
      out.push(this.node(value, depth));
    }
    return out;
  }

  private node(raw: Raw, depth: number): NoteContent {
    const type = str(raw.type);
    const list = this.childList(raw);
    const children = (): NoteContent[] => (list === undefined ? [] : this.list(list, depth + 1));
    switch (type) {
      case 'linebreak':
        return { kind: 'linebreak' };
      case NODE_TYPES.mention:
        return {
          kind: 'mention',
          text: textOrNull(raw.text),
          entityId: idOrNull(raw.entityId),
          entityKind: ENTITY_KINDS.includes(raw.kind as EntityKind) ? (raw.kind as EntityKind) : 'person',
          name: str(raw.name),
        };
      case NODE_TYPES.noteLink:
        return {
          kind: 'note-link',
          text: textOrNull(raw.text),
          noteId: idOrNull(raw.noteId),
          title: str(raw.title),
        };
      case NODE_TYPES.quote:
        return { kind: 'quote', text: textOrNull(raw.text), citation: citationFrom(raw) };
      case NODE_TYPES.paraphrase:
        return { kind: 'paraphrase', citation: citationFrom(raw), children: children() };
      default:
        break;
    }
    // Text, tab, code-highlight and other text nodes all carry `text`.
    if (typeof raw.text === 'string') {
      return { kind: 'text', text: raw.text, format: typeof raw.format === 'number' ? raw.format : 0 };
    }
    if (list === undefined) return { kind: 'leaf', type };
    if (INLINE_ELEMENT_TYPES.has(type)) {
      return type === 'link' || type === 'autolink'
        ? { kind: 'link', url: str(raw.url), children: children() }
        : { kind: 'inline', type, children: children() };
    }
    switch (type) {
      case 'paragraph':
        return { kind: 'paragraph', children: children() };
      case 'heading': {
        const level = Number(/^h([1-6])$/.exec(str(raw.tag))?.[1] ?? 2) as 1 | 2 | 3 | 4 | 5 | 6;
        return { kind: 'heading', level, children: children() };
      }
      case 'quote':
        return { kind: 'blockquote', children: children() };
      case 'list': {
        const start = typeof raw.start === 'number' && Number.isSafeInteger(raw.start) ? raw.start : 1;
        return { kind: 'list', ordered: raw.listType === 'number', start, children: children() };
      }
      case 'listitem':
        return { kind: 'listitem', children: children() };
      default:
        return { kind: 'block', type, children: children() };
    }
  }
}

/**
 * Reads a note's `content` (a serialized editor state, `{"root":{"children":[...]}}`) into its typed
 * tree. '' (a note never edited) is an empty document. See {@link ParseOptions} for invalid content.
 */
export function parseNote(content: string, options: ParseOptions = {}): NoteDocument {
  const strict = options.strict === true;
  if (content === '') return { children: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    if (strict) invalid('it is not JSON');
    return { children: [] };
  }
  if (!isObject(parsed)) {
    if (strict) invalid('it is not an object');
    return { children: [] };
  }
  const root = parsed.root;
  if (!isObject(root)) {
    if (strict) invalid(root === undefined ? 'it has no "root" node' : 'a node is not an object');
    return { children: [] };
  }
  if (!Array.isArray(root.children)) {
    if (strict)
      invalid(root.children === undefined ? 'the root node has no "children"' : '"children" is not a list');
    return { children: [] };
  }
  return { children: new Reader(strict).list(root.children, 1) };
}

/** What {@link walkNote} calls for each node. */
export interface NoteVisitor {
  /** Before the node's children; return false to skip them (and the node's `leave`). */
  enter?(node: NoteContent, parent: NoteContent | null): boolean | void;
  /** After the node's children. */
  leave?(node: NoteContent, parent: NoteContent | null): void;
}

/** Visits every node of `doc` in document order (depth first), calling `enter` and `leave`. */
export function walkNote(doc: NoteDocument, visitor: NoteVisitor): void {
  const visit = (nodes: readonly NoteContent[], parent: NoteContent | null): void => {
    for (const node of nodes) {
      if (visitor.enter?.(node, parent) === false) continue;
      if (hasChildren(node)) visit(node.children, node);
      visitor.leave?.(node, parent);
    }
  };
  visit(doc.children, null);
}
