/**
 * What the NotebookSession lets through to the notebook, and how it words failures that happen while
 * the notebook is in use: a change refused in read-only mode, a full disk, a file that turns out to be
 * damaged. Each says what happened and that nothing stored was lost.
 */
import type { ApiMethod } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { isCorruptionError } from '../db/sqlite-errors';

/**
 * The methods that only read, allowed in read-only mode. An allowlist, so that a method added later is
 * refused with a clear READ_ONLY until someone decides it only reads (the connection itself refuses
 * writes too, with a less helpful message).
 */
export const READ_ONLY_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'getAppInfo',
  'getNote',
  'listNotes',
  'getBacklinks',
  'exportNote',
  'listSources',
  'listSites',
  'getSource',
  'getSourceOriginal',
  'getClipNetworkSettings',
  'getSourceAnalysis',
  'listEntities',
  'getEntityPage',
  'listEntityQuotes',
  'listEntitySources',
  'getTimeline',
  'listQuotes',
  'search',
  'listBackups',
  'getBackupSettings',
  'getClipEndpoint',
  // Exports write files into the exports folder, never into the notebook.
  'exportNotebook',
  'getInteropProgress',
  'revealExport',
  'exportCitations',
  'formatCitation',
]);

/** The refusal of `method` while the notebook is read-only because of `reason`. */
export function readOnlyError(method: string, reason: string): ApiError {
  return new ApiError(
    'READ_ONLY',
    `${method}: the notebook is open read-only (${reason}), so this change was not made. Nothing stored ` +
      'was changed.',
    { method, reason },
  );
}

function codeOf(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return '';
}

function isDiskFull(error: unknown): boolean {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  // Errors already described by describeSqliteFailure keep SQLite's words in details.cause.
  if (error instanceof ApiError && error.code === 'DB_READONLY') {
    const cause = error.details?.cause;
    return typeof cause === 'string' && /disk is full|SQLITE_FULL|ENOSPC/i.test(cause);
  }
  return false;
}

/**
 * A failure of `method` on the open notebook at `databasePath`, worded for the user. SQLite rolls back
 * the statement or transaction that failed, so a write that fails here has changed nothing stored.
 */
export function describeRuntimeFailure(error: unknown, method: string, databasePath: string): unknown {
  const cause = error instanceof Error ? error.message : String(error);
  if (isDiskFull(error)) {
    return new ApiError(
      'DISK_FULL',
      `${method}: the disk holding ${databasePath} is full, so this change was not saved. Nothing already ` +
        'stored was lost. Free some disk space, then try again.',
      { method, path: databasePath, cause },
    );
  }
  if (!(error instanceof ApiError) && isCorruptionError(error)) {
    return new ApiError(
      'DB_CORRUPT',
      `${method}: part of the notebook file ${databasePath} is damaged (${cause}). Nothing was changed. ` +
        'Restart Dossier to check the file and restore the last good backup or open it read-only.',
      { method, path: databasePath, cause },
    );
  }
  const code = codeOf(error);
  if (!(error instanceof ApiError) && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_IOERR')) {
    return new ApiError(
      'DB_READONLY',
      `${method}: Dossier could not write to ${databasePath} (${cause}). Nothing stored was changed. ` +
        'Check that the disk is still connected and writable, then try again.',
      { method, path: databasePath, cause },
    );
  }
  return error;
}
