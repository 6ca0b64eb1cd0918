/**
 * A saved note as an mdast tree (the syntax tree of the unified/remark ecosystem), built from the note
 * format's walker. The one Markdown serialiser (markdown.ts, mdast-util-to-markdown) and the HTML export
 * (mdast-util-to-hast) both start from this tree, so what a note says is decided here once: quotes and
 * paraphrases become footnotes that keep their provenance (speaker, source, byline, publication, URL,
 * date); mentions are names or [[wiki links]]; note links are [[wiki links]].
 *
 * Two flavours: plain Markdown (CommonMark with GFM footnotes and strikethrough) for a note on its own,
 * and Obsidian, where links go to the vault's files and quotes are `> [!quote]` callouts with a block id.
 */
import type {
  Blockquote,
  FootnoteDefinition,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { TEXT_FORMAT, type Citation, type NoteContent } from '../../../shared/note-format/nodes';
import { parseNote, walkNote } from '../../../shared/note-format/read';

/** `[[target|label]]` (or `![[target]]`): a link Obsidian resolves by file name. */
export interface WikiLink {
  type: 'wikiLink';
  /** The file name (without `.md`) or, outside a vault, the title. May end in `#^block-id`. */
  target: string;
  /** What the link shows. */
  label: string;
  /** `![[...]]`: show the target inline (an image, a quoted block). */
  embed?: boolean;
  /** The note it points at, and its title as typed, for the HTML export's link to its file. */
  noteId?: string;
  title?: string;
}

/** A mention written as the entity's name (outside a vault), with its entity for the HTML export. */
export interface EntityMention {
  type: 'entityMention';
  value: string;
  entityId: string | null;
  entityKind: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
    entityMention: EntityMention;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
    entityMention: EntityMention;
  }
}

/** What a note's citation can add about its source: the byline and publication captured at clip time. */
export interface CitedSource {
  title: string;
  url: string | null;
  byline: string | null;
  site: string | null;
  /** ISO date or timestamp of publication, or null. */
  published: string | null;
}

/** Where things are in an Obsidian vault: file names without `.md`, or null when not exported. */
export interface VaultTargets {
  entity(id: string): string | null;
  note(id: string): string | null;
  source(id: string): string | null;
  /** The block id (`q-…`) of a quote in its source's file, or null when that file does not show it. */
  quoteBlock(sourceId: string, quoteId: string): string | null;
}

/** How to build the tree. */
export interface NoteTreeOptions {
  flavor?: 'markdown' | 'obsidian';
  /** Outside a vault: mentions as plain names (default) or as [[name]]. */
  mentions?: 'plain' | 'wiki';
  /** Obsidian: the vault's files, so every link is `[[file name|Title]]` to a file that exists. */
  vault?: VaultTargets;
  /** The stored source a citation names, for its byline and publication; null when unknown. */
  source?(id: string): CitedSource | null;
  /** A title to open the document with (a level-1 heading); none when absent or ''. */
  title?: string;
}

/** A text node. */
export const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** Characters a wiki link's label cannot hold (they would end or split the link); look-alikes instead. */
export function wikiLabel(label: string): string {
  return label
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '∣')
    .replace(/\[/g, '［')
    .replace(/\]/g, '］');
}

