/**
 * Turns a failure to start into one message a user can act on: ApiErrors (DB_TOO_NEW, DB_CORRUPT ...)
 * carry their own message; a better-sqlite3 built for Electron's ABI gets the command that fixes it.
 */
import { isApiError } from '../../shared/errors';

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
