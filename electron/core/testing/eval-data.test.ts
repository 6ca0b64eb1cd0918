import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evalDataDir, requireEvalData } from './eval-data';
import { makeTempDir } from './temp-dir';

const tempDir = (): string => makeTempDir().dir;

describe('requireEvalData', () => {
  const saved = { data: process.env.DOSSIER_EVAL_DATA, ci: process.env.CI };
  afterEach(() => {
    process.env.DOSSIER_EVAL_DATA = saved.data;
    process.env.CI = saved.ci;
    if (saved.data === undefined) delete process.env.DOSSIER_EVAL_DATA;
    if (saved.ci === undefined) delete process.env.CI;
  });

  it('finds a part of the data under $DOSSIER_EVAL_DATA', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'seed'));
    process.env.DOSSIER_EVAL_DATA = dir;
    expect(evalDataDir()).toBe(dir);
    expect(requireEvalData('seed')).toBe(join(dir, 'seed'));
  });

  it('fails under CI when the data is missing, naming the path', () => {
    process.env.DOSSIER_EVAL_DATA = tempDir();
    process.env.CI = 'true';
    expect(() => requireEvalData('seed', 'the seed test')).toThrow(
      /the seed test: the evaluation data .*seed is missing.*CI needs it/,
    );
  });

  it('skips outside CI when the data is missing', () => {
    process.env.DOSSIER_EVAL_DATA = tempDir();
    delete process.env.CI;
    expect(requireEvalData('seed')).toBeNull();
  });
});
