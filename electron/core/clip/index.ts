/**
 * The clipper: web pages and text files -> clean, sanitized articles with metadata. Plain Node (no
 * Electron), shared by the app, the CLI and the browser host.
 */
export { clipHtml, type ClipHtmlOptions } from './clip-html';
export { clipText, type ClipTextInput } from './clip-text';
export {
  clipFile,
  expandClipPaths,
  listClippableFiles,
  CLIPPABLE_EXTENSIONS,
  type ClipFileOptions,
} from './clip-file';
export { ClipError, isClipError, MAX_CLIP_BYTES, type ClipErrorCode } from './errors';
export { sanitizeArticleHtml } from './sanitize';
export type { ClipHtmlInput, ClippedArticle } from './types';
