/**
 * The words of the start screen: what is wrong with the notebook, and why it is read-only. Kept apart
 * from session.ts so the wording can be read (and changed) in one place.
 */
import path from 'node:path';
import type { StartupProblem } from '../../../shared/areas/startup';
import { ApiError, isApiError } from '../../../shared/errors';

function detailsOf(error: unknown): string[] {
  if (isApiError(error)) {
    const problems = error.details?.problems;
    if (Array.isArray(problems)) return problems.map(String).slice(0, 10);
    const cause = error.details?.cause;
    if (typeof cause === 'string') return [cause];
    return [];
  }
  return [error instanceof Error ? error.message : String(error)];
}

/** The problem behind a failure to open the notebook at `databasePath`. */
export function problemOf(error: unknown, databasePath: string): StartupProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (isApiError(error) && error.code === 'DB_CORRUPT') {
    return {
      kind: 'corrupt',
      title: 'The notebook file is damaged',
      message:
        `Dossier checked ${databasePath} before using it and found it damaged. Nothing was written to ` +
        'it. Restore the last good backup (the damaged file is kept beside it, renamed, never deleted), ' +
        'or open what can still be read, read-only.',
      details: detailsOf(error),
    };
  }
  if (isApiError(error) && error.code === 'DB_TOO_NEW') {
    return {
      kind: 'too-new',
      title: 'This notebook was made by a newer Dossier',
      message:
        `${message} Update Dossier to keep working in it. Meanwhile you can read it here, read-only, ` +
        'or restore the last good backup made by this version (the newer file is kept aside).',
      details: detailsOf(error),
    };
  }
  return {
    kind: 'unreadable',
    title: 'Dossier could not open the notebook',
    message: `${message} Nothing was changed.`,
    details: detailsOf(error),
  };
}

/** The problem of a notebook whose `-wal` went missing after Dossier stopped without closing it. */
export function walMissingProblem(databasePath: string): StartupProblem {
  const wal = `${path.basename(databasePath)}-wal`;
  return {
    kind: 'wal-missing',
    title: 'Recent changes may be lost',
    message:
      `Dossier did not shut down cleanly last time, and ${wal}, the file that holds the most recent ` +
      'changes until they are folded into the notebook, is missing (deleted, or the notebook was copied ' +
      'without it). Changes made shortly before Dossier stopped may be gone. Nothing has been changed ' +
      'yet: if you still have the missing file, quit Dossier and put it back beside the notebook. ' +
      'Otherwise restore the last good backup, open the notebook read-only to see what is there, or ' +
      'keep using it as it is (a copy of the file is kept aside first).',
    details: [`${wal} not found beside ${databasePath}`],
  };
}

/** The banner text for a notebook opened read-only because of `problem`, or because it cannot be written. */
export function readOnlyReasonOf(problem: StartupProblem | null, cause?: string): string {
  switch (problem?.kind) {
    case 'corrupt':
      return 'the notebook file is damaged; this is a copy of what can still be read';
    case 'wal-missing':
      return 'its most recent changes may be lost; this is the notebook as it is on disk';
    case 'too-new':
      return 'it was made by a newer Dossier, which this version can read but not change';
    default:
      return `the notebook file or its folder cannot be written${cause === undefined ? '' : ` (${cause})`}; make it writable and restart Dossier to edit`;
  }
}

/** The error other API calls get while the notebook could not be opened. */
export function notOpenError(problem: StartupProblem): ApiError {
  const code =
    problem.kind === 'corrupt' ? 'DB_CORRUPT' : problem.kind === 'too-new' ? 'DB_TOO_NEW' : 'UNAVAILABLE';
  return new ApiError(
    code,
    `The notebook is not open (${problem.title}). Choose what to do on the start screen ` +
      '(restore the last good backup, or open it read-only).',
    { problem: problem.kind },
  );
}
