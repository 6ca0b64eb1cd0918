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
