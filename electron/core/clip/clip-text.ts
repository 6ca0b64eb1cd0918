/**
 * Plain-text and Markdown files as articles. There is no page to extract from: the whole file is the
 * article, its first line (or first Markdown heading) the title. The HTML is built here from escaped
 * text, so nothing in the file can become markup.
 */
import { checkText, decodeBytes } from './decode';
import { contentHash, countWords } from './text';
import { titleFromFirstLine } from './title';
import type { ClippedArticle } from './types';

/** Input to {@link clipText}. */
export interface ClipTextInput {
  /** The file's content: bytes (decoded like pages, without the meta step) or a string. */
  text: string | Uint8Array;
  /** `markdown` reads `#` headings, list markers and emphasis; `plain` keeps every character. */
  format: 'plain' | 'markdown';
  /** Names the input in error messages (default "The text"). */
  what?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

interface Block {
  kind: 'p' | 'h';
  level: number;
  text: string;
}

/** Splits text into paragraphs at blank lines; Markdown headings become their own blocks. */
function blocks(text: string, markdown: boolean): Block[] {
  const found: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((line) => line.trimEnd());
    if (lines.every((line) => line.trim() === '')) continue;
    if (markdown) {
      const setext = lines.length === 2 && /^(=+|-+)\s*$/.test(lines[1] ?? '');
      if (setext) {
        found.push({ kind: 'h', level: lines[1]!.startsWith('=') ? 1 : 2, text: lines[0]!.trim() });
        continue;
      }
      let paragraph: string[] = [];
      for (const line of lines) {
        const heading = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/);
        if (heading === null) {
          paragraph.push(line);
          continue;
        }
        if (paragraph.length > 0) found.push({ kind: 'p', level: 0, text: paragraph.join('\n') });
        paragraph = [];
        found.push({ kind: 'h', level: heading[1]!.length, text: heading[2]! });
      }
      if (paragraph.length > 0) found.push({ kind: 'p', level: 0, text: paragraph.join('\n') });
    } else {
      found.push({ kind: 'p', level: 0, text: lines.join('\n').trim() });
    }
  }
  return found;
}

/** Markdown inline markers a reader does not want in plain text (emphasis, code ticks, link syntax). */
function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(`+)(.+?)\1/g, '$2');
}

/** Clips a .txt or .md file's content. Throws ClipError EMPTY, BINARY or TOO_LARGE. */
export function clipText(input: ClipTextInput): ClippedArticle {
  const what = input.what ?? 'The text';
  const original = checkText(
    typeof input.text === 'string' ? input.text : decodeBytes(input.text, { what }),
    what,
  );
  const markdown = input.format === 'markdown';
  const parts = blocks(original, markdown).map((block) => ({
    ...block,
    text: markdown ? stripInlineMarkdown(block.text) : block.text,
  }));
  const text = parts.map((block) => block.text.trim()).join('\n\n');
  const html = parts
    .map((block) => {
      const inner = escapeHtml(block.text.trim()).replace(/\n/g, '<br>\n');
      return block.kind === 'h' ? `<h${block.level}>${inner}</h${block.level}>` : `<p>${inner}</p>`;
    })
    .join('\n');
  const heading = markdown ? parts.find((block) => block.kind === 'h') : undefined;
  const firstParagraph =
    parts
      .find((block) => block.kind === 'p')
      ?.text.replace(/\s+/g, ' ')
      .trim() ?? null;
  return {
    title: heading?.text.trim() || titleFromFirstLine(text, 'Untitled text'),
    byline: null,
    siteName: null,
    published: null,
    lang: null,
    canonicalUrl: null,
    text,
    html,
    excerpt: firstParagraph === null ? null : firstParagraph.slice(0, 300),
    wordCount: countWords(text),
    contentHash: contentHash(text),
    originalHtml: original,
  };
}
