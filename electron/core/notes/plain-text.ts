/**
 * Plain text of a serialized Lexical editor state, derived in the core without an editor instance so
 * that every host indexes notes the same way (and the main process never loads Lexical). The state is
 * read by the note format's one walker (shared/note-format), which is also the gate that refuses
 * content that is not a state.
 */
import { INLINE_ELEMENT_TYPES, isBlock, type NoteContent } from '../../../shared/note-format/nodes';
import { parseNote, walkNote } from '../../../shared/note-format/read';

export { INLINE_ELEMENT_TYPES };

/** The lines a block is building: its inline text so far, and whether a nested block broke it. */
interface Frame {
  line: string;
  sawNestedBlock: boolean;
}

/**
 * The plain text of a serialized Lexical editor state (`{"root":{"children":[...]}}`): text nodes
 * concatenated, `linebreak` as '\n', one line per block, a nested block (a list inside a list item) as
 * lines of its own, an empty block (an empty paragraph) as one empty line, as the user sees it.
 * '' for '' (a note never edited). Throws INVALID_ARGUMENT when `content` is not such a state.
 */
export function lexicalPlainText(content: string): string {
  const lines: string[] = [];
  const frames: Frame[] = [];
  const append = (text: string): void => {
    const frame = frames.at(-1);
    if (frame === undefined) lines.push(text);
    else frame.line += text;
  };
  const opensBlock = (node: NoteContent): boolean => isBlock(node) && 'children' in node;
  walkNote(parseNote(content, { strict: true }), {
    enter(node) {
      if (opensBlock(node)) {
        const parent = frames.at(-1);
        if (parent !== undefined) {
          if (parent.line !== '') lines.push(parent.line);
          parent.line = '';
          parent.sawNestedBlock = true;
        }
        frames.push({ line: '', sawNestedBlock: false });
        return;
      }
      switch (node.kind) {
        case 'linebreak':
          // A line break directly under the root belongs to no line.
          if (frames.length > 0) append('\n');
          break;
        case 'text':
          append(node.text);
          break;
        case 'mention':
        case 'note-link':
        case 'quote':
          if (node.text !== null) append(node.text);
          break;
        default:
          // Inline elements (links) flow on; decorator nodes without text contribute nothing.
          break;
      }
    },
    leave(node) {
      if (!opensBlock(node)) return;
      const frame = frames.pop()!;
      if (frame.line !== '' || !frame.sawNestedBlock) lines.push(frame.line);
    },
  });
  return lines.join('\n');
}
