// @vitest-environment jsdom
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $insertNodes,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../shared/note-format/read';
import { $isQuoteHolder, quotePayloadFrom, type QuotePayload } from './citation';
import { $createMentionNode, $isMentionNode } from './MentionNode';
import { $createNoteLinkNode, $isNoteLinkNode } from './NoteLinkNode';
import { $convertQuoteToParaphrase, $isParaphraseNode } from './ParaphraseNode';
import { $createQuoteNode, $isQuoteNode } from './QuoteNode';
import { headlessNoteEditor } from '../../testing/note-editor';

const QUOTE: QuotePayload = {
  text: 'We will not retreat',
  quoteId: 'q-1',
  sourceId: 's-1',
  speaker: { name: 'Vladimir Putin', entityId: 'e-1' },
  sourceTitle: 'Talks stall',
  sourceUrl: 'https://example.org/talks',
  date: '2026-11-01',
  span: { start: 10, end: 29 },
};

function fill(editor: LexicalEditor): void {
  editor.update(
    () => {
      const p = $createParagraphNode();
      p.append(
        $createTextNode('Met '),
        $createMentionNode('e-1', 'person', 'Vladimir Putin'),
        $createTextNode(' about '),
        $createMentionNode('e-2', 'topic', 'ceasefire'),
        $createTextNode(', see '),
        $createNoteLinkNode('n-1', 'Background'),
      );
      $getRoot().append(p, $createQuoteNode(QUOTE));
    },
    { discrete: true },
  );
}

describe('Dossier editor nodes', () => {
  it('round-trip through stored JSON with their ids and type strings', () => {
    const editor = headlessNoteEditor();
    fill(editor);
    const json = editor.getEditorState().toJSON();
    const [para, quote] = json.root.children as unknown as [
      { children: Record<string, unknown>[] },
      Record<string, unknown>,
    ];
    expect(para.children.map((c) => c.type)).toEqual([
      'text',
      'dossier-mention',
      'text',
      'dossier-mention',
      'text',
      'dossier-note-link',
    ]);
    expect(para.children[1]).toMatchObject({
      entityId: 'e-1',
      kind: 'person',
      name: 'Vladimir Putin',
      text: 'Vladimir Putin',
    });
    expect(para.children[5]).toMatchObject({ noteId: 'n-1', title: 'Background' });
    expect(quote).toMatchObject({ type: 'dossier-quote', ...QUOTE });

    const copy = headlessNoteEditor();
    copy.setEditorState(copy.parseEditorState(JSON.stringify(json)));
    expect(copy.getEditorState().toJSON()).toEqual(json);
    copy.getEditorState().read(() => {
      const children = $getRoot().getChildren();
      const inline = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getChildren();
      expect($isMentionNode(inline[1])).toBe(true);
      expect($isNoteLinkNode(inline[5])).toBe(true);
      expect($isQuoteNode(children[1])).toBe(true);
      // Plain text (copy, search in the editor) includes names and quoted words.
      expect($getRoot().getTextContent()).toContain('Vladimir Putin');
      expect($getRoot().getTextContent()).toContain('We will not retreat');
    });
  });

  it('saves states that the note format (shared/note-format) reads node for node', () => {
    // The core exports, indexes and searches notes through that module alone (it never loads Lexical).
    const editor = headlessNoteEditor();
    fill(editor);
    const doc = parseNote(JSON.stringify(editor.getEditorState().toJSON()), { strict: true });
    expect(doc.children.map((node) => node.kind)).toEqual(['paragraph', 'quote']);
    const [para, quote] = doc.children;
    expect(para && 'children' in para && para.children.map((node) => node.kind)).toEqual([
      'text',
      'mention',
      'text',
      'mention',
      'text',
      'note-link',
    ]);
    expect(para && 'children' in para && para.children[1]).toEqual({
      kind: 'mention',
      text: 'Vladimir Putin',
      entityId: 'e-1',
      entityKind: 'person',
      name: 'Vladimir Putin',
    });
    expect(para && 'children' in para && para.children[5]).toMatchObject({
      noteId: 'n-1',
      title: 'Background',
    });
    const { text, ...citation } = QUOTE;
    expect(quote).toEqual({ kind: 'quote', text, citation });
  });

  it('exports HTML that imports back into the same nodes', () => {
    const editor = headlessNoteEditor();
    fill(editor);
    const html = editor.getEditorState().read(() => $generateHtmlFromNodes(editor));
    expect(html).toContain('data-entity-id="e-1"');
    expect(html).toContain('data-note-id="n-1"');
    expect(html).toContain('<blockquote>We will not retreat</blockquote>');

    const target = headlessNoteEditor();
    target.update(
      () => {
        const dom = new DOMParser().parseFromString(html, 'text/html');
        $getRoot().select();
        $insertNodes($generateNodesFromDOM(target, dom));
      },
      { discrete: true },
    );
    const types = JSON.stringify(target.getEditorState().toJSON());
    expect(types).toContain('"type":"dossier-mention"');
    expect(types).toContain('"type":"dossier-note-link"');
    expect(types).toContain('"quoteId":"q-1"');
  });

  it('knows a quote block without its class (what the lazy QuoteComponent acts on)', () => {
    const editor = headlessNoteEditor();
    fill(editor);
    editor.getEditorState().read(() => {
      const [paragraph, quote] = $getRoot().getChildren();
      expect($isQuoteHolder(quote)).toBe(true);
      expect($isQuoteHolder(quote) && quote.getQuote().text).toBe(QUOTE.text);
      expect($isQuoteHolder(paragraph)).toBe(false);
      expect($isQuoteHolder($getRoot().getFirstDescendant())).toBe(false);
      expect($isQuoteHolder(null)).toBe(false);
    });
  });

  it('turns an edited quote into a paraphrase that cites the source, and undo restores the quote', async () => {
    const editor = headlessNoteEditor();
    const history = createEmptyHistoryState();
    const unregister = registerHistory(editor, history, 0);
    fill(editor);
    editor.update(
      () => {
        const quote = $getRoot().getLastChildOrThrow();
        if (!$isQuoteNode(quote)) throw new Error('expected a quote');
        $convertQuoteToParaphrase(quote);
      },
      // As after a pause in typing: the conversion is its own undo step, not merged into the fill.
      { discrete: true, tag: 'history-push' },
    );
    const after = editor.getEditorState().toJSON().root.children[1] as unknown as Record<string, unknown>;
    expect(after).toMatchObject({
      type: 'dossier-paraphrase',
      quoteId: 'q-1',
      sourceId: 's-1',
      sourceTitle: 'Talks stall',
    });
    editor.getEditorState().read(() => {
      const node = $getRoot().getLastChildOrThrow();
      expect($isParaphraseNode(node) && node.getTextContent()).toBe('We will not retreat');
    });

    expect(history.undoStack).toHaveLength(1);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    editor.getEditorState().read(() => expect($isQuoteNode($getRoot().getLastChild())).toBe(true));
    unregister();
  });

  it('reads dragged quotes and refuses anything else', () => {
    expect(quotePayloadFrom(JSON.stringify(QUOTE))).toEqual(QUOTE);
    expect(quotePayloadFrom('{"text":""}')).toBeNull();
    expect(quotePayloadFrom('nope')).toBeNull();
    expect(quotePayloadFrom(JSON.stringify({ text: 'x', speaker: 5 }))?.speaker).toBeNull();
  });
});
