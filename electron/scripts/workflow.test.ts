/**
 * The GitHub Actions workflow (.github/workflows/ci.yml) is valid YAML naming real, pinned actions,
 * runs on Linux, macOS and Windows, and runs the commands issue 16 asks for, each of which exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = join(import.meta.dirname, '..', '..');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    { 'runs-on': string; strategy: { matrix: { include: { os: string }[] } }; steps: Step[] }
  >;
}

/** Actions published by GitHub under actions/, at the major versions used (checked on their repositories). */
const KNOWN_ACTIONS = new Set(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-artifact@v4']);

const text = readFileSync(join(REPO, '.github', 'workflows', 'ci.yml'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe('.github/workflows/ci.yml', () => {
  it('is valid YAML with one job on Linux, macOS and Windows', () => {
    const workflow = parse(text, { strict: true, uniqueKeys: true }) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const jobs = Object.values(workflow.jobs);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!['runs-on']).toBe('${{ matrix.os }}');
    expect(jobs[0]!.strategy.matrix.include.map((entry) => entry.os)).toEqual([
      'ubuntu-latest',
      'macos-latest',
      'windows-latest',
    ]);
  });

  it('uses only real actions, pinned to a major version', () => {
    const steps = Object.values((parse(text) as Workflow).jobs).flatMap((job) => job.steps);
    const used = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(used.length).toBeGreaterThan(0);
    for (const action of used) expect(KNOWN_ACTIONS, action).toContain(action);
    expect(used).toEqual(expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4']));
  });

  it('runs npm ci, npm test, the Electron tier (under Xvfb on Linux) and the installers, in that order', () => {
    const steps = Object.values((parse(text) as Workflow).jobs)[0]!.steps;
    const runs = steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
    const order = ['npm ci', 'npm test', 'npm run test:electron', 'npm run dist'].map((command) =>
      runs.findIndex((run) => run === command || run.endsWith(` ${command}`)),
    );
    expect(
      order.every((index) => index >= 0),
      runs.join('\n'),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const linux = steps.find(
      (step) => step.run?.includes('test:electron') && step.if === "runner.os == 'Linux'",
    );
    expect(linux?.run).toBe('xvfb-run -a npm run test:electron');
    const node = steps.find((step) => step.uses === 'actions/setup-node@v4');
    expect(String(node?.with?.['node-version'])).toBe('22');
  });

  it('names only npm scripts that exist', () => {
    const named = [...text.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const script of named) expect(Object.keys(scripts), script).toContain(script);
  });
});
