/**
 * The short context a backlinks panel shows under a linking note's title: the words around the first
 * place the note points at the target (the sentence with the [[link]] or @mention), or the quoted words
 * when it quotes the target. Read by the note format's walker (shared/note-format), like links.ts.
 */
import type { BacklinkTarget } from '../../../shared/areas/notes';
import { isBlock, type NoteContent } from '../../../shared/note-format/nodes';
import { parseNote, walkNote } from '../../../shared/note-format/read';

/** The longest context returned, in characters (about two lines of a side panel). */
export const MAX_CONTEXT_LENGTH = 160;

/** Cuts `text` to about {@link MAX_CONTEXT_LENGTH} characters around `at`, marking cuts with "…". */
export function excerptAround(text: string, at: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_CONTEXT_LENGTH) return clean;
  const lead = Math.max(0, Math.min(Math.max(at, 0) - 40, clean.length - MAX_CONTEXT_LENGTH));
  // Start and end on word boundaries so the excerpt does not begin or end mid-word.
  let start = lead === 0 ? 0 : clean.indexOf(' ', lead) + 1;
  if (start <= 0 || start > Math.max(at, 0)) start = lead;
  let end = Math.min(clean.length, start + MAX_CONTEXT_LENGTH);
  const space = clean.lastIndexOf(' ', end);
  if (end < clean.length && space > start + MAX_CONTEXT_LENGTH / 2) end = space;
  return `${start > 0 ? '…' : ''}${clean.slice(start, end).trim()}${end < clean.length ? '…' : ''}`;
}

/** What to look for: the target, and for a source the quotes of it the note links to. */
interface Sought {
  target: BacklinkTarget;
  quoteIds: ReadonlySet<string>;
}

/** Whether `node` itself points at the target (not its children). */
function pointsAt(node: NoteContent, { target, quoteIds }: Sought): boolean {
  switch (target.kind) {
    case 'note':
      return node.kind === 'note-link' && node.noteId === target.id;
    case 'source':
      // A quote block that lost its sourceId (an old or hand-made state) still cites the source
      // through its quote, as the backlink query finds it.
      return (
        (node.kind === 'quote' || node.kind === 'paraphrase') &&
        (node.citation.sourceId === target.id ||
          (node.citation.quoteId !== null && quoteIds.has(node.citation.quoteId)))
      );
    case 'quote':
      return (node.kind === 'quote' || node.kind === 'paraphrase') && node.citation.quoteId === target.id;
    case 'entity':
      if (node.kind === 'mention') return node.entityId === target.id;
      return node.kind === 'quote' && node.citation.speaker?.entityId === target.id;
  }
}

/** The words of an inline node as the reader sees them on one line ('' for elements and decorators). */
function wordsOf(node: NoteContent): string {
  switch (node.kind) {
    case 'linebreak':
      return ' ';
    case 'text':
      return node.text;
    case 'mention':
    case 'note-link':
    case 'quote':
      return node.text ?? '';
    default:
      return '';
  }
}

/** The quoted words of a quote or paraphrase block that cites the target. */
function quotedWords(node: NoteContent): string {
  if (node.kind === 'quote') return node.text ?? '';
  let words = '';
  walkNote(
    { children: 'children' in node ? node.children : [] },
    {
      enter: (child) => {
        if (isBlock(child)) return false;
        words += wordsOf(child);
      },
    },
  );
  return words;
}

/** The inline run of one block: its text so far and where the target's reference starts in it. */
interface Run {
  order: number;
  text: string;
  at: number;
}

/**
 * Where the note with serialized state `content` points at `target`, as a short excerpt; '' when the
 * content does not show the reference (not a state, or the link is in a part this does not read).
 * For a source, `quoteIds` are the quotes of it the note links to (see links-repo.ts).
 *
 * Blocks are tried in document order, a block's own line (all its inline content) before the blocks
 * nested in it; the first that points at the target gives the excerpt.
 */
export function backlinkContext(
  content: string,
  target: BacklinkTarget,
  quoteIds: readonly string[] = [],
): string {
  const sought: Sought = { target, quoteIds: new Set(quoteIds) };
  let best: { order: number; excerpt: string } | null = null;
  const found = (order: number, excerpt: string): void => {
    if (best === null || order < best.order) best = { order, excerpt };
  };
  const runs: Run[] = [];
  let order = 0;
  walkNote(parseNote(content), {
    enter(node) {
      const at = order++;
      const run = runs.at(-1);
      // A quote or paraphrase block (or a stray node under the root) that cites the target: its own
      // words are the context.
      if ((isBlock(node) || run === undefined) && pointsAt(node, sought)) {
        found(at, excerptAround(`“${quotedWords(node).trim()}”`, 0));
        return false;
      }
      if (isBlock(node)) {
        if ('children' in node) runs.push({ order: at, text: '', at: -1 });
        return;
      }
      if (run === undefined) return;
      if (run.at < 0 && pointsAt(node, sought)) run.at = run.text.length;
      run.text += wordsOf(node);
    },
    leave(node) {
      if (!isBlock(node) || !('children' in node)) return;
      const run = runs.pop()!;
      if (run.at >= 0) found(run.order, excerptAround(run.text, run.at));
    },
  });
  return (best as { excerpt: string } | null)?.excerpt ?? '';
}
