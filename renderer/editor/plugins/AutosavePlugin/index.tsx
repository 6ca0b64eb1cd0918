/**
 * Hands the serialized editor state to the note's save controller after every content change. The
 * controller debounces and saves; this plugin only decides what counts as a change.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

export interface AutosavePluginProps {
  /** Receives `JSON.stringify(editorState.toJSON())` after each change to the text or its formatting. */
  onChange(serialized: string): void;
}

export function AutosavePlugin({ onChange }: AutosavePluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // Mounting the editor re-renders every node (dirty, but unchanged); comparing with the state as
    // loaded keeps merely opening a note from saving it and bumping its version.
    let last = JSON.stringify(editor.getEditorState().toJSON());
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      // Moving the caret or focusing is not an edit.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      const serialized = JSON.stringify(editorState.toJSON());
      if (serialized === last) return;
      last = serialized;
      onChange(serialized);
    });
  }, [editor, onChange]);
  return null;
}
