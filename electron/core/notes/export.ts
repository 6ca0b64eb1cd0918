/**
 * A note's serialized Lexical state as Markdown or HTML, without an editor (the core never loads
 * Lexical). Quotes become footnotes that keep their provenance (speaker, source, URL, date);
 * paraphrases keep a citation; mentions are names (or [[wiki links]]); note links are [[Title]].
 */
import { NODE_TYPES } from './links';

type Node = Record<string, unknown>;

/** How mentions are written in Markdown: plain names, or Obsidian-style [[wiki links]]. */
export interface MarkdownOptions {
  mentions: 'plain' | 'wiki';
}

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const CODE = 16;

const MAX_DEPTH = 500;

const s = (value: unknown): string => (typeof value === 'string' ? value : '');
const kids = (node: Node): Node[] =>
  Array.isArray(node.children)
    ? (node.children as unknown[]).filter((c): c is Node => c !== null && typeof c === 'object')
    : [];

/** The root's block nodes of a serialized state ([] for '' or content that is not a state). */
export function rootBlocks(content: string): Node[] {
  if (content === '') return [];
  try {
    const parsed = JSON.parse(content) as { root?: unknown };
    return parsed.root !== null && typeof parsed.root === 'object' ? kids(parsed.root as Node) : [];
  } catch {
    return [];
  }
}

/** The citation line of a quote or paraphrase: "Speaker, Source title, URL, date" (absent parts left out). */
export function citationOf(node: Node): string {
  const speaker = node.speaker as { name?: unknown } | null | undefined;
  const parts = [
    speaker !== null && typeof speaker === 'object' ? s(speaker.name) : '',
    s(node.sourceTitle),
    s(node.sourceUrl),
    s(node.date),
  ].filter((p) => p !== '');
  return parts.join(', ');
}

