/**
 * What a note points at, read from its serialized Lexical state by the note format's walker
 * (shared/note-format): mentions of entities, embedded quotes, paraphrases (which still cite their
 * source) and links to other notes.
 */
import { parseNote, walkNote } from '../../../shared/note-format/read';

export { NODE_TYPES } from '../../../shared/note-format/nodes';

/** One reference found in a note. */
export type NoteReference =
  | { kind: 'mention'; entityId: string; text: string }
  | { kind: 'quote'; quoteId: string | null; sourceId: string | null; speakerId: string | null }
  | { kind: 'paraphrase'; quoteId: string | null; sourceId: string | null }
  | { kind: 'note'; noteId: string };

/**
 * Every reference in a serialized editor state, in document order. '' (a note never edited) and
 * content that is not a state give none: plain-text.ts is the gate that refuses invalid content.
 */
export function noteReferences(content: string): NoteReference[] {
  const out: NoteReference[] = [];
  walkNote(parseNote(content), {
    enter(node) {
      switch (node.kind) {
        case 'mention':
          if (node.entityId !== null) {
            out.push({ kind: 'mention', entityId: node.entityId, text: node.text ?? node.name });
          }
          break;
        case 'quote':
          out.push({
            kind: 'quote',
            quoteId: node.citation.quoteId,
            sourceId: node.citation.sourceId,
            speakerId: node.citation.speaker?.entityId ?? null,
          });
          break;
        case 'paraphrase':
          out.push({ kind: 'paraphrase', quoteId: node.citation.quoteId, sourceId: node.citation.sourceId });
          break;
        case 'note-link':
          if (node.noteId !== null) out.push({ kind: 'note', noteId: node.noteId });
          break;
        default:
          break;
      }
    },
  });
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
