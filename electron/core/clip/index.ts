/**
 * The clipper: web pages and text files -> clean, sanitized articles with metadata. Plain Node (no
 * Electron), shared by the app, the CLI and the browser host.
 */
export { clipHtml, type ClipHtmlOptions } from './clip-html';
export { clipText, type ClipTextInput } from './clip-text';
export {
  clipBytes,
  clipFile,
  readClipFile,
  expandClipPaths,
  listClippableFiles,
  CLIPPABLE_EXTENSIONS,
  type ClipFileOptions,
} from './clip-file';
export { ClipError, isClipError, MAX_CLIP_BYTES, type ClipErrorCode } from './errors';
export { sanitizeArticleHtml } from './sanitize';
export type { ClipHtmlInput, ClippedArticle, ImageRef } from './types';
export { fetchHttp, PAGE_FETCH_LIMITS, type Fetched, type FetchLimits } from './fetch-url';
export { localiseImages, sniffImage, DEFAULT_IMAGE_LIMITS, type LocalisedImage } from './images';
export { parseMhtml } from './mhtml';
export { ResourceMap, type Resource } from './resources';
export { collectLocalResources } from './local-resources';
