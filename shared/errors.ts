/**
 * Errors that cross the API boundary. Every failure the UI can see has one of these codes, a message
 * that says what happened and what to do, and optional details for the UI to act on.
 */

/** Every error code the API can return. */
export const ERROR_CODES = [
  /** The id does not name a live (or, for restore, trashed) record. */
  'NOT_FOUND',
  /** The record changed since the caller read it; `details.current` holds the newer version. */
  'VERSION_CONFLICT',
  /** An argument had the wrong type or shape. */
  'INVALID_ARGUMENT',
  /** The database was written by a newer Dossier; it was not changed. */
  'DB_TOO_NEW',
  /** The database file cannot be opened or failed its integrity check; it was not changed. */
  'DB_CORRUPT',
  /** The database is read-only or the disk is full. */
  'DB_READONLY',
  /**
   * The notebook is open read-only (the user chose it, or its file or folder cannot be written), so
   * this change was refused; nothing stored was changed.
   */
  'READ_ONLY',
  /** A write failed because the disk is full; it was rolled back and nothing stored was lost. */
  'DISK_FULL',
  /** The request lacked the host's token or came from a foreign origin. */
  'UNAUTHORIZED',
  /**
   * An article could not be clipped (empty, binary, too large, no article, unreachable URL ...);
   * `details.reason` is the clipper's code, `details.file` the file or URL. Nothing stored was changed.
   */
  'CLIP_FAILED',
  /** The notebook is not available (still starting, or closed). */
  'UNAVAILABLE',
  /** A bug in Dossier; the message says what failed. */
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The plain-object form of an {@link ApiError}, as sent over IPC, worker messages and HTTP. */
export interface SerializedApiError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An error with a code the UI understands. Thrown by the core and re-created on the UI side. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  /** The form sent across a process or network boundary. */
  toJSON(): SerializedApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** True when `value` is an {@link ApiError} (also across realms, by shape). */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** True when `code` is one of {@link ERROR_CODES}. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Turns anything thrown into the serialized form. Unknown errors become INTERNAL so that a bug never
 * shows a raw stack to the user, but their message is kept for the bug report.
 */
export function serializeError(error: unknown): SerializedApiError {
  if (error instanceof ApiError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}

/** Re-creates an {@link ApiError} from its serialized form; anything malformed becomes INTERNAL. */
export function deserializeError(value: unknown): ApiError {
  if (value !== null && typeof value === 'object') {
    const { code, message, details } = value as Partial<SerializedApiError>;
    if (isErrorCode(code) && typeof message === 'string') {
      const safeDetails =
        details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : undefined;
      return new ApiError(code, message, safeDetails);
    }
  }
  return new ApiError('INTERNAL', 'The notebook sent a malformed error.');
}
