/**
 * The one error type the clipper throws. Every bad input (empty, binary, huge, unparseable, no article)
 * becomes a {@link ClipError} with a code a host can branch on and a message a user can act on, so a
 * bulk import reports the file and moves on instead of crashing.
 */

/** Why a clip failed. */
export type ClipErrorCode =
  /** The file or input has no content (zero bytes or only whitespace). */
  | 'EMPTY'
  /** The bytes are not text (an image, archive, PDF, executable...). */
  | 'BINARY'
  /** The input is over {@link MAX_CLIP_BYTES}. */
  | 'TOO_LARGE'
  /** The page parsed, but no readable article text was found in it. */
  | 'NO_ARTICLE'
  /** The page could not be parsed or processed at all. */
  | 'PARSE_FAILED'
  /** The file type is not one the clipper reads (for example .pdf or .docx). */
  | 'UNSUPPORTED'
  /** The file could not be read from disk (missing, permissions...). */
  | 'READ_FAILED'
  /** A URL could not be fetched (unreachable, HTTP error, timeout, too many redirects...). */
  | 'FETCH_FAILED';

/** Inputs larger than this (50 MB) are refused before parsing: no news article is that big. */
export const MAX_CLIP_BYTES = 50 * 1024 * 1024;

/** A clip that failed for a known reason; `message` says what happened and what to do. */
export class ClipError extends Error {
  /** Machine-readable reason, stable across releases. */
  readonly code: ClipErrorCode;

  constructor(code: ClipErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClipError';
    this.code = code;
  }
}

/** True for a {@link ClipError}, also across module copies (the check is by shape, not identity). */
export function isClipError(error: unknown): error is ClipError {
  return (
    error instanceof ClipError ||
    (error instanceof Error && error.name === 'ClipError' && typeof (error as ClipError).code === 'string')
  );
}
