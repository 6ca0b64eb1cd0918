/**
 * What a note points at, read from its serialized Lexical state without an editor: mentions of
 * entities, embedded quotes, paraphrases (which still cite their source) and links to other notes.
 * The node type strings are the editor's (renderer/editor/nodes); stored notes depend on them.
 */

/** Stable `type` strings of Dossier's own editor nodes. */
export const NODE_TYPES = {
  mention: 'dossier-mention',
  quote: 'dossier-quote',
  noteLink: 'dossier-note-link',
  paraphrase: 'dossier-paraphrase',
} as const;

/** One reference found in a note. */
export type NoteReference =
  | { kind: 'mention'; entityId: string; text: string }
  | { kind: 'quote'; quoteId: string | null; sourceId: string | null; speakerId: string | null }
  | { kind: 'paraphrase'; quoteId: string | null; sourceId: string | null }
  | { kind: 'note'; noteId: string };

// Matches plain-text.ts: far deeper than any real note, stops a hostile state from exhausting the stack.
const MAX_DEPTH = 500;

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function visit(node: unknown, depth: number, out: NoteReference[]): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object' || Array.isArray(node)) return;
  const n = node as Record<string, unknown>;
  switch (n.type) {
    case NODE_TYPES.mention: {
      const entityId = str(n.entityId);
      const text = typeof n.text === 'string' ? n.text : (str(n.name) ?? '');
      if (entityId !== null) out.push({ kind: 'mention', entityId, text });
      break;
    }
    case NODE_TYPES.quote: {
      const speaker = n.speaker as { entityId?: unknown } | null | undefined;
      out.push({
        kind: 'quote',
        quoteId: str(n.quoteId),
        sourceId: str(n.sourceId),
        speakerId: speaker !== null && typeof speaker === 'object' ? str(speaker.entityId) : null,
      });
      break;
    }
    case NODE_TYPES.paraphrase:
      out.push({ kind: 'paraphrase', quoteId: str(n.quoteId), sourceId: str(n.sourceId) });
      break;
    case NODE_TYPES.noteLink: {
      const noteId = str(n.noteId);
      if (noteId !== null) out.push({ kind: 'note', noteId });
      break;
    }
    default:
      break;
  }
  if (Array.isArray(n.children)) for (const child of n.children) visit(child, depth + 1, out);
}

/**
 * Every reference in a serialized editor state, in document order. '' (a note never edited) and
 * content that is not a state give none: plain-text.ts is the gate that refuses invalid content.
 */
export function noteReferences(content: string): NoteReference[] {
  if (content === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return [];
  }
  const out: NoteReference[] = [];
  if (parsed !== null && typeof parsed === 'object') visit((parsed as { root?: unknown }).root, 0, out);
  return out;
}

/** A row of the `links` table to write for a note (exactly one target set). */
export interface LinkRow {
  toEntityId: string | null;
  toQuoteId: string | null;
  toSourceId: string | null;
  toNoteId: string | null;
  kind: string;
}

/** A user mention row for the `mentions` table, with its span in the note's plain text. */
export interface NoteMentionRow {
  entityId: string;
  start: number;
  end: number;
  text: string;
}

const target = (kind: string, to: Partial<Omit<LinkRow, 'kind'>>): LinkRow => ({
  toEntityId: null,
  toQuoteId: null,
  toSourceId: null,
  toNoteId: null,
  ...to,
  kind,
});

/**
 * The link and mention rows a note's references stand for. Duplicates collapse (a person mentioned
 * ten times is one link, ten mentions). Mention spans are found in `plainText` in document order;
 * a mention whose text cannot be found (should not happen) spans its text's length from 0.
 */
export function linkRowsOf(
  refs: readonly NoteReference[],
  plainText: string,
): { links: LinkRow[]; mentions: NoteMentionRow[] } {
  const links = new Map<string, LinkRow>();
  const add = (row: LinkRow): void => {
    const key = [row.kind, row.toEntityId, row.toQuoteId, row.toSourceId, row.toNoteId].join('|');
    if (!links.has(key)) links.set(key, row);
  };
  const mentions: NoteMentionRow[] = [];
  let cursor = 0;
  for (const ref of refs) {
    switch (ref.kind) {
      case 'mention': {
        add(target('mention', { toEntityId: ref.entityId }));
        if (ref.text === '') break;
        const at = plainText.indexOf(ref.text, cursor);
        const start = at >= 0 ? at : 0;
        if (at >= 0) cursor = at + ref.text.length;
        mentions.push({ entityId: ref.entityId, start, end: start + ref.text.length, text: ref.text });
        break;
      }
      case 'quote':
        if (ref.quoteId !== null) add(target('quote', { toQuoteId: ref.quoteId }));
        if (ref.sourceId !== null) add(target('citation', { toSourceId: ref.sourceId }));
        if (ref.speakerId !== null) add(target('speaker', { toEntityId: ref.speakerId }));
        break;
      case 'paraphrase':
        if (ref.quoteId !== null) add(target('paraphrase', { toQuoteId: ref.quoteId }));
        if (ref.sourceId !== null) add(target('citation', { toSourceId: ref.sourceId }));
        break;
      case 'note':
        add(target('note', { toNoteId: ref.noteId }));
        break;
    }
  }
  return { links: [...links.values()], mentions };
}