/** The block id (`^q-…`) of a quote in an Obsidian file: its id, in the characters block ids allow. */
export function quoteBlockId(quoteId: string): string {
  return `q-${quoteId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

/**
 * An Obsidian quote callout: `> [!quote] title` over the quoted words, then the block id on a line of
 * its own (where Obsidian looks for the id of a quote or callout block) when one is given.
 */
export function quoteCallout(
  title: PhrasingContent[],
  body: PhrasingContent[],
  blockId: string | null,
): RootContent[] {
  const head: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'html', value: '[!quote]' }, ...(title.length > 0 ? [text(' '), ...title] : [])],
  };
  const callout = {
    type: 'blockquote',
    data: { callout: true },
    children: [head, { type: 'paragraph', children: body }],
  };
  const id: Html = { type: 'html', value: `^${blockId}` };
  return blockId === null ? [callout as RootContent] : [callout as RootContent, id];
}

/** A text node with Lexical's format bits as mdast marks; surrounding spaces stay outside the marks. */
function formatted(value: string, format: number): PhrasingContent[] {
  if (format & TEXT_FORMAT.code) return [{ type: 'inlineCode', value }];
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? [];
  if (core === '') return [text(value)];
  let node: PhrasingContent = text(core);
  if (format & TEXT_FORMAT.bold) node = { type: 'strong', children: [node] };
  if (format & TEXT_FORMAT.italic) node = { type: 'emphasis', children: [node] };
  if (format & TEXT_FORMAT.strikethrough) node = { type: 'delete', children: [node] };
  return [...(lead ? [text(lead)] : []), node, ...(trail ? [text(trail)] : [])];
}

/** A date as written in a citation: the day of an ISO timestamp, or the text as given. */
export function citationDate(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

/** The parts of a citation, in order: speaker, source title, byline, publication, URL, date. */
function citationParts(
  citation: Citation,
  options: NoteTreeOptions,
  blockOf: (quoteId: string | null) => string | null,
): PhrasingContent[][] {
  const source = citation.sourceId === null ? null : (options.source?.(citation.sourceId) ?? null);
  const title = citation.sourceTitle || source?.title || '';
  const url = citation.sourceUrl || source?.url || '';
  const file = citation.sourceId === null ? null : (options.vault?.source(citation.sourceId) ?? null);
  const parts: PhrasingContent[][] = [];
  if (citation.speaker?.name) parts.push([text(citation.speaker.name)]);
  if (file !== null) {
    const block = blockOf(citation.quoteId);
    const target = block === null ? file : `${file}#^${block}`;
    parts.push([{ type: 'wikiLink', target, label: wikiLabel(title || file) }]);
  } else if (title !== '') {
    parts.push([text(title)]);
  }
  if (source?.byline) parts.push([text(source.byline)]);
  if (source?.site && source.site !== title) parts.push([text(source.site)]);
  if (url !== '') parts.push([{ type: 'link', url, children: [text(url)] }]);
  const date = citation.date || citationDate(source?.published);
  if (date !== '') parts.push([text(date)]);
  return parts;
}

const joinParts = (parts: PhrasingContent[][]): PhrasingContent[] =>
  parts.flatMap((part, i) => (i === 0 ? part : [text(', '), ...part]));

/** One open node of the tree being built. */
interface Frame {
  node: Parent | null;
  /** Holds paragraphs and other blocks (root, blockquote, list item), not phrasing. */
  flow: boolean;
  /** A paragraph this flow container opened for loose inline content, while it is still the last child. */
  loose: Paragraph | null;
  source: NoteContent | null;
}

/**
 * The mdast tree of a note's `content` (a serialized editor state; invalid content reads as what can be
 * read). Footnote definitions come last, numbered in document order.
 */
