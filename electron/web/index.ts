/**
 * `node out/main/web.js [--port N] [--data-dir DIR] [--json]`: serves Dossier to a browser on
 * 127.0.0.1. Also reads DOSSIER_PORT and DOSSIER_DATA_DIR. Built to out/main/web.js next to
 * core-worker.js, with the renderer in out/renderer.
 */
// First, before the core worker starts: lets the damaged-notebook check read a file in place.
import '../core/db/uri-filenames';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../core/paths';
import { BUNDLED_WORKER_FILE } from '../core/worker/script';
import { describeStartupError, reportStartupState } from './startup-error';
import { startWebHost } from './server';

/**
 * The port tried first when none is given. The same address every launch keeps the page's origin, so
 * the browser keeps its settings (panels, layout) and its cached, compiled script between starts.
 */
const DEFAULT_PORT = 4823;

const USAGE = `Usage: node out/main/web.js [--port N] [--data-dir DIR] [--json]

Serves Dossier to your browser on 127.0.0.1.
  --port N          port to listen on (default: DOSSIER_PORT, or ${DEFAULT_PORT} when free, else any free
                    port; 0 for any free port)
  --data-dir DIR    folder of the notebook (default: DOSSIER_DATA_DIR, or the platform's app-data folder)
  --json            also print one JSON line with url, port, dataDir and pid for scripts`;

/** The port from the flag or DOSSIER_PORT (0: any free port); undefined when neither is set. */
function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new Error(`"${value}" is not a port number (0 to 65535).`);
  return port;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  // Entries are emitted at the root of out/main, so the renderer and the core worker sit beside us.
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = join(here, '..', 'renderer');
  const workerFile = join(here, BUNDLED_WORKER_FILE);
  if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(workerFile)) {
    process.stderr.write('Dossier is not built yet: run `npm run build` first (or use `npm run web`).\n');
    return 1;
  }

  let port: number | undefined;
  try {
    port = parsePort(values.port ?? process.env.DOSSIER_PORT);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const dataDir = resolveDataDir({ flag: values['data-dir'], env: process.env });

  let host;
  try {
    // When the usual port is taken (another Dossier, another program) any free one will do; a port
    // the user asked for is theirs or an error.
    host = await startWebHost({
      dataDir,
      port: port ?? DEFAULT_PORT,
      anyPortIfTaken: port === undefined,
      rendererDir,
      workerFile,
    });
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`);
    return 1;
  }

  // Stop handlers first: a stop while the start-up state is reported must still close cleanly (and
  // remove the notebook's in-use marker), or the next start runs the full integrity check.
  const running = host;
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      // A second Ctrl-C: the user does not want to wait. WAL mode keeps saved notes safe.
      process.exit(1);
    }
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Dossier did not shut down cleanly: ${describeStartupError(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // The address goes out as soon as the server listens: the page loads while the notebook opens.
  process.stdout.write(`Dossier is running at ${host.url}\n`);
  process.stdout.write(`Data folder: ${dataDir}\n`);
  try {
    await host.ready;
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`);
    await host.close().catch(() => undefined);
    return 1;
  }
  await reportStartupState(host, (line) => process.stdout.write(line));
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ url: host.url, port: host.port, dataDir, pid: process.pid })}\n`,
    );
  }
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exit(1);
  },
);
