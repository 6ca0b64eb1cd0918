import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG_1X1 } from '../../core/clip/test-server';
import { makeTempDir } from '../../core/testing/temp-dir';
import { main } from '../index';
import { runCli } from '../testing';

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let files: string;

beforeEach(() => {
  temp = makeTempDir('dossier-import-');
  dataDir = join(temp.dir, 'data');
  files = join(temp.dir, 'files');
  mkdirSync(files);
});
afterEach(() => temp.remove());

const PROSE = (topic: string): string =>
  `<p>${`The council debated the ${topic} for three hours before the vote on Monday evening. `.repeat(8)}</p>`;
const article = (title: string, topic: string, extra = ''): string =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${PROSE(topic)}${extra}${PROSE(topic)}</article></body></html>`;

type Line = Record<string, unknown> & { file: string };
function lines(stdout: string): Line[] {
  return stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
}

function importCli(...args: string[]) {
  return runCli(['import', '--data-dir', dataDir, ...args]);
}

function sourcesTable(): unknown[] {
  const db = new Database(join(dataDir, 'dossier.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM sources ORDER BY seq').all();
  } finally {
    db.close();
  }
}

describe('dossier import', () => {
  it('imports a folder recursively, with local images, one JSON line per file', async () => {
    mkdirSync(join(files, 'sub', 'bridge_files'), { recursive: true });
    writeFileSync(
      join(files, 'harbour.txt'),
      'Harbour reopens\n\nShips are back in the harbour after the storm.',
    );
    writeFileSync(
      join(files, 'sub', 'bridge.html'),
      article(
        'Bridge vote',
        'bridge',
        '<img src="bridge_files/photo.png" alt="Photo"><img src="../../outside.png">',
      ),
    );
    writeFileSync(join(files, 'sub', 'bridge_files', 'photo.png'), PNG_1X1);
    writeFileSync(join(temp.dir, 'outside.png'), PNG_1X1);

    const run = await importCli(files);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out.map((l) => [l.file, l.status, l.title])).toEqual([
      [join(files, 'harbour.txt'), 'created', 'Harbour reopens'],
      [join(files, 'sub', 'bridge.html'), 'created', 'Bridge vote'],
    ]);
    // The image in the page's folder is stored; one outside it is never read.
    expect(out[1]!.warnings).toEqual(['1 image was left out: not saved with the page.']);
    const db = new Database(join(dataDir, 'dossier.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM source_images').pluck().get()).toBe(1);
    db.close();
  });

  it('reports each bad file clearly, continues, and leaves stored sources untouched', async () => {
    writeFileSync(join(files, 'first.html'), article('Harbour works', 'harbour'));
    expect((await importCli(join(files, 'first.html'))).code).toBe(0);
    const before = sourcesTable();

    const bad = join(files, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'a-empty.html'), '');
    writeFileSync(join(bad, 'b-binary.html'), Buffer.concat([PNG_1X1, Buffer.alloc(100)]));
    writeFileSync(
      join(bad, 'c-cp1252.html'),
      Buffer.from(
        article('Caf\xe9 owners', 'caf\xe9 licences', '<p>\x93We agree,\x94 said Zo\xeb.</p>'),
        'latin1',
      ),
    );
    writeFileSync(
      join(bad, 'd-broken.html'),
      `<html><body><div><p>${PROSE('budget')}<b><i>unclosed <table><tr><td>cell`,
    );
    writeFileSync(
      join(bad, 'e-nav.html'),
      '<html><body><nav><a href="/a">Home</a> <a href="/b">News</a></nav></body></html>',
    );
    writeFileSync(
      join(bad, 'f-nested.html'),
      `<html><body>${'<div>'.repeat(100_000)}${PROSE('depth')}${'</div>'.repeat(100_000)}</body></html>`,
    );
    // A real page just over 50 MB: refused by its size before it is read or parsed.
    const paragraph = PROSE('size');
    const count = Math.ceil((50 * 1024 * 1024) / paragraph.length) + 1;
    writeFileSync(join(bad, 'g-huge.html'), `<html><body>${paragraph.repeat(count)}</body></html>`);
    writeFileSync(join(bad, 'h-after.md'), '# Still imported\n\nThe import goes on after bad files.');

    const run = await importCli(bad, join(files, 'missing.html'));
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    const byName = new Map(out.map((l) => [l.file.split('/').pop(), l]));
    const reason = (name: string): unknown =>
      (byName.get(name)?.error as { reason?: string } | undefined)?.reason;
    expect(out).toHaveLength(9);
    expect(reason('a-empty.html')).toBe('EMPTY');
    expect(reason('b-binary.html')).toBe('BINARY');
    expect(byName.get('c-cp1252.html')).toMatchObject({ status: 'created', title: 'Café owners' });
    expect(byName.get('d-broken.html')).toMatchObject({ status: 'created' });
    expect(reason('e-nav.html')).toBe('NO_ARTICLE');
    expect(byName.get('f-nested.html')).toMatchObject({ status: 'created' });
    expect(reason('g-huge.html')).toBe('TOO_LARGE');
    expect(byName.get('h-after.md')).toMatchObject({ status: 'created', title: 'Still imported' });
    expect(reason('missing.html')).toBe('READ_FAILED');
    for (const line of out) {
      if ('error' in line) expect((line.error as { message: string }).message.length).toBeGreaterThan(20);
    }

    const after = sourcesTable();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 4);
    const db = new Database(join(dataDir, 'dossier.sqlite'), { readonly: true });
    const text = db.prepare("SELECT plain_text FROM sources WHERE title = 'Café owners'").pluck().get();
    db.close();
    expect(text).toContain('“We agree,” said Zoë.');
  }, 120_000);

  // Regression (issue 19): this said "UNSUPPORTED type" for a path that is simply not there.
  it('says a path that does not exist does not exist', async () => {
    const missing = join(temp.dir, 'nonexistent');
    const run = await importCli(missing);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      {
        file: missing,
        error: {
          reason: 'READ_FAILED',
          message: `${missing} could not be read (it does not exist). Check the path and try again.`,
        },
      },
    ]);
  });

  it('reports duplicates, and updates or keeps both when told', async () => {
    const page = join(files, 'p.html');
    writeFileSync(page, article('Harbour works', 'harbour'));
    const first = lines((await importCli(page)).stdout)[0]!;
    const again = await importCli(page);
    expect(again.code).toBe(0);
    expect(lines(again.stdout)[0]).toMatchObject({
      status: 'duplicate',
      id: first.id,
      matchedBy: 'content-hash',
    });
    expect(lines((await importCli('--on-duplicate', 'update', page)).stdout)[0]).toMatchObject({
      status: 'updated',
      id: first.id,
    });
    const both = lines((await importCli('--on-duplicate', 'keep-both', page)).stdout)[0]!;
    expect(both.status).toBe('created');
    expect(both.id).not.toBe(first.id);
    expect(sourcesTable()).toHaveLength(2);
  });

  it('shows progress on stderr only when a person watches it', async () => {
    writeFileSync(join(files, 'a.txt'), 'First\n\nSome text.');
    writeFileSync(join(files, 'b.txt'), 'Second\n\nMore text.');
    let stderr = '';
    let stdout = '';
    const io = {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { isTTY: true, write: (chunk: string) => (stderr += chunk) },
      env: {},
    };
    expect(await main(['import', '--data-dir', dataDir, files], io)).toBe(0);
    expect(stderr).toContain('[0/2] a.txt');
    expect(stderr).toContain('[1/2] b.txt');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true); // the line is cleared at the end
    expect(lines(stdout)).toHaveLength(2);
  });

  it('refuses bad options with usage help', async () => {
    const none = await importCli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/at least one FILE/);
    const policy = await importCli('--on-duplicate', 'replace', files);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toMatch(/ask, update or keep-both/);
    const url = await importCli('--url', 'ftp://x', files);
    expect(url.code).toBe(2);
  });
});
