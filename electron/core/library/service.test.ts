import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipResult } from '../../../shared/areas/library';
import { ApiError } from '../../../shared/errors';
import type { SourceId } from '../../../shared/model';
import { GIF_1X1, PNG_1X1, startTestServer, type TestServer } from '../clip/test-server';
import type { CoreContext } from '../context';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { LibraryService } from './service';

let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let library: LibraryService;
let stored: { id: SourceId; rows: number }[];
let hookError: Error | undefined;
let server: TestServer | undefined;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(`${temp.dir}/dossier.sqlite`);
  stored = [];
  hookError = undefined;
  const ctx: CoreContext = {
    db,
    dataDir: temp.dir,
    databasePath: `${temp.dir}/dossier.sqlite`,
    host: 'test',
    hooks: {
      sourceStored: (id) => {
        // Records whether the source was already committed and visible when the hook ran.
        stored.push({
          id,
          rows: db.prepare('SELECT count(*) AS n FROM sources WHERE id = ?').pluck().get(id) as number,
        });
        if (hookError) throw hookError;
      },
      clipPaste: () => Promise.reject(new Error('not used')),
    },
  };
  library = new LibraryService(ctx);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  db.close();
  temp.remove();
});

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64');
const PROSE = (word: string): string =>
  `<p>${`The council voted seven to two on ${word} to rebuild the bridge before winter. `.repeat(8)}</p>`;
const PAGE = (word: string, extra = ''): string =>
  `<html lang="en"><head><title>Council votes on the bridge | Paper</title>
  <meta property="og:site_name" content="Paper"><link rel="canonical" href="https://paper.example/vote">
  </head><body><article>${PROSE(word)}<figure><img src="vote_files/a.png" alt="Bridge"></figure>${extra}${PROSE(word)}</article></body></html>`;

function dump(): unknown[] {
  return [
    db.prepare('SELECT * FROM sources ORDER BY seq').all(),
    db.prepare('SELECT id, source_id, sha256 FROM source_images ORDER BY seq').all(),
  ];
}

async function clipFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected CLIP_FAILED');
}

function created(result: ClipResult) {
  if (result.status === 'duplicate') throw new Error(`expected a stored source, got ${result.status}`);
  return result;
}

