/**
 * Turns SQLite and file-system failures into errors the user can act on. SQLite reports problems as
 * codes (`SQLITE_NOTADB`, `SQLITE_READONLY` ...); the user needs to know what happened to their file.
 */
import { ApiError } from '../../../shared/errors';

function codeOf(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when the failure means the file is not a readable SQLite database. */
export function isCorruptionError(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/** True when the failure means Dossier may not or cannot write (permissions, read-only media, full disk). */
export function isReadonlyError(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_AUTH') ||
    code === 'SQLITE_FULL' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code === 'ENOSPC'
  );
}

/**
 * The ApiError for `error`, raised while doing `action` (a clause such as "Dossier could not open the
 * notebook") on the database at `path`. ApiErrors pass through unchanged.
 */
export function describeSqliteFailure(error: unknown, path: string, action: string): ApiError {
  if (error instanceof ApiError) return error;
  const cause = messageOf(error);
  const details = { path, cause };
  if (isCorruptionError(error)) {
    return new ApiError(
      'DB_CORRUPT',
      `${action}: ${path} is not a Dossier notebook or is damaged (${cause}). The file was not changed; ` +
        'restore it from a backup or choose another data folder.',
      details,
    );
  }
  if (isReadonlyError(error)) {
    return new ApiError(
      'DB_READONLY',
      `${action}: Dossier cannot write to ${path} (${cause}). Check that the folder is writable and the ` +
        'disk has free space, then try again.',
      details,
    );
  }
  return new ApiError('INTERNAL', `${action}: ${cause}.`, details);
}
