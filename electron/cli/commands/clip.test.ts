import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing';

const dossier = (argv: string[]): Promise<CliRun> => runCli(argv);

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-clip-cli-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PAGE = `<html lang="en"><head><title>Council votes on the bridge | Town Paper</title>
<meta property="og:site_name" content="Town Paper"><meta property="article:published_time" content="2024-05-06T09:00:00Z">
<meta name="author" content="Ana Ruiz"></head><body><article>
<p>${'The council voted seven to two on Monday to rebuild the bridge before winter. '.repeat(8)}</p>
<p>Residents <a href="/letters">wrote in</a>. <img src="bridge.jpg" onerror="alert(1)"></p></article></body></html>`;

const lines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('dossier clip', () => {
  it('prints one JSON object per file with exactly the issue\u2019s fields', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vote.html'), PAGE);
    const { code, stdout, stderr } = await dossier([
      'clip',
      '--url',
      'https://town.example/news/vote',
      join(dir, 'vote.html'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [line] = lines(stdout);
    expect(Object.keys(line!)).toEqual([
      'file',
      'title',
      'byline',
      'siteName',
      'published',
      'lang',
      'text',
      'html',
    ]);
    expect(line).toMatchObject({
      file: join(dir, 'vote.html'),
      title: 'Council votes on the bridge',
      byline: 'Ana Ruiz',
      siteName: 'Town Paper',
      published: '2024-05-06T09:00:00Z',
      lang: 'en',
    });
    expect(line!.text).toMatch(/^The council voted.*\n\nResidents wrote in\.$/s);
    expect(line!.html).toContain('href="https://town.example/letters"');
    expect(line!.html).not.toContain('onerror');
  });

  it('reports a failing file as a JSON line, continues, and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.html'), PAGE);
    writeFileSync(join(dir, 'b.html'), '');
    writeFileSync(join(dir, 'c.md'), '# Notes\n\nText.');
    const { code, stdout } = await dossier(['clip', dir]);
    expect(code).toBe(1);
    const out = lines(stdout);
    expect(out.map((line) => line.file)).toEqual(['a.html', 'b.html', 'c.md'].map((f) => join(dir, f)));
    expect(out[1]).toEqual({
      file: join(dir, 'b.html'),
      error: { code: 'EMPTY', message: expect.stringMatching(/b\.html is empty/) as unknown },
    });
    expect(out[2]).toMatchObject({ title: 'Notes', text: 'Notes\n\nText.' });
  });

  it('explains usage mistakes with exit code 2', async () => {
    expect((await dossier(['clip'])).code).toBe(2);
    const badUrl = await dossier(['clip', '--url', 'file:///etc/passwd', 'x.html']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--url must be an http/);
    // The same addresses as the app's own clipUrl refuses (shared/url.ts): no host after the slashes.
    const noHost = await dossier(['clip', '--url', 'http:///etc/passwd', 'x.html']);
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toMatch(/--url must be an http/);
    const help = await dossier(['clip', '--help']);
    expect(help.stdout).toMatch(/^Usage: dossier clip/);
  });
});
