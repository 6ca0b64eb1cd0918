/**
 * The one Markdown serialiser: a note's mdast tree (note-tree.ts) written by mdast-util-to-markdown with
 * GitHub Flavored Markdown (footnotes, strikethrough, tables, autolink literals). The library escapes
 * whatever would change the meaning of plain text (a paragraph "1986. A great year" stays a paragraph,
 * "- x" is no list item, `~~x~~` no strikethrough, four leading spaces no code block, a URL typed as
 * text no link); the Obsidian flavour also escapes Obsidian's own syntax in text
 * (#tags, ^block ids, %%comments%%, ==highlights==, $math$). Every Markdown Dossier writes (a note's
 * export, the Obsidian vault's notes, sources and entity pages) comes from here.
 */
import type { Parents, Root } from 'mdast';
import type { Handle, Join, Options, Unsafe } from 'mdast-util-to-markdown';
import { markdownTools } from './markdown-tools';
import type { EntityMention, WikiLink } from './note-tree';

const wikiLink: Handle = (node: WikiLink) => {
  const target = node.target;
  const body = target === node.label ? target : `${target}|${node.label}`;
  return `${node.embed ? '!' : ''}[[${body}]]`;
};

const entityMention: Handle = (node: EntityMention, _parent, state, info) => state.safe(node.value, info);

/** Obsidian reads these in plain text as its own syntax; a backslash keeps them text. */
const OBSIDIAN_UNSAFE: Unsafe[] = [
  // #tag (a # before a letter, digit or another tag character).
  { character: '#', after: '[^\\s#]', inConstruct: 'phrasing' },
  { character: '^', inConstruct: 'phrasing' },
  { character: '%', after: '%', inConstruct: 'phrasing' },
  { character: '=', after: '=', inConstruct: 'phrasing' },
  { character: '$', inConstruct: 'phrasing' },
];

/** Footnote definitions one per line, and a callout's title line directly above its body. */
const join: Join = (left, right, parent) => {
  if (left.type === 'footnoteDefinition' && right.type === 'footnoteDefinition') return 0;
  if ((parent as Parents & { data?: { callout?: boolean } }).data?.callout === true) return 0;
  return undefined;
};

/** How Markdown is written: the same choices everywhere (`-` bullets, `*` emphasis, `**` strong). */
function options(flavor: 'markdown' | 'obsidian'): Options {
  return {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    handlers: { wikiLink, entityMention },
    join: [join],
    unsafe: flavor === 'obsidian' ? OBSIDIAN_UNSAFE : [],
    extensions: [markdownTools().gfmToMarkdown()],
  };
}

/** Writes an mdast tree as Markdown (ending in one newline). */
export function mdastToMarkdown(tree: Root, flavor: 'markdown' | 'obsidian' = 'markdown'): string {
  const markdown = markdownTools().toMarkdown(tree, options(flavor));
  return markdown.endsWith('\n') ? markdown : `${markdown}\n`;
}
