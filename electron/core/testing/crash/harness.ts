/**
 * The crash harness: runs the crash child (child.ts) against a notebook, SIGKILLs it at a random
 * moment, and checks the notebook (verify.ts) against every write acknowledged so far. Runs build on
 * each other: each child reopens what the previous one left, as the app does after a crash.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACK_PREFIX, OPENING_LINE, READY_LINE, type Ack } from './protocol';
import { verifyAfterCrash, type CrashCheck } from './verify';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** How one run went. */
export interface CrashRun {
  /** True when the child was killed (false: it died by itself, which is a failure). */
  killed: boolean;
  /** Killed before it said READY (while opening, recovering or migrating the notebook). */
  killedWhileOpening: boolean;
  /** Writes acknowledged in this run. */
  acked: number;
  /** The same, by kind of write (note, batch, clip, backup). */
  ackedByKind: Record<string, number>;
  check: CrashCheck;
  /** The child's standard error, when it died by itself. */
  stderr: string;
}

/** Options of {@link runCrashTrial}. */
export interface CrashTrialOptions {
  dataDir: string;
  /** Seeds the child's choice of writes and this run's kill moment. */
  seed: number;
  /** Acknowledged writes of earlier runs on the same notebook; this run's are appended. */
  acks: Ack[];
  /** The kill lands uniformly in [0, maxKillMs) after READY (or just after OPENING, see below). */
  maxKillMs?: number;
  /** Chance of killing while the notebook opens instead of while writing. */
  openingKillChance?: number;
}

/** A small, well-mixed generator (mulberry32), so neighbouring seeds give unrelated sequences. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** One run: start the child, kill it, check the notebook. */
export function runCrashTrial(options: CrashTrialOptions): Promise<CrashRun> {
  const random = seeded(options.seed);
  const maxKillMs = options.maxKillMs ?? 400;
  const whileOpening = random() < (options.openingKillChance ?? 0.1);
  // While opening: within a few milliseconds of the child starting to open (and recover) the notebook.
  const delay = Math.floor(random() * (whileOpening ? 15 : maxKillMs));
  const before = options.acks.length;

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, options.dataDir, String(options.seed)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ready = false;
    let killed = false;
    let buffer = '';
    let stderr = '';
    const kill = (): void => {
      killed = child.kill('SIGKILL') || killed;
    };
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === OPENING_LINE) {
          if (whileOpening) timer = setTimeout(kill, delay);
        } else if (line === READY_LINE) {
          ready = true;
          if (timer === undefined) timer = setTimeout(kill, delay);
        } else if (line.startsWith(ACK_PREFIX)) {
          options.acks.push(JSON.parse(line.slice(ACK_PREFIX.length)) as Ack);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      // A partial last line is an acknowledgement the kill cut off: it does not count, as intended.
      const check = verifyAfterCrash(options.dataDir, options.acks);
      resolve({
        killed: killed && signal === 'SIGKILL',
        killedWhileOpening: killed && !ready,
        acked: options.acks.length - before,
        ackedByKind: countKinds(options.acks.slice(before)),
        check,
        stderr: signal === 'SIGKILL' ? '' : stderr,
      });
    });
  });
}

function countKinds(acks: readonly Ack[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ack of acks) counts[ack.kind] = (counts[ack.kind] ?? 0) + 1;
  return counts;
}

/** Totals over many runs. */
export interface CrashSummary {
  runs: number;
  kills: number;
  killsWhileOpening: number;
  acked: number;
  ackedByKind: Record<string, number>;
  losses: number;
  problems: string[];
}

/**
 * `runs` runs; a fresh notebook every `runsPerNotebook` runs (under `baseDir`). `onRun` hears each
 * run as it finishes.
 */
export async function runCrashSeries(options: {
  baseDir: string;
  runs: number;
  seed?: number;
  runsPerNotebook?: number;
  maxKillMs?: number;
  onRun?: (index: number, run: CrashRun) => void;
}): Promise<CrashSummary> {
  const summary: CrashSummary = {
    runs: 0,
    kills: 0,
    killsWhileOpening: 0,
    acked: 0,
    ackedByKind: {},
    losses: 0,
    problems: [],
  };
  const perNotebook = options.runsPerNotebook ?? 10;
  let acks: Ack[] = [];
  for (let i = 0; i < options.runs; i++) {
    if (i % perNotebook === 0) acks = [];
    const dataDir = path.join(options.baseDir, `notebook-${Math.floor(i / perNotebook)}`);
    const run = await runCrashTrial({
      dataDir,
      seed: (options.seed ?? 1) * 1_000 + i,
      acks,
      maxKillMs: options.maxKillMs,
    });
    summary.runs += 1;
    if (run.killed) summary.kills += 1;
    if (run.killedWhileOpening) summary.killsWhileOpening += 1;
    summary.acked += run.acked;
    for (const [kind, n] of Object.entries(run.ackedByKind)) {
      summary.ackedByKind[kind] = (summary.ackedByKind[kind] ?? 0) + n;
    }
    summary.losses += run.check.lost.length;
    summary.problems.push(...run.check.lost, ...run.check.problems);
    if (!run.killed)
      summary.problems.push(`run ${i}: the child died by itself: ${run.stderr.slice(0, 2000)}`);
    options.onRun?.(i, run);
  }
  return summary;
}
