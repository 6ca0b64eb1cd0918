// @vitest-environment jsdom
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import type { QuotePayload } from '../../nodes/citation';
import { $isQuoteNode } from '../../nodes/QuoteNode';
import { $insertQuoteAtCaret, $insertQuoteBeside } from './insert';
import { headlessNoteEditor } from '../../../testing/note-editor';

const QUOTE: QuotePayload = {
  text: 'Words said',
  quoteId: 'q-1',
  sourceId: 's-1',
  speaker: { name: 'A Speaker', entityId: 'e-1' },
  sourceTitle: 'A source',
  sourceUrl: '',
  date: '2026-01-02',
  span: { start: 0, end: 10 },
};

function editorWith(paragraphs: string[]): LexicalEditor {
  const editor = headlessNoteEditor();
  editor.update(
    () => {
      for (const text of paragraphs) {
        const p = $createParagraphNode();
        if (text !== '') p.append($createTextNode(text));
        $getRoot().append(p);
      }
    },
    { discrete: true },
  );
  return editor;
}

/** The blocks as 'Q' for a quote and the text of anything else, plus where the caret is. */
function layout(editor: LexicalEditor): { blocks: string[]; caretIn: string | null } {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    const caretBlock = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
    return {
      blocks: $getRoot()
        .getChildren()
        .map((b) => ($isQuoteNode(b) ? 'Q' : b.getTextContent())),
      caretIn: caretBlock === null ? null : `${caretBlock.getIndexWithinParent()}`,
    };
  });
}

describe('$insertQuoteAtCaret', () => {
  it('at the end of the last paragraph: the quote follows it and the caret waits on a new line', () => {
    const editor = editorWith(['Intro']);
    editor.update(
      () => {
        $getRoot().selectEnd();
        $insertQuoteAtCaret(QUOTE);
      },
      { discrete: true },
    );
    expect(layout(editor)).toEqual({ blocks: ['Intro', 'Q', ''], caretIn: '2' });
  });

  it('in the middle of a paragraph: splits it around the quote', () => {
    const editor = editorWith(['Before after']);
    editor.update(
      () => {
        const text = $getRoot().getFirstDescendant();
        if (!$isTextNode(text)) throw new Error('expected a text node');
        text.select(7, 7);
        $insertQuoteAtCaret(QUOTE);
      },
      { discrete: true },
    );
    expect(layout(editor).blocks).toEqual(['Before ', 'Q', 'after']);
    expect(layout(editor).caretIn).toBe('2');
  });

  it('on an empty line: takes its place instead of leaving it empty above the quote', () => {
    const editor = editorWith(['Intro', '', 'Outro']);
    editor.update(
      () => {
        $getRoot().getChildAtIndex(1)?.selectStart();
        $insertQuoteAtCaret(QUOTE);
      },
      { discrete: true },
    );
    expect(layout(editor)).toEqual({ blocks: ['Intro', 'Q', 'Outro'], caretIn: '2' });
  });
});

describe('$insertQuoteBeside', () => {
  it('goes before or after the block it was dropped on', () => {
    const editor = editorWith(['One', 'Two']);
    editor.update(
      () => {
        const [one, two] = $getRoot().getChildren();
        $insertQuoteBeside(QUOTE, two!, true);
        $insertQuoteBeside(QUOTE, one!, false);
      },
      { discrete: true },
    );
    // Two quotes between One and Two: the second dropped right after One.
    expect(layout(editor).blocks).toEqual(['One', 'Q', 'Q', 'Two']);
  });

  it('dropped below the text: appended, replacing a trailing empty line', () => {
    const editor = editorWith(['One', '']);
    editor.update(() => $insertQuoteBeside(QUOTE, null, false), { discrete: true });
    expect(layout(editor)).toEqual({ blocks: ['One', 'Q', ''], caretIn: '2' });
  });
});