describe('LibraryService', () => {
  it('clips a saved page with its images, serves them inline, and keeps the original', async () => {
    const result = created(
      await library.clipFile({
        name: 'vote.html',
        data: b64(PAGE('Monday')),
        resources: [{ path: 'vote_files/a.png', data: b64(PNG_1X1) }],
      }),
    );
    expect(result).toMatchObject({ status: 'created', warnings: [] });
    expect(result.source).toMatchObject({ title: 'Council votes on the bridge', siteName: 'Paper' });
    expect(stored).toEqual([{ id: result.source.id, rows: 1 }]);

    const source = await library.getSource(result.source.id);
    expect(source.html).toContain(`src="data:image/png;base64,${PNG_1X1.toString('base64')}"`);
    expect(source.html).not.toMatch(/dossier-image|vote_files/);
    expect(source.plainText).toMatch(/^The council voted/);
    expect(source.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(source.lang).toBe('en');
    const original = await library.getSourceOriginal(result.source.id);
    expect(original.html).toBe(PAGE('Monday'));
  });

  it('stores nothing for a file it cannot clip and says why', async () => {
    await library.clipFile({ name: 'ok.html', data: b64(PAGE('Monday')) });
    const before = dump();
    const cases: [string, string, string][] = [
      ['empty.html', '', 'EMPTY'],
      ['binary.html', b64(PNG_1X1), 'BINARY'],
      ['nav.html', b64('<html><body><nav><a href="/a">A</a></nav></body></html>'), 'NO_ARTICLE'],
      ['report.pdf', b64('%PDF-1.4'), 'UNSUPPORTED'],
    ];
    for (const [name, data, reason] of cases) {
      const error = await clipFailure(library.clipFile({ name, data }));
      expect(error.code).toBe('CLIP_FAILED');
      expect(error.details).toEqual({ reason, file: name });
      expect(error.message).toContain(name);
    }
    expect(dump()).toEqual(before);
    expect(stored).toHaveLength(1);
  });

  it('asks about a duplicate by default and stores nothing', async () => {
    const first = created(await library.clipFile({ name: 'a.html', data: b64(PAGE('Monday')) }));
    const before = dump();
    const again = await library.clipFile({ name: 'b.html', data: b64(PAGE('Tuesday')) });
    expect(again).toMatchObject({
      status: 'duplicate',
      matchedBy: 'canonical-url',
      duplicateOf: { id: first.source.id },
    });
    const pasted = await library.clipPaste({ html: PAGE('Monday').replace(/<link[^>]*>/, '') });
    expect(pasted).toMatchObject({ status: 'duplicate', matchedBy: 'content-hash' });
    expect(dump()).toEqual(before);
  });

  it('updates a duplicate in place (same id, new text, new images) when asked', async () => {
    const first = created(
      await library.clipFile({
        name: 'a.html',
        data: b64(PAGE('Monday')),
        resources: [{ path: 'vote_files/a.png', data: b64(PNG_1X1) }],
      }),
    );
    const second = created(
      await library.clipFile({
        name: 'a.html',
        data: b64(PAGE('Tuesday')),
        resources: [{ path: 'vote_files/a.png', data: b64(GIF_1X1) }],
        onDuplicate: 'update',
      }),
    );
    expect(second.status).toBe('updated');
    expect(second.source.id).toBe(first.source.id);
    const source = await library.getSource(first.source.id);
    expect(source.plainText).toContain('Tuesday');
    expect(source.html).toContain('data:image/gif');
    expect(db.prepare('SELECT count(*) FROM source_images').pluck().get()).toBe(1);
    expect((await library.listSources()).total).toBe(1);
    expect(stored.map((s) => s.id)).toEqual([first.source.id, first.source.id]);
  });

  it('keeps both when asked', async () => {
    await library.clipFile({ name: 'a.html', data: b64(PAGE('Monday')) });
    const both = await library.clipFile({
      name: 'a.html',
      data: b64(PAGE('Monday')),
      onDuplicate: 'keep-both',
    });
    expect(both.status).toBe('created');
    expect((await library.listSources()).total).toBe(2);
  });

  it('never fails a clip because the analysis hook failed', async () => {
    hookError = new Error('extractor crashed');
    const result = await library.clipPaste({
      text: 'A pasted paragraph about the harbour.\n\nAnd a second one.',
    });
    expect(result.status).toBe('created');
    expect((await library.listSources()).total).toBe(1);
  });

  it('clips pasted HTML with a title and URL, and pasted text', async () => {
    const html = created(
      await library.clipPaste({ html: PAGE('Friday'), url: 'https://paper.example/x', title: ' My title ' }),
    );
    expect(html.source).toMatchObject({ title: 'My title', url: 'https://paper.example/x' });
    expect(html.warnings).toEqual([
      '1 image was left out: not saved with the page (downloading was not allowed).',
    ]);
    const text = created(
      await library.clipPaste({ text: 'Harbour reopens\n\nShips are back in the harbour.' }),
    );
    expect(text.source).toMatchObject({ title: 'Harbour reopens', url: null, wordCount: 8 });
    // Clipboard HTML is a fragment, not a page.
    const fragment = created(
      await library.clipPaste({ html: `<div><h2>Ferry strike ends</h2>${PROSE('Thursday')}</div>` }),
    );
    expect(fragment.source.title).toBe('Ferry strike ends');
    expect((await library.getSource(fragment.source.id)).plainText).toContain('on Thursday');
    const empty = await clipFailure(library.clipPaste({ text: '   ' }));
    expect(empty.details).toMatchObject({ reason: 'EMPTY' });
  });

  it('clips a URL: follows redirects, uses the charset of the header, downloads images', async () => {
    const page = Buffer.from(
      PAGE('Sunday', '<p>Caf\xe9 owners said \x93yes\x94.</p>').replace('vote_files/a.png', '/img/a.png'),
      'latin1',
    );
    server = await startTestServer({
      '/short': (_, res) => res.writeHead(301, { location: '/news/vote' }).end(),
      '/news/vote': (_, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(page),
      '/img/a.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1X1),
      '/file.pdf': (_, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    });
    // The test server is on 127.0.0.1: allowed on purpose, as an intranet host would be.
    await library.setClipNetworkSettings({ allowedLocalHosts: ['127.0.0.1'] });
    const result = created(await library.clipUrl({ url: `${server.url}/short` }));
    expect(result.source.url).toBe(`${server.url}/news/vote`);
    expect(result.warnings).toEqual([]);
    const source = await library.getSource(result.source.id);
    expect(source.plainText).toContain('Café owners said “yes”.');
    expect(source.html).toContain('data:image/png;base64,');

    const pdf = await clipFailure(library.clipUrl({ url: `${server.url}/file.pdf` }));
    expect(pdf.details).toEqual({ reason: 'UNSUPPORTED', file: `${server.url}/file.pdf` });
    const missing = await clipFailure(library.clipUrl({ url: `${server.url}/gone` }));
    expect(missing.details).toMatchObject({ reason: 'FETCH_FAILED' });
    expect(missing.message).toMatch(/answered 404/);
    expect((await library.listSources()).total).toBe(1);
  });

  it('lists, filters, trashes and restores', async () => {
    const a = created(await library.clipPaste({ text: 'First story\n\nAbout ships.' }));
    const b = created(await library.clipFile({ name: 'b.html', data: b64(PAGE('Monday')) }));
    expect((await library.listSources({ sort: 'title' })).sources.map((s) => s.id)).toEqual([
      b.source.id,
      a.source.id,
    ]);
    expect(await library.listSites()).toEqual([{ site: 'Paper', count: 1 }]);
    expect((await library.listSources({ site: 'Paper' })).sources.map((s) => s.id)).toEqual([b.source.id]);

    expect((await library.deleteSource(a.source.id)).deletedAt).not.toBeNull();
    expect((await library.listSources()).total).toBe(1);
    expect((await library.listSources({ trashed: true })).sources.map((s) => s.id)).toEqual([a.source.id]);
    expect((await library.getSource(a.source.id)).deletedAt).not.toBeNull(); // trashed sources still open
    expect((await library.restoreSource(a.source.id)).deletedAt).toBeNull();
    await expect(library.getSource('nope' as SourceId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(library.getSourceOriginal('nope' as SourceId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
