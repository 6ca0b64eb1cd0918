/**
 * Tells the note's save controller after every content change, handing it a function that serializes
 * the editor's state when a save needs it. Serializing a 10,000-word note costs more than a keystroke
 * may (the typing target is 12 ms), so it happens once per save, not once per key. The controller
 * debounces and saves; this plugin only decides what counts as a change.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

export interface AutosavePluginProps {
  /**
   * Called after each change to the text or its formatting with `read`, which returns the editor's
   * current state as `JSON.stringify(editorState.toJSON())`.
   */
  onChange(read: () => string): void;
}

export function AutosavePlugin({ onChange }: AutosavePluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const read = (): string => JSON.stringify(editor.getEditorState().toJSON());
    // Mounting the editor re-renders every node (dirty, but unchanged); until the text really differs
    // from the state as loaded, each update is compared, so merely opening a note never saves it (nor
    // shows it as unsaved). After that first change every update is an edit, serialized lazily.
    let loaded: string | null = read();
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      // Moving the caret or focusing is not an edit.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (loaded !== null) {
        if (read() === loaded) return;
        loaded = null;
      }
      onChange(read);
    });
  }, [editor, onChange]);
  return null;
}