export function noteToMdast(content: string, options: NoteTreeOptions = {}): Root {
  const obsidian = options.flavor === 'obsidian';
  const root: Root = { type: 'root', children: [] };
  if (options.title) root.children.push({ type: 'heading', depth: 1, children: [text(options.title)] });
  const footnotes: FootnoteDefinition[] = [];
  const usedBlocks = new Set<string>();
  const frames: Frame[] = [{ node: root, flow: true, loose: null, source: null }];

  /** The nearest frame that holds nodes (frames of transparent nodes hold none). */
  const holder = (): Frame => {
    for (let i = frames.length - 1; i >= 0; i--) if (frames[i]!.node !== null) return frames[i]!;
    return frames[0]!;
  };
  const addPhrasing = (...nodes: PhrasingContent[]): void => {
    const frame = holder();
    if (!frame.flow) {
      (frame.node as Parent).children.push(...nodes);
      return;
    }
    let paragraph = frame.loose;
    if (paragraph === null) {
      paragraph = { type: 'paragraph', children: [] };
      addFlow(paragraph);
      frame.loose = paragraph;
    }
    paragraph.children.push(...nodes);
  };
  /** Adds a block; false when the nearest holder takes only phrasing (a block nested in a paragraph). */
  const addFlow = (node: RootContent): boolean => {
    const frame = holder();
    if (!frame.flow) return false;
    const parent = frame.node as Parent;
    if (parent.type === 'list' && node.type !== 'listItem') {
      // Loose content directly in a list becomes an item of its own.
      parent.children.push({ type: 'listItem', spread: false, children: [node as never] });
    } else {
      parent.children.push(node as never);
    }
    frame.loose = null;
    return true;
  };
  /** Opens `node` as the container of the walked node's children (or flattens it into the line). */
  const open = (
    node: Paragraph | Heading | Blockquote | List | ListItem,
    flow: boolean,
    source: NoteContent,
  ): void => {
    if (addFlow(node as RootContent)) {
      frames.push({ node, flow, loose: null, source });
      return;
    }
    // A block inside a paragraph or heading: its words continue the line after a break.
    const line = holder().node as Parent;
    if (line.children.length > 0) line.children.push({ type: 'break' });
    frames.push({ node: null, flow: false, loose: null, source });
  };

  const footnote = (children: PhrasingContent[]): PhrasingContent => {
    const identifier = String(footnotes.length + 1);
    footnotes.push({
      type: 'footnoteDefinition',
      identifier,
      label: identifier,
      children: [{ type: 'paragraph', children }],
    });
    return { type: 'footnoteReference', identifier, label: identifier };
  };
  const blockOf =
    (sourceId: string | null) =>
    (quoteId: string | null): string | null =>
      sourceId !== null && quoteId !== null ? (options.vault?.quoteBlock(sourceId, quoteId) ?? null) : null;
  const citeNote = (citation: Citation, lead: PhrasingContent[]): PhrasingContent | null => {
    const parts = citationParts(citation, options, blockOf(citation.sourceId));
    return parts.length === 0 ? null : footnote([...lead, ...joinParts(parts)]);
  };
  /** A block id for a quote callout, unique in this note. */
  const blockId = (quoteId: string | null): string => {
    const base = quoteId === null ? 'quote' : quoteBlockId(quoteId);
    let id = base === 'quote' ? 'quote-1' : base;
    for (let n = 2; usedBlocks.has(id); n++) id = `${base}-${n}`;
    usedBlocks.add(id);
    return id;
  };

  const addQuote = (words: string, citation: Citation): void => {
    const ref = citeNote(citation, [text(`"${words}" — `)]);
    const said: Paragraph = { type: 'paragraph', children: [text(`“${words}”`), ...(ref ? [ref] : [])] };
    if (!obsidian) {
      addFlow({ type: 'blockquote', children: [said] });
      return;
    }
    const speaker = citation.speaker;
    const file = speaker?.entityId ? (options.vault?.entity(speaker.entityId) ?? null) : null;
    const title: PhrasingContent[] = !speaker?.name
      ? []
      : [
          file === null
            ? text(speaker.name)
            : { type: 'wikiLink', target: file, label: wikiLabel(speaker.name) },
        ];
    for (const node of quoteCallout(title, said.children, blockId(citation.quoteId))) addFlow(node);
  };

  const mention = (node: Extract<NoteContent, { kind: 'mention' }>): PhrasingContent => {
    const name = node.name || (node.text ?? '').replace(/^[@#]/, '');
    const file = node.entityId === null ? null : (options.vault?.entity(node.entityId) ?? null);
    if (file !== null) return { type: 'wikiLink', target: file, label: wikiLabel(name) };
    if (options.mentions === 'wiki' && !options.vault)
      return { type: 'wikiLink', target: wikiLabel(name), label: wikiLabel(name) };
    return { type: 'entityMention', value: name, entityId: node.entityId, entityKind: node.entityKind };
  };

  const noteLink = (node: Extract<NoteContent, { kind: 'note-link' }>): PhrasingContent => {
    const title = node.title || node.text || '';
    const file = node.noteId === null ? null : (options.vault?.note(node.noteId) ?? null);
    const link: WikiLink = { type: 'wikiLink', target: file ?? wikiLabel(title), label: wikiLabel(title) };
    if (node.noteId !== null) {
      link.noteId = node.noteId;
      link.title = title;
    }
    // In a vault, a link to a note that was not exported (it is in the trash) is only its title.
    return options.vault && file === null ? text(title) : link;
  };

  walkNote(parseNote(content), {
    enter(node) {
      switch (node.kind) {
        case 'paragraph':
        case 'block':
        case 'paraphrase':
          open({ type: 'paragraph', children: [] }, false, node);
          return;
        case 'heading':
          open({ type: 'heading', depth: node.level, children: [] }, false, node);
          return;
        case 'blockquote':
          open({ type: 'blockquote', children: [] }, true, node);
          return;
        case 'list':
          open(
            {
              type: 'list',
              ordered: node.ordered,
              start: node.start,
              spread: false,
              children: [],
            },
            true,
            node,
          );
          return;
        case 'listitem':
          open({ type: 'listItem', spread: false, children: [] }, true, node);
          return;
        case 'quote':
          if (holder().flow) addQuote(node.text ?? '', node.citation);
          else addPhrasing(text(`“${node.text ?? ''}”`));
          return false;
        case 'leaf':
          return false;
        case 'text':
          addPhrasing(...formatted(node.text, node.format));
          return false;
        case 'linebreak':
          addPhrasing({ type: 'break' });
          return false;
        case 'mention':
          addPhrasing(mention(node));
          return false;
        case 'note-link':
          addPhrasing(noteLink(node));
          return false;
        case 'link': {
          const link: Parent = { type: 'link', url: node.url, children: [] } as Parent;
          addPhrasing(link as PhrasingContent);
          frames.push({ node: link, flow: false, loose: null, source: node });
          return;
        }
        case 'inline':
          frames.push({ node: null, flow: false, loose: null, source: node });
          return;
      }
    },
    leave(node) {
      const frame = frames.pop()!;
      if (frame.node !== null && !frame.flow) {
        trimBreaks(frame.node);
        mergeMarks(frame.node);
      }
      if (node.kind === 'paraphrase' && frame.node !== null) {
        const ref = citeNote(node.citation, [text('Paraphrased from ')]);
        if (ref !== null) (frame.node as Paragraph).children.push(ref);
      }
      if (node.kind === 'listitem' && frame.node !== null)
        nestUnderPrevious(holder().node as Parent, frame.node);
    },
  });
  root.children.push(...footnotes);
  return root;
}

/** A line break at the start or end of a paragraph is no break in Markdown (it would print a "\\"). */
function trimBreaks(line: Parent): void {
  while (line.children[0]?.type === 'break') line.children.shift();
  while (line.children.at(-1)?.type === 'break') line.children.pop();
}

const MARKS: ReadonlySet<string> = new Set(['strong', 'emphasis', 'delete']);

/**
 * Joins neighbouring runs with the same mark ("~~a~~" then "~~b~~" is one "~~ab~~", two code spans one):
 * Markdown cannot write two such runs side by side ("~~a~~~~b~~" and "`a``b`" read differently).
 */
function mergeMarks(parent: Parent): void {
  const merged: Parent['children'] = [];
  for (const child of parent.children) {
    const last = merged.at(-1);
    if (last !== undefined && last.type === child.type && MARKS.has(child.type)) {
      (last as Parent).children.push(...(child as Parent).children);
    } else if ((last?.type === 'text' || last?.type === 'inlineCode') && child.type === last.type) {
      last.value += child.value;
    } else {
      merged.push(child.type === 'text' || child.type === 'inlineCode' ? { ...child } : child);
    }
  }
  for (const child of merged) if (MARKS.has(child.type)) mergeMarks(child as Parent);
  parent.children = merged;
}

/**
 * Lexical keeps a nested list in a list item of its own after its parent item; Markdown nests it inside
 * the parent item. Moves an item that holds only lists into the item before it.
 */
function nestUnderPrevious(list: Parent, item: Parent): void {
  if (item.children.length === 0 || !item.children.every((c) => c.type === 'list')) return;
  const index = list.children.indexOf(item as never);
  const previous = index > 0 ? (list.children[index - 1] as Parent) : null;
  if (previous === null || previous.type !== 'listItem') return;
  previous.children.push(...(item.children as never[]));
  list.children.splice(index, 1);
}
