import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { NOTE_MARKDOWN_TRANSFORMERS } from './noteNodes';
import { isSafeLinkUrl, normalizeLinkInput } from './url';
import { headlessNoteEditor } from '../testing/note-editor';

const MARKDOWN = '# Title\n\n- a\n- b\n\n> quoted';

describe('note editor nodes', () => {
  it('imports markdown into headings, lists and quotes that round-trip through stored JSON', () => {
    const editor = headlessNoteEditor();
    editor.update(() => $convertFromMarkdownString(MARKDOWN, NOTE_MARKDOWN_TRANSFORMERS), { discrete: true });
    const stored = JSON.stringify(editor.getEditorState().toJSON());

    const types = editor
      .getEditorState()
      .toJSON()
      .root.children.map((node) => node.type);
    expect(types).toEqual(['heading', 'list', 'quote']);

    // Load the stored text into a fresh editor, as opening a note does.
    const reopened = headlessNoteEditor();
    reopened.setEditorState(reopened.parseEditorState(stored));
    expect(JSON.stringify(reopened.getEditorState().toJSON())).toBe(stored);
    const markdown = reopened
      .getEditorState()
      .read(() => $convertToMarkdownString(NOTE_MARKDOWN_TRANSFORMERS));
    expect(markdown).toBe(MARKDOWN);
    expect(reopened.getEditorState().read(() => $getRoot().getTextContent())).toContain('quoted');
  });

  it('keeps bold, italic and links', () => {
    const editor = headlessNoteEditor();
    const source = 'Said **firmly** and *softly*, see [the report](https://example.org/r).';
    editor.update(() => $convertFromMarkdownString(source, NOTE_MARKDOWN_TRANSFORMERS), { discrete: true });
    const reopened = headlessNoteEditor();
    reopened.setEditorState(reopened.parseEditorState(JSON.stringify(editor.getEditorState().toJSON())));
    expect(reopened.getEditorState().read(() => $convertToMarkdownString(NOTE_MARKDOWN_TRANSFORMERS))).toBe(
      source,
    );
  });
});

describe('link URLs', () => {
  it('accepts only http, https and mailto', () => {
    expect(isSafeLinkUrl('https://example.org/a?b=c')).toBe(true);
    expect(isSafeLinkUrl('http://example.org')).toBe(true);
    expect(isSafeLinkUrl('mailto:desk@example.org')).toBe(true);
    expect(isSafeLinkUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeLinkUrl(' JavaScript:alert(1)')).toBe(false);
    expect(isSafeLinkUrl('data:text/html,<b>x</b>')).toBe(false);
    expect(isSafeLinkUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeLinkUrl('example.org')).toBe(false);
  });

  it('completes what a user typed', () => {
    expect(normalizeLinkInput('example.org/x')).toBe('https://example.org/x');
    expect(normalizeLinkInput('desk@example.org')).toBe('mailto:desk@example.org');
    expect(normalizeLinkInput('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
});