const escapeMd = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** Renders a note's content as Markdown. */
export function noteToMarkdown(content: string, options: MarkdownOptions = { mentions: 'plain' }): string {
  const footnotes: string[] = [];
  const inline = (nodes: Node[], depth: number): string =>
    depth > MAX_DEPTH
      ? ''
      : nodes
          .map((node) => {
            switch (node.type) {
              case 'linebreak':
                return '  \n';
              case NODE_TYPES.mention: {
                const name = s(node.name) || s(node.text).replace(/^[@#]/, '');
                return options.mentions === 'wiki' ? `[[${name}]]` : escapeMd(name);
              }
              case NODE_TYPES.noteLink:
                return `[[${s(node.title) || s(node.text)}]]`;
              case 'link':
              case 'autolink':
                return `[${inline(kids(node), depth + 1)}](${s(node.url)})`;
              default: {
                if (typeof node.text !== 'string') return inline(kids(node), depth + 1);
                const format = typeof node.format === 'number' ? node.format : 0;
                if (format & CODE) return `\`${node.text}\``;
                let text = escapeMd(node.text);
                if (text.trim() === '') return text;
                if (format & BOLD) text = `**${text}**`;
                if (format & ITALIC) text = `*${text}*`;
                if (format & STRIKE) text = `~~${text}~~`;
                return text;
              }
            }
          })
          .join('');
  const footnote = (node: Node, paraphrase: boolean): string => {
    const citation = citationOf(node);
    if (citation === '') return '';
    footnotes.push(paraphrase ? `Paraphrased from ${citation}` : `"${s(node.text)}" — ${citation}`);
    return `[^${footnotes.length}]`;
  };
  const block = (node: Node, depth: number, indent = ''): string => {
    switch (node.type) {
      case 'heading': {
        const level = Number(s(node.tag).slice(1)) || 1;
        return `${'#'.repeat(level)} ${inline(kids(node), depth + 1)}`;
      }
      case 'quote':
        return `> ${inline(kids(node), depth + 1)}`;
      case 'list':
        return kids(node)
          .map((item, i) => {
            const marker = node.listType === 'number' ? `${i + 1}.` : '-';
            const nested = kids(item).filter((c) => c.type === 'list');
            const own = kids(item).filter((c) => c.type !== 'list');
            const lines =
              nested.length > 0 && own.length === 0 ? [] : [`${indent}${marker} ${inline(own, depth + 2)}`];
            for (const list of nested) lines.push(block(list, depth + 2, `${indent}  `));
            return lines.join('\n');
          })
          .join('\n');
      case NODE_TYPES.quote:
        return `> “${escapeMd(s(node.text))}”${footnote(node, false)}`;
      case NODE_TYPES.paraphrase:
        return `${inline(kids(node), depth + 1)}${footnote(node, true)}`;
      default:
        return inline(kids(node), depth + 1);
    }
  };
  const body = rootBlocks(content)
    .map((node) => block(node, 1))
    .join('\n\n');
  const notes = footnotes.map((text, i) => `[^${i + 1}]: ${text}`).join('\n');
  return notes === '' ? `${body}\n` : `${body}\n\n${notes}\n`;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const safeUrl = (url: string): string => (/^(https?:|mailto:)/i.test(url) ? url : '#');

/** Renders a note as a standalone HTML document (`title` in <title> and <h1>). */
export function noteToHtml(title: string, content: string): string {
  const inline = (nodes: Node[], depth: number): string =>
    depth > MAX_DEPTH
      ? ''
      : nodes
          .map((node) => {
            switch (node.type) {
              case 'linebreak':
                return '<br>';
              case NODE_TYPES.mention:
                return `<span class="mention" data-entity-id="${escapeHtml(s(node.entityId))}" data-kind="${escapeHtml(s(node.kind))}">${escapeHtml(s(node.name) || s(node.text))}</span>`;
              case NODE_TYPES.noteLink:
                return `<a class="note-link" data-note-id="${escapeHtml(s(node.noteId))}">${escapeHtml(s(node.title) || s(node.text))}</a>`;
              case 'link':
              case 'autolink':
                return `<a href="${escapeHtml(safeUrl(s(node.url)))}">${inline(kids(node), depth + 1)}</a>`;
              default: {
                if (typeof node.text !== 'string') return inline(kids(node), depth + 1);
                const format = typeof node.format === 'number' ? node.format : 0;
                let html = escapeHtml(node.text);
                if (format & CODE) html = `<code>${html}</code>`;
                if (format & BOLD) html = `<strong>${html}</strong>`;
                if (format & ITALIC) html = `<em>${html}</em>`;
                if (format & STRIKE) html = `<s>${html}</s>`;
                return html;
              }
            }
          })
          .join('');
  const cite = (node: Node): string => {
    const citation = citationOf(node);
    return citation === '' ? '' : `<cite>${escapeHtml(citation)}</cite>`;
  };
  const block = (node: Node, depth: number): string => {
    switch (node.type) {
      case 'heading': {
        const tag = /^h[1-6]$/.test(s(node.tag)) ? s(node.tag) : 'h2';
        return `<${tag}>${inline(kids(node), depth + 1)}</${tag}>`;
      }
      case 'quote':
        return `<blockquote>${inline(kids(node), depth + 1)}</blockquote>`;
      case 'list': {
        const tag = node.listType === 'number' ? 'ol' : 'ul';
        const items = kids(node).map((item) => {
          const inner = kids(item)
            .map((c) => (c.type === 'list' ? block(c, depth + 2) : inline([c], depth + 2)))
            .join('');
          return `<li>${inner}</li>`;
        });
        return `<${tag}>${items.join('')}</${tag}>`;
      }
      case NODE_TYPES.quote:
        return `<figure class="dossier-quote" data-quote-id="${escapeHtml(s(node.quoteId))}"><blockquote>${escapeHtml(s(node.text))}</blockquote><figcaption>${cite(node)}</figcaption></figure>`;
      case NODE_TYPES.paraphrase:
        return `<p class="dossier-paraphrase">${inline(kids(node), depth + 1)} ${cite(node)}</p>`;
      default:
        return `<p>${inline(kids(node), depth + 1)}</p>`;
    }
  };
  const body = rootBlocks(content)
    .map((node) => block(node, 1))
    .join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>\n`;
}
