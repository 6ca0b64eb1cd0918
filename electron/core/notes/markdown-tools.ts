/**
 * The Markdown and HTML writers (mdast-util-to-markdown with GFM, mdast-util-to-hast, hast-util-to-html),
 * loaded on the first export instead of when the core starts: they are ES modules with many files, and
 * loading them was a part of the core worker's start, before the window's first call was answered.
 * ES modules cannot be required, so each caller that exports awaits {@link loadMarkdownTools} first;
 * the writers themselves stay synchronous.
 */
import type * as ToHast from 'mdast-util-to-hast';
import type * as ToMarkdown from 'mdast-util-to-markdown';
import type * as Gfm from 'mdast-util-gfm';
import type * as ToHtml from 'hast-util-to-html';

export interface MarkdownTools {
  toMarkdown: typeof ToMarkdown.toMarkdown;
  gfmToMarkdown: typeof Gfm.gfmToMarkdown;
  toHast: typeof ToHast.toHast;
  toHtml: typeof ToHtml.toHtml;
}

let tools: MarkdownTools | null = null;
let loading: Promise<void> | null = null;

/** Loads the writers once; later calls resolve at once. */
export function loadMarkdownTools(): Promise<void> {
  loading ??= Promise.all([
    import('mdast-util-to-markdown'),
    import('mdast-util-gfm'),
    import('mdast-util-to-hast'),
    import('hast-util-to-html'),
  ]).then(
    ([markdown, gfm, hast, html]) => {
      tools = {
        toMarkdown: markdown.toMarkdown,
        gfmToMarkdown: gfm.gfmToMarkdown,
        toHast: hast.toHast,
        toHtml: html.toHtml,
      };
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The writers; {@link loadMarkdownTools} must have finished (a caller that did not await it is a bug). */
export function markdownTools(): MarkdownTools {
  if (tools === null) {
    throw new Error('Markdown export was used before its writers were loaded (await loadMarkdownTools()).');
  }
  return tools;
}
