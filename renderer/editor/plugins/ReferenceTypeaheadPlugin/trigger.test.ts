// @vitest-environment jsdom
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $triggerAtCaret } from '.';
import { headlessNoteEditor } from '../../../testing/note-editor';

/** An editor with one paragraph `build` fills, the caret at `caret` in the text node it returns. */
function editorWith(
  build: (paragraph: ReturnType<typeof $createParagraphNode>) => TextNode,
  caret: number,
): LexicalEditor {
  const editor = headlessNoteEditor();
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().append(paragraph);
      build(paragraph).select(caret, caret);
    },
    { discrete: true },
  );
  return editor;
}

const before = (node: TextNode, caret: number): string => node.getTextContent().slice(0, caret);

describe('the reference typeahead trigger', () => {
  it('does not open inside a link whose address starts with # (regression: "Create topic" over the link, and its click lost)', () => {
    const address = '#/search?q=site%3Aharbour';
    let text: TextNode | undefined;
    const editor = editorWith((paragraph) => {
      const link = $createLinkNode(address);
      text = $createTextNode(address);
      link.append(text);
      paragraph.append($createTextNode('Everything from the Gazette: '), link);
      return text;
    }, address.length);
    editor.getEditorState().read(() => {
      expect($triggerAtCaret(before(text!, address.length))).toBeNull();
      expect($triggerAtCaret(before(text!, 13))).toBeNull();
    });
  });

  it('still opens for a # typed in plain text', () => {
    const typed = 'About the #cease';
    let text: TextNode | undefined;
    const editor = editorWith((paragraph) => {
      text = $createTextNode(typed);
      paragraph.append(text);
      return text;
    }, typed.length);
    editor.getEditorState().read(() => {
      expect($triggerAtCaret(before(text!, typed.length))).toMatchObject({
        trigger: '#',
        matchingString: 'cease',
      });
    });
  });
});
