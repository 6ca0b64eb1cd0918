/**
 * Markdown export of Dossier's own nodes, for copying a note as Markdown from the editor. (The core's
 * exportNote renders stored notes without Lexical; these transformers make the editor agree with it:
 * mentions as names, note links as [[Title]], quotes as block quotes with their citation.) They are
 * export-only: [[ and @ are typed through the typeahead plugins, which know the ids.
 */
import type { ElementTransformer, TextMatchTransformer, Transformer } from '@lexical/markdown';
import { citationLine } from './nodes/citation';
import { $isMentionNode, MentionNode } from './nodes/MentionNode';
import { $isNoteLinkNode, NoteLinkNode } from './nodes/NoteLinkNode';
import { $isParaphraseNode, ParaphraseNode } from './nodes/ParaphraseNode';
import { $isQuoteNode, QuoteNode } from './nodes/QuoteNode';
import { NOTE_MARKDOWN_TRANSFORMERS } from './noteNodes';

// Never matches: these transformers only export.
const NEVER = /(?!)/;

const MENTION: TextMatchTransformer = {
  dependencies: [MentionNode],
  export: (node) => ($isMentionNode(node) ? node.getName() : null),
  regExp: NEVER,
  type: 'text-match',
};

const NOTE_LINK: TextMatchTransformer = {
  dependencies: [NoteLinkNode],
  export: (node) => ($isNoteLinkNode(node) ? `[[${node.getTitle()}]]` : null),
  regExp: NEVER,
  type: 'text-match',
};

const DOSSIER_QUOTE: ElementTransformer = {
  dependencies: [QuoteNode],
  export: (node) => {
    if (!$isQuoteNode(node)) return null;
    const quote = node.getQuote();
    const citation = citationLine(quote);
    return `> “${quote.text}”${citation === '' ? '' : `\n> — ${citation}`}`;
  },
  regExp: NEVER,
  replace: () => false,
  type: 'element',
};

const PARAPHRASE: ElementTransformer = {
  dependencies: [ParaphraseNode],
  export: (node, exportChildren) => {
    if (!$isParaphraseNode(node)) return null;
    const citation = citationLine(node.getCitation());
    return `${exportChildren(node)}${citation === '' ? '' : ` (${citation})`}`;
  },
  regExp: NEVER,
  replace: () => false,
  type: 'element',
};

/** Transformers for `$convertToMarkdownString` of a whole note, Dossier's nodes first. */
export const NOTE_EXPORT_TRANSFORMERS: Transformer[] = [
  DOSSIER_QUOTE,
  PARAPHRASE,
  MENTION,
  NOTE_LINK,
  ...NOTE_MARKDOWN_TRANSFORMERS,
];
