/**
 * The start-up area as an open notebook answers it: it opened (normally or read-only), so there is
 * nothing to recover. The NotebookSession (session.ts) answers for a notebook that could not open and
 * offers the recovery actions; the CLI and tests, which open a Notebook directly, get this.
 */
import type { StartupApi, StartupChoice, StartupState } from '../../../shared/areas/startup';
import { ApiError } from '../../../shared/errors';
import type { CoreContext } from '../context';

const NOT_NEEDED: StartupChoice = { available: false, reason: 'The notebook opened normally.' };

/** The state of a notebook that is open; `readOnlyReason` null means it is writable. */
export function openState(
  dataDir: string,
  databasePath: string,
  readOnlyReason: string | null,
): StartupState {
  return {
    mode: readOnlyReason === null ? 'normal' : 'read-only',
    problem: null,
    readOnlyReason,
    dataDir,
    databasePath,
    lastGoodBackup: null,
    restore: NOT_NEEDED,
    openReadOnly: NOT_NEEDED,
    openWithoutLostChanges: NOT_NEEDED,
    startNew: NOT_NEEDED,
    keptAside: [],
  };
}

/** The error for a recovery action on a notebook that needs none. */
export function nothingToRecover(method: string): ApiError {
  return new ApiError(
    'INVALID_ARGUMENT',
    `${method}: the notebook is open, so there is nothing to recover. To go back to an earlier state, ` +
      'restore a chosen backup from Settings > Backups.',
  );
}

/** Implements {@link StartupApi} for a Notebook that opened. */
export class OpenNotebookStartup implements StartupApi {
  constructor(
    private readonly ctx: CoreContext,
    private readonly readOnlyReason: string | null = null,
  ) {}

  /** @inheritdoc */
  async getStartupState(): Promise<StartupState> {
    return openState(this.ctx.dataDir, this.ctx.databasePath, this.readOnlyReason);
  }

  /** @inheritdoc */
  async restoreFromLastGoodBackup(): Promise<StartupState> {
    throw nothingToRecover('restoreFromLastGoodBackup');
  }

  /** @inheritdoc */
  async openReadOnly(): Promise<StartupState> {
    throw nothingToRecover('openReadOnly');
  }

  /** @inheritdoc */
  async openWithoutLostChanges(): Promise<StartupState> {
    throw nothingToRecover('openWithoutLostChanges');
  }

  /** @inheritdoc */
  async startNewNotebook(): Promise<StartupState> {
    throw nothingToRecover('startNewNotebook');
  }
}
