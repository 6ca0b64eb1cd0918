import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notebook } from '../../core/notebook';
import { makeTempDir } from '../../core/testing/temp-dir';
import { runCli } from '../testing';

let temp: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  temp = makeTempDir();
  const notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
  const paragraph = (text: string) =>
    JSON.stringify({
      root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
    });
  await notebook.createNote({
    title: 'Ceasefire talks',
    content: paragraph('Putin and Trump spoke about a truce.'),
  });
  await notebook.createNote({ title: 'Truce terms', content: paragraph('A truce with conditions.') });
  await notebook.close();
});
afterEach(() => temp.remove());

describe('dossier search', () => {
  it('prints one JSON object per hit with a highlighted snippet', async () => {
    const { code, stdout, stderr } = await runCli(['search', '--data-dir', temp.dir, 'putin', 'truce']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const hits = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ type: 'note', title: 'Ceasefire talks' });
    const snippet = hits[0]!.snippet as { text: string; highlights: [number, number][] };
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['Putin', 'truce']);
  });

  it('honours --limit, and reports query problems on stderr without failing', async () => {
    const limited = await runCli(['search', '--data-dir', temp.dir, '--limit', '1', 'truce ']);
    expect(limited.stdout.trim().split('\n')).toHaveLength(1);
    const odd = await runCli(['search', '--data-dir', temp.dir, '"truce', 'NEAR(']);
    expect(odd.code).toBe(0);
    expect(odd.stderr).toMatch(/quotation mark was not closed/);
  });

  it('refuses a missing query or a bad limit as usage errors', async () => {
    expect((await runCli(['search', '--data-dir', temp.dir])).code).toBe(2);
    const bad = await runCli(['search', '--data-dir', temp.dir, '--limit', 'lots', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit must be a whole number/);
  });
});
