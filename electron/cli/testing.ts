/** Runs the CLI in-process for tests, with its output captured instead of printed. */
import type { CliCommand, CliIo } from './command';
import { main } from './index';

/** What one run of `dossier` returned and printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `dossier <argv>` with `env` as its whole environment (so a developer's DOSSIER_DATA_DIR never
 * leaks into a test) and, optionally, another command list.
 */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  commands?: readonly CliCommand[],
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
  };
  const code = await main(argv, io, commands);
  return { code, stdout, stderr };
}
