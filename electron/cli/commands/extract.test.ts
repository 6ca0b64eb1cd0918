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

// Regression (issue 19): these dates made `extract` run forever (Invalid Date in the weekday search),
// and 2025-02-30 silently became March 2.
describe('dossier extract --date that is no calendar day', () => {
  it.each(['2025-13-45', '2025-00-10', '2025-12-32', '2025-02-30'])(
    'refuses %s with a usage error before reading anything',
    async (date) => {
      const file = join(dir, 'thursday.txt');
      writeFileSync(file, 'The council met on Thursday, the mayor said.\n');
      const run = await dossier(['extract', '--date', date, file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`"${date}" is not one`);
      expect(run.stdout).toBe('');
    },
  );
});

describe('dossier extract on files it cannot use', () => {
  // Regression (issue 19): `extract` printed a binary file as text where `clip` refused it.
  it('refuses a binary file as clip does, and goes on with the next file', async () => {
    const binary = join(dir, 'program.txt');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]));
    const good = join(dir, 'good.txt');
    writeFileSync(good, '“We are ready,” Nora Field said on Thursday.\n');
    const run = await dossier(['extract', '--date', '2025-03-14', binary, good]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/program\.txt contains binary data, not a web page or text/);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string });
    expect(lines.map((line) => line.file)).toEqual([good]);
  });

  it('stops a file whose extraction passes the time bound, says so, and extracts the next', async () => {
    const first = join(dir, 'slow.txt');
    writeFileSync(first, 'The council met on Thursday.\n');
    const second = join(dir, 'next.txt');
    writeFileSync(second, 'The council met again on Friday.\n');
    // A thread cannot even start within a microsecond: the first file is stopped at its bound. The
    // second then gets a fresh thread, which also has to start within the bound, so it is stopped too;
    // what matters is that each is reported and the command ends.
    const bounded = await dossier(['extract', '--timeout', '0.000001', first, second]);
    expect(bounded.code).toBe(1);
    expect(bounded.stderr).toContain(`${first} was skipped: it did not finish within`);
    expect(bounded.stderr).toContain(`${second} was skipped`);
    expect(bounded.stderr).toContain('--timeout');
    // With room, the same files are extracted.
    const roomy = await dossier(['extract', '--timeout', '300', '--date', '2025-03-14', first, second]);
    expect(roomy.stderr).toBe('');
    expect(roomy.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('refuses a time bound that is not a positive number of seconds', async () => {
    expect((await dossier(['extract', '--timeout', 'soon', 'x.txt'])).code).toBe(2);
    expect((await dossier(['extract', '--timeout', '0', 'x.txt'])).code).toBe(2);
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
