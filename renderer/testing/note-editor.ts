/**
 * Tests' headless Lexical editor with every node a note can hold, which throws on any editor error
 * instead of logging it.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import { NOTE_NODES } from '../editor/noteNodes';

export function headlessNoteEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'test',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}
