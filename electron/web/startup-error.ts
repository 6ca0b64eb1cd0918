/**
 * Turns a failure to start into one message a user can act on: ApiErrors (DB_TOO_NEW, DB_CORRUPT ...)
 * carry their own message; a better-sqlite3 built for Electron's ABI gets the command that fixes it.
 */
import type { StartupState } from '../../shared/areas/startup';
import { isApiError } from '../../shared/errors';
import type { RpcOutcome } from '../../shared/rpc';

/** The message printed when the browser host cannot start or stop. Never a stack trace. */
export function describeStartupError(error: unknown): string {
  if (isApiError(error)) return `Dossier could not open the notebook: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return (
      'The SQLite module is built for Electron, not for this Node.js. ' +
      'Run `node electron/scripts/native.mjs node` (npm run web does this for you).'
    );
  }
  return `Dossier could not start: ${message}`;
}

/** The line printed after start when the notebook did not open normally, or null when it did. */
export function describeStartupState(state: StartupState): string | null {
  if (state.mode === 'normal') return null;
  if (state.mode === 'read-only') return `The notebook is open read-only: ${state.readOnlyReason ?? ''}.`;
  const problem = state.problem;
  const backup = state.lastGoodBackup === null ? '' : ` (${state.lastGoodBackup.name})`;
  const choices =
    problem?.kind === 'empty'
      ? `restore the newest good backup${backup} or start a new, empty notebook`
      : `restore the last good backup${backup} or open it read-only`;
  return (
    `The notebook needs your attention: ${problem?.title ?? 'it could not be opened'}. Open the address ` +
    `above to ${choices}. Nothing was changed.`
  );
}

/**
 * Asks the running host's core how the notebook opened (getStartupState, in process: no HTTP client
 * is loaded while the window starts) and writes {@link describeStartupState}'s line, so a user who
 * started it from a terminal sees the problem there too. Never throws: this is a courtesy, the page
 * shows the same.
 */
export async function reportStartupState(
  host: { call(method: 'getStartupState', args: []): Promise<RpcOutcome> },
  write: (line: string) => void,
): Promise<void> {
  try {
    const outcome = await host.call('getStartupState', []);
    const line = outcome.ok ? describeStartupState(outcome.result as StartupState) : null;
    if (line !== null) write(`${line}\n`);
  } catch {
    // The page reports it.
  }
}
