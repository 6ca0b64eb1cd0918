/**
 * The saved note format: what a note's `content` (a serialized Lexical editor state) may hold, as the
 * rest of Dossier reads it. Stored notes depend on the `type` strings and fields below, so they change
 * only by adding: a new node type or field is added here (and {@link NOTE_FORMAT_VERSION} goes up), never
 * renamed. The editor's node classes (renderer/editor/nodes) write exactly these shapes; the core reads
 * them through read.ts, the one walker over saved notes.
 */
import type { EntityKind } from '../model';

/**
 * Version of the node set below. 1: Lexical 0.50's paragraph, heading, quote, list, listitem, link,
 * autolink, text, linebreak and tab, plus Dossier's mention, note link, quote and paraphrase.
 */
export const NOTE_FORMAT_VERSION = 1;

/** Stable `type` strings of Dossier's own editor nodes. */
export const NODE_TYPES = {
  mention: 'dossier-mention',
  quote: 'dossier-quote',
  noteLink: 'dossier-note-link',
  paraphrase: 'dossier-paraphrase',
} as const;

/** Lexical's text format bits (a text node's `format`). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;

/**
 * Element types whose children flow inside the surrounding line. Every other node with children is a
 * block (paragraph, heading, quote, list, listitem, code, table cell ...) and starts a new line.
 */
export const INLINE_ELEMENT_TYPES: ReadonlySet<string> = new Set(['link', 'autolink', 'mark']);

/** Who said a quote; `entityId` null when the speaker is not (or no longer) an entity. */
export type QuoteSpeaker = { name: string; entityId: string | null };

/** What a quote or paraphrase in a note cites: kept with the node so provenance survives export. */
export type Citation = {
  quoteId: string | null;
  sourceId: string | null;
  speaker: QuoteSpeaker | null;
  sourceTitle: string;
  sourceUrl: string;
  /** When it was said or published (ISO date or ''), as the source says. */
  date: string;
  /** Where the words are in the source's plain text. */
  span: { start: number; end: number } | null;
};

/** A quote as a note stores it: its words and citation. */
export type QuotePayload = Citation & { text: string };

// ---------------------------------------------------------------------------------------------------
// The serialized shapes, as the editor writes them (Lexical's common fields left out).

/** Stored form of a mention of a person, place, organisation, event or topic (a text node). */
export interface SerializedMention {
  type: typeof NODE_TYPES.mention;
  text: string;
  entityId: string;
  kind: EntityKind;
  name: string;
}

/** Stored form of a link to another note (a text node). */
export interface SerializedNoteLink {
  type: typeof NODE_TYPES.noteLink;
  text: string;
  noteId: string;
  /** The linked note's title when the link was made. */
  title: string;
}

/** Stored form of a quote block (a decorator: its words are `text`, it has no children). */
export type SerializedQuote = { type: typeof NODE_TYPES.quote } & QuotePayload;

/** Stored form of a paraphrase: an editable block (children) that keeps its citation. */
export type SerializedParaphrase = { type: typeof NODE_TYPES.paraphrase; children: unknown[] } & Citation;

// ---------------------------------------------------------------------------------------------------
// The tree read.ts gives: every node of a saved state, typed, in document order.

/** Inline content: flows inside the line of the block that holds it. */
export type NoteInline =
  | { kind: 'text'; text: string; format: number }
  | { kind: 'linebreak' }
  | { kind: 'mention'; text: string | null; entityId: string | null; entityKind: EntityKind; name: string }
  | { kind: 'note-link'; text: string | null; noteId: string | null; title: string }
  | { kind: 'link'; url: string; children: NoteContent[] }
  /** Another inline element (`mark` ...): its children flow in the line. */
  | { kind: 'inline'; type: string; children: NoteContent[] };

/** Block content: starts a line (or several) of its own. */
export type NoteBlock =
  | { kind: 'paragraph'; children: NoteContent[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: NoteContent[] }
  | { kind: 'blockquote'; children: NoteContent[] }
  | { kind: 'list'; ordered: boolean; start: number; children: NoteContent[] }
  | { kind: 'listitem'; children: NoteContent[] }
  /** A Dossier quote: its words (null when the stored node has none) and citation. */
  | { kind: 'quote'; text: string | null; citation: Citation }
  | { kind: 'paraphrase'; citation: Citation; children: NoteContent[] }
  /** Another element block (code, table ...), read for its text. */
  | { kind: 'block'; type: string; children: NoteContent[] }
  /** A node with neither text nor children (a rule, an image): nothing to read. */
  | { kind: 'leaf'; type: string };

/** Any node of a note below its root. */
export type NoteContent = NoteInline | NoteBlock;

/** A node that has children. */
export type NoteParent = Extract<NoteContent, { children: NoteContent[] }>;

/** A whole saved note: the root's children. */
export interface NoteDocument {
  children: NoteContent[];
}

const BLOCK_KINDS: ReadonlySet<NoteContent['kind']> = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'list',
  'listitem',
  'quote',
  'paraphrase',
  'block',
  'leaf',
]);

/** True for block nodes (they start a line), false for inline ones. */
export function isBlock(node: NoteContent): node is NoteBlock {
  return BLOCK_KINDS.has(node.kind);
}

/** True for nodes with children. */
export function hasChildren(node: NoteContent): node is NoteParent {
  return 'children' in node;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A citation read from untrusted JSON (stored notes, drag and drop): wrong fields become empty, so a
 * damaged node still loads and shows its text.
 */
export function citationFrom(value: Partial<Record<keyof Citation, unknown>>): Citation {
  const speaker = value.speaker as { name?: unknown; entityId?: unknown } | null | undefined;
  const span = value.span as { start?: unknown; end?: unknown } | null | undefined;
  return {
    quoteId: strOrNull(value.quoteId),
    sourceId: strOrNull(value.sourceId),
    speaker:
      speaker !== null && typeof speaker === 'object' && typeof speaker.name === 'string'
        ? { name: speaker.name, entityId: strOrNull(speaker.entityId) }
        : null,
    sourceTitle: str(value.sourceTitle),
    sourceUrl: str(value.sourceUrl),
    date: str(value.date),
    span:
      span !== null &&
      typeof span === 'object' &&
      typeof span.start === 'number' &&
      typeof span.end === 'number'
        ? { start: span.start, end: span.end }
        : null,
  };
}
