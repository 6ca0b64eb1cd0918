/**
 * Plain text of a serialized Lexical editor state, derived in the core without an editor instance so
 * that every host indexes notes the same way (and the main process never loads Lexical).
 */
import { ApiError } from '../../../shared/errors';

/**
 * Element types whose children flow inside the surrounding line. Every other node with children is a
 * block (paragraph, heading, quote, list, listitem, code, table cell ...) and starts a new line.
 */
export const INLINE_ELEMENT_TYPES: ReadonlySet<string> = new Set(['link', 'autolink', 'mark']);

// Far deeper than any real document; stops a hostile state from exhausting the stack.
const MAX_DEPTH = 500;

interface SerializedNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

function invalid(reason: string): never {
  throw new ApiError(
    'INVALID_ARGUMENT',
    `The note content is not a valid editor state (${reason}). The note was not saved; copy its text ` +
      'elsewhere and report this as a bug.',
  );
}

function asNode(value: unknown): SerializedNode {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) invalid('a node is not an object');
  return value as SerializedNode;
}

function childrenOf(node: SerializedNode): unknown[] | undefined {
  if (node.children === undefined) return undefined;
  if (!Array.isArray(node.children)) invalid('"children" is not a list');
  return node.children;
}

/**
 * The lines of one block node: its inline text, with nested blocks (a list inside a list item) as lines
 * of their own. An empty block (an empty paragraph) is one empty line, as the user sees it.
 */
function blockLines(children: readonly unknown[], depth: number): string[] {
  if (depth > MAX_DEPTH) invalid('nodes are nested too deeply');
  const lines: string[] = [];
  let line = '';
  let sawNestedBlock = false;
  const appendInline = (nodes: readonly unknown[], level: number): void => {
    if (level > MAX_DEPTH) invalid('nodes are nested too deeply');
    for (const value of nodes) {
      const node = asNode(value);
      const children = childrenOf(node);
      if (node.type === 'linebreak') {
        line += '\n';
      } else if (typeof node.text === 'string') {
        // text, tab, code-highlight, and custom text nodes such as mentions all carry `text`.
        line += node.text;
      } else if (children !== undefined) {
        if (typeof node.type === 'string' && INLINE_ELEMENT_TYPES.has(node.type)) {
          appendInline(children, level + 1);
        } else {
          if (line !== '') lines.push(line);
          line = '';
          sawNestedBlock = true;
          lines.push(...blockLines(children, level + 1));
        }
      }
      // Decorator nodes without text (images, rules) contribute nothing.
    }
  };
  appendInline(children, depth);
  if (line !== '' || !sawNestedBlock) lines.push(line);
  return lines;
}

/**
 * The plain text of a serialized Lexical editor state (`{"root":{"children":[...]}}`): text nodes
 * concatenated, `linebreak` as '\n', one line per block. '' for '' (a note never edited).
 * Throws INVALID_ARGUMENT when `content` is not such a state.
 */
export function lexicalPlainText(content: string): string {
  if (content === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    invalid('it is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) invalid('it is not an object');
  const root = (parsed as { root?: unknown }).root;
  if (root === undefined) invalid('it has no "root" node');
  const children = childrenOf(asNode(root));
  if (children === undefined) invalid('the root node has no "children"');

  const lines: string[] = [];
  for (const value of children) {
    const node = asNode(value);
    const nested = childrenOf(node);
    if (nested !== undefined) lines.push(...blockLines(nested, 1));
    else if (typeof node.text === 'string') lines.push(node.text);
  }
  return lines.join('\n');
}
