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
      'published',
      'unresolvedDates',
    ]);
    expect(result.quotes).toMatchObject([{ text: 'We are ready,', speaker: 'Nora Field', span: [1, 14] }]);
    expect(result.dates).toMatchObject([{ value: '2025-03-13', precision: 'day' }]);
  });

  it("never resolves relative dates against today: the text's own date, or none", async () => {
    const undated = join(dir, 'undated.txt');
    writeFileSync(undated, 'Nora Field met Ivo Brand in Oslo on Thursday.\n');
    const first = JSON.parse((await dossier(['extract', undated])).stdout) as {
      published: { value: string | null; origin: string };
      unresolvedDates: number;
      dates: unknown[];
      events: Array<{ date: string | null }>;
    };
    expect(first.published).toMatchObject({ value: null, origin: 'none' });
    expect(first.unresolvedDates).toBe(1);
    expect(first.dates).toEqual([]);
    expect(first.events.every((e) => e.date === null)).toBe(true);

    const dated = join(dir, 'dated.txt');
    writeFileSync(dated, 'OSLO, July 23, 2008\n\nNora Field met Ivo Brand in Oslo on Tuesday.\n');
    const second = JSON.parse((await dossier(['extract', dated])).stdout) as {
      published: { value: string | null; origin: string };
      dates: Array<{ text: string; value: string }>;
    };
    expect(second.published).toMatchObject({ value: '2008-07-23', origin: 'inferred' });
    expect(second.dates.find((d) => d.text === 'Tuesday')?.value).toBe('2008-07-22');
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
