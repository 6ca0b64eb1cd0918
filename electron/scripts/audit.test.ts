import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { judgeAudit } from './audit.mjs';

const report = (vulnerabilities: Record<string, unknown>) => ({
  auditReportVersion: 2,
  vulnerabilities,
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 1, critical: 0, total: 2 } },
});

describe('judgeAudit', () => {
  it('passes a report with only low and moderate advisories', () => {
    const v = judgeAudit(report({ a: { severity: 'low' }, b: { severity: 'moderate' } }), {});
    expect(v.status).toBe('ok');
    expect(v.blocking).toEqual([]);
  });

  it('blocks a high or critical advisory that is not explained', () => {
    const v = judgeAudit(
      report({ a: { severity: 'high', range: '<2.0.0' }, b: { severity: 'critical' } }),
      {},
    );
    expect(v.status).toBe('findings');
    expect(v.blocking).toEqual(['a (high, <2.0.0)', 'b (critical)']);
  });

  it('accepts an advisory explained in the allow-list, but not an empty explanation', () => {
    const v = judgeAudit(report({ a: { severity: 'high' }, b: { severity: 'high' } }), {
      a: 'only used by the CLI on files the user chose',
      b: '  ',
    });
    expect(v.status).toBe('findings');
    expect(v.allowed).toEqual(['a (high): only used by the CLI on files the user chose']);
    expect(v.blocking).toEqual(['b (high)']);
  });

  it('reports an unreachable advisory service as unavailable, never as a pass', () => {
    const v = judgeAudit({ error: { code: 'E405', summary: 'audit endpoint returned an error' } }, {});
    expect(v.status).toBe('unavailable');
    expect(v.detail).toContain('E405');
    expect(judgeAudit(null, {}).status).toBe('unavailable');
    expect(judgeAudit({ message: 'x' }, {}).status).toBe('unavailable');
  });
});

/** Runs the audit script with a stand-in `npm` first on PATH that prints `report` as its audit. */
function runAudit(report: unknown, ...flags: string[]): { code: number | null; output: string } {
  const bin = mkdtempSync(join(tmpdir(), 'dossier-audit-'));
  try {
    const npm = join(bin, 'npm');
    writeFileSync(npm, `#!/bin/sh\ncat <<'JSON'\n${JSON.stringify(report)}\nJSON\n`);
    chmodSync(npm, 0o755);
    const run = spawnSync(process.execPath, [join(import.meta.dirname, 'audit.mjs'), ...flags], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
    });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

const UNREACHABLE = { message: '405 Method Not Allowed', error: { summary: '', detail: '' } };
const CLEAN = {
  auditReportVersion: 2,
  vulnerabilities: {},
  metadata: { vulnerabilities: { total: 0 }, dependencies: { prod: 120, total: 600 } },
};

// Regression (issue 19): an audit that checked nothing exited 0.
describe('npm run audit (the script, with a stand-in npm)', () => {
  it('fails when the advisory service could not be reached, and says nothing was checked', () => {
    const run = runAudit(UNREACHABLE);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/No advisory data was checked, so the audit fails/);
    expect(run.output).toMatch(/--offline-ok/);
  });

  it('fails on a report that covers no dependencies', () => {
    const run = runAudit({ ...CLEAN, metadata: { dependencies: { prod: 0, total: 0 } } });
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/covers no production dependencies/);
  });

  it('accepts an unreachable service only with --offline-ok, still saying nothing was checked', () => {
    const run = runAudit(UNREACHABLE, '--offline-ok');
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/No advisory data was checked \(accepted: --offline-ok was given\)/);
  });

  it('passes a clean report, and --offline-ok does not hide findings', () => {
    expect(runAudit(CLEAN).code).toBe(0);
    const findings = { ...CLEAN, vulnerabilities: { leftpad: { severity: 'critical' } } };
    expect(runAudit(findings, '--offline-ok').code).toBe(1);
  });
});
