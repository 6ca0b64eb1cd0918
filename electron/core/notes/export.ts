/**
 * A note's export, from its saved state (the core never loads Lexical): Markdown by the one serialiser
 * (markdown.ts), or a standalone HTML document rendered from the same mdast tree (mdast-util-to-hast and
 * hast-util-to-html), so both say the same: quotes and paraphrases with numbered citations, citation
 * URLs as links, note links as links to the note's own exported file.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Handler } from 'mdast-util-to-hast';
import { markdownTools } from './markdown-tools';
import { noteFileName } from '../../../shared/file-name';
import { mdastToMarkdown } from './markdown';
import { noteToMdast, type EntityMention, type NoteTreeOptions, type WikiLink } from './note-tree';

export type { CitedSource } from './note-tree';

/** How a note's Markdown is written (see note-tree.ts). */
export type MarkdownOptions = NoteTreeOptions;

/** Renders a note's content as Markdown. */
export function noteToMarkdown(content: string, options: MarkdownOptions = {}): string {
  return mdastToMarkdown(noteToMdast(content, options), options.flavor ?? 'markdown');
}

/** The file a note is exported to as HTML: the name the app saves it under. */
export function htmlFileName(title: string): string {
  return noteFileName(title, 'html');
}

const wikiLink: Handler = (state, node: WikiLink): Element => {
  const properties: Element['properties'] = { className: ['note-link'] };
  if (node.noteId !== undefined) {
    properties.href = encodeURIComponent(htmlFileName(node.title ?? node.label));
    properties.dataNoteId = node.noteId;
  }
  const result: Element = {
    type: 'element',
    tagName: 'a',
    properties,
    children: [{ type: 'text', value: node.label }],
  };
  state.patch(node, result);
  return result;
};

const entityMention: Handler = (state, node: EntityMention): Element => {
  const result: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['mention'], dataEntityId: node.entityId ?? '', dataKind: node.entityKind },
    children: [{ type: 'text', value: node.value }],
  };
  state.patch(node, result);
  return result;
};

const element = (
  tagName: string,
  children: ElementContent[],
  properties: Element['properties'] = {},
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Renders a note as a standalone HTML document (`title` in <title> and <h1>). */
export function noteToHtml(title: string, content: string, options: MarkdownOptions = {}): string {
  const body = markdownTools().toHast(noteToMdast(content, { ...options, flavor: 'markdown' }), {
    handlers: { wikiLink, entityMention },
    footnoteLabel: 'Citations',
    footnoteBackLabel: (index) => `Back to citation ${index + 1}`,
  }) as HastRoot;
  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', [
        element('head', [
          element('meta', [], { charSet: 'utf-8' }),
          element('title', [{ type: 'text', value: title }]),
        ]),
        element('body', [
          element('h1', [{ type: 'text', value: title }]),
          ...(body.children as ElementContent[]),
        ]),
      ]),
    ],
  };
  return `${markdownTools().toHtml(page)}\n`;
}
