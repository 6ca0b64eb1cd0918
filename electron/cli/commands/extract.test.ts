import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing';

const dir = mkdtempSync(join(tmpdir(), 'dossier-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dossier = (argv: string[]): Promise<CliRun> => runCli(argv);

describe('dossier extract', () => {
  it('prints one JSON object per file with the fields of the extraction', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, '“We are ready,” Nora Field said on Thursday.\n');
    const { code, stdout } = await dossier(['extract', '--date', '2025-03-14', file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'file',
      'text',
      'people',
      'places',
      'organizations',
      'dates',
      'quotes',
      'events',
    ]);
    expect(result.quotes).toMatchObject([{ text: 'We are ready,', speaker: 'Nora Field', span: [1, 14] }]);
    expect(result.dates).toMatchObject([{ value: '2025-03-13', precision: 'day' }]);
  });

  it('explains a bad date and a missing file', async () => {
    expect((await dossier(['extract', '--date', 'Thursday', 'x.txt'])).code).toBe(2);
    const missing = await dossier(['extract', join(dir, 'missing.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*no such file/);
  });
});

describe('dossier extract --html', () => {
  it('clips the page first and takes its publication date', async () => {
    const file = join(dir, 'page.html');
    const body =
      '<p>“We are ready to sign the agreement today,” Nora Field said on Thursday in Oslo.</p>'.repeat(3);
    writeFileSync(
      file,
      `<html><head><title>Talks</title><meta property="article:published_time" content="2025-03-14"></head>` +
        `<body><article><h1>Talks</h1>${body}</article></body></html>`,
    );
    const { code, stdout, stderr } = await dossier(['extract', '--html', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      text: string;
      quotes: Array<{ speaker: string }>;
      dates: Array<{ text: string; value: string }>;
    };
    expect(result.text).toContain('Nora Field');
    expect(result.quotes[0]?.speaker).toBe('Nora Field');
    expect(result.dates.find((d) => d.text === 'Thursday')?.value).toBe('2025-03-13');
  });
});

describe('dossier extract without its model', () => {
  it('stops with a message naming the missing model file and what to do', async () => {
    const { unloadNerModel } = await import('../../core/extract/ner/tagger');
    const file = join(dir, 'b.txt');
    writeFileSync(file, 'Nora Field spoke in Oslo.\n');
    const empty = mkdtempSync(join(tmpdir(), 'dossier-no-models-'));
    const saved = process.env.DOSSIER_MODELS_DIR;
    process.env.DOSSIER_MODELS_DIR = empty;
    unloadNerModel();
    try {
      const { code, stdout, stderr } = await dossier(['extract', '--date', '2025-03-14', file]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(join(empty, 'ner.bin'));
      expect(stderr).toMatch(/is missing\. Reinstall Dossier, or in a checkout run `npm run train`/);
      expect(stderr).not.toMatch(/Unexpected/);
    } finally {
      if (saved === undefined) delete process.env.DOSSIER_MODELS_DIR;
      else process.env.DOSSIER_MODELS_DIR = saved;
      unloadNerModel();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
