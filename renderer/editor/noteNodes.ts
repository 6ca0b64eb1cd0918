/**
 * The node classes every note may contain. Stored notes name these by their `type` strings, so a node
 * removed from this list makes old notes fail to load: add, never remove.
 */
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type Transformer,
} from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { MentionNode } from './nodes/MentionNode';
import { NoteLinkNode } from './nodes/NoteLinkNode';
import { ParaphraseNode } from './nodes/ParaphraseNode';
import { QuoteNode as DossierQuoteNode } from './nodes/QuoteNode';

/** Registered with every editor that opens a note, headless ones included. */
export const NOTE_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  MentionNode,
  NoteLinkNode,
  DossierQuoteNode,
  ParaphraseNode,
];

/**
 * Markdown shortcuts for the nodes above. The fenced-code and checklist transformers of Lexical's
 * default set are left out because their nodes are not part of a note (yet).
 */
export const NOTE_MARKDOWN_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  LINK,
];

/** The Lexical namespace of note editors (copy/paste between them keeps rich formatting). */
export const NOTE_EDITOR_NAMESPACE = 'dossier-note';
