/**
 * The short context a backlinks panel shows under a linking note's title: the words around the first
 * place the note points at the target (the sentence with the [[link]] or @mention), or the quoted words
 * when it quotes the target. Read from the serialized state without an editor, like links.ts.
 */
import type { BacklinkTarget } from '../../../shared/areas/notes';
import { INLINE_ELEMENT_TYPES } from './plain-text';
import { NODE_TYPES } from './links';

type Node = Record<string, unknown>;

/** The longest context returned, in characters (about two lines of a side panel). */
export const MAX_CONTEXT_LENGTH = 160;

// Matches links.ts: far deeper than any real note, stops a hostile state from exhausting the stack.
const MAX_DEPTH = 500;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const kids = (node: Node): Node[] =>
  Array.isArray(node.children)
    ? (node.children as unknown[]).filter((c): c is Node => c !== null && typeof c === 'object')
    : [];

/** What to look for: the target, and for a source the quotes of it the note links to. */
interface Sought {
  target: BacklinkTarget;
  quoteIds: ReadonlySet<string>;
}

/** Whether `node` itself points at the target (not its children). */
function pointsAt(node: Node, { target, quoteIds }: Sought): boolean {
  switch (target.kind) {
    case 'note':
      return node.type === NODE_TYPES.noteLink && node.noteId === target.id;
    case 'source':
      // A quote block that lost its sourceId (an old or hand-made state) still cites the source
      // through its quote, as the backlink query finds it.
      return (
        (node.type === NODE_TYPES.quote || node.type === NODE_TYPES.paraphrase) &&
        (node.sourceId === target.id || (typeof node.quoteId === 'string' && quoteIds.has(node.quoteId)))
      );
    case 'quote':
      return (
        (node.type === NODE_TYPES.quote || node.type === NODE_TYPES.paraphrase) && node.quoteId === target.id
      );
    case 'entity': {
      if (node.type === NODE_TYPES.mention) return node.entityId === target.id;
      const speaker = node.speaker as { entityId?: unknown } | null | undefined;
      return node.type === NODE_TYPES.quote && speaker?.entityId === target.id;
    }
  }
}

/** The text of an inline run as the reader sees it, and where the target's reference starts in it. */
function inlineText(nodes: Node[], target: Sought, depth: number): { text: string; at: number } {
  let text = '';
  let at = -1;
  for (const node of nodes) {
    if (depth > MAX_DEPTH) break;
    if (at < 0 && pointsAt(node, target)) at = text.length;
    if (node.type === 'linebreak') text += ' ';
    else if (typeof node.text === 'string') text += node.text;
    else if (typeof node.type === 'string' && INLINE_ELEMENT_TYPES.has(node.type)) {
      const inner = inlineText(kids(node), target, depth + 1);
      if (at < 0 && inner.at >= 0) at = text.length + inner.at;
      text += inner.text;
    }
  }
  return { text, at };
}

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

function findIn(blocks: Node[], target: Sought, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  for (const block of blocks) {
    // A quote or paraphrase block that cites the target: its own words are the context.
    if (pointsAt(block, target)) {
      const words = typeof block.text === 'string' ? block.text : inlineText(kids(block), target, depth).text;
      return excerptAround(`“${words.trim()}”`, 0);
    }
    const children = kids(block);
    const inline = children.filter(
      (c) => typeof c.text === 'string' || c.type === 'linebreak' || INLINE_ELEMENT_TYPES.has(str(c.type)),
    );
    const { text, at } = inlineText(inline, target, depth + 1);
    if (at >= 0) return excerptAround(text, at);
    // Nested blocks (list items in a list, a list inside an item).
    const nested = children.filter((c) => !inline.includes(c));
    const found = findIn(nested, target, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Where the note with serialized state `content` points at `target`, as a short excerpt; '' when the
 * content does not show the reference (not a state, or the link is in a part this does not read).
 * For a source, `quoteIds` are the quotes of it the note links to (see links-repo.ts).
 */
export function backlinkContext(
  content: string,
  target: BacklinkTarget,
  quoteIds: readonly string[] = [],
): string {
  if (content === '') return '';
  let root: unknown;
  try {
    root = (JSON.parse(content) as { root?: unknown }).root;
  } catch {
    return '';
  }
  if (root === null || typeof root !== 'object') return '';
  return findIn(kids(root as Node), { target, quoteIds: new Set(quoteIds) }, 0) ?? '';
}
