/**
 * Starts and stops the real browser host (`node out/main/web.js`) as a child process, the way a user
 * runs `npm run web`, on a data folder the test chooses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const entry = join(repo, 'out/main/web.js');

/** A running browser host. */
export interface RunningHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Stops the host; SIGKILL simulates a crash, SIGTERM a normal shutdown. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A fresh, empty data folder for one test. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
}

/** Launches the host on `dataDir` and resolves once it prints its URL. */
export function startHost(dataDir: string, options: { port?: number } = {}): Promise<RunningHost> {
  const port = String(options.port ?? 0);
  const child = spawn(process.execPath, [entry, '--port', port, '--data-dir', dataDir], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Dossier is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolvePromise({ url: match[1]!, dataDir, process: child, stop: (signal) => stop(child, signal) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`browser host exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill(signal);
  });
}
