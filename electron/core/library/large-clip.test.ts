/**
 * Large clips run isolated (issue 19: one 45 MB paste stopped the notebook for minutes and saves sent
 * meanwhile failed). These check behaviour, never time: calls complete while a large clip is in
 * progress, the isolated path stores what the in-place one would, and closing stops it cleanly.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipResult } from '../../../shared/areas/library';
import type { NoteId, SourceId } from '../../../shared/model';
import { LARGE_PAGE_CHARS } from '../clip/large-page';
import { DEFAULT_CORE_LIMITS } from '../context';
import { Notebook, type NotebookOptions } from '../notebook';
import { analysedSource } from '../testing/analysed';
import { makeTempDir } from '../testing/temp-dir';
import { clipMemoryMb } from './service';

let temp: ReturnType<typeof makeTempDir>;
const open: Notebook[] = [];
beforeEach(() => {
  temp = makeTempDir('dossier-large-clip-');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((notebook) => notebook.close()));
  temp.remove();
});

function notebook(limits?: NotebookOptions['limits'], name = 'a'): Notebook {
  const opened = Notebook.open({ dataDir: `${temp.dir}/${name}`, host: 'test', limits });
  open.push(opened);
  return opened;
}

const PARAGRAPH = (n: number): string =>
  `<p>“We will decide on the harbour budget by spring,” Mayor Ana Ruiz said on Tuesday, meeting ${n}.</p>\n`;

function page(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => PARAGRAPH(i)).join('');
  return `<html><head><title>Harbour budget talks resume</title></head><body><article><h1>Harbour budget talks resume</h1>${body}</article></body></html>`;
}

/** A stored source without what differs between two clips of the same page. */
function strip(source: Awaited<ReturnType<Notebook['getSource']>>) {
  return { ...source, id: null, clippedAt: null, updatedAt: null };
}

function created(result: ClipResult): Exclude<ClipResult, { status: 'duplicate' }> {
  if (result.status !== 'created') throw new Error(`expected a new source, got ${result.status}`);
  return result;
}

describe('a clip above the isolation size', () => {
  it('lets saves complete while it is in progress, then stores the article', async () => {
    const nb = notebook();
    const html = page(Math.ceil(LARGE_PAGE_CHARS / PARAGRAPH(1).length) + 100);
    expect(html.length).toBeGreaterThan(DEFAULT_CORE_LIMITS.isolateClipsAboveBytes);
    let note = await nb.createNote({ title: 'Draft' });
    let clipDone = false;
    const clip = nb.clipPaste({ html, url: 'https://port.example/budget' }).finally(() => {
      clipDone = true;
    });
    // Before the fix the clip ran on this thread, so no save could complete until it was done.
    let savesDuringClip = 0;
    while (!clipDone) {
      // As a host delivers calls: each in its own turn of the event loop (the worker's answer too).
      await new Promise((resolve) => setImmediate(resolve));
      note = await nb.updateNote({
        id: note.id as NoteId,
        expectedVersion: note.version,
        title: `Draft ${note.version}`,
      });
      if (!clipDone) savesDuringClip += 1;
    }
    expect(savesDuringClip).toBeGreaterThan(0);
    const result = created(await clip);
    expect(result.source.title).toBe('Harbour budget talks resume');
    expect(result.warnings.join(' ')).toMatch(
      /long: people, quotes and events are being found in the background/,
    );
    const stored = await nb.getSource(result.source.id);
    expect(stored.plainText).toContain('meeting 0.');
    expect(stored.plainText).toContain(`meeting ${Math.ceil(LARGE_PAGE_CHARS / PARAGRAPH(1).length) + 99}.`);
    const analysis = await analysedSource(nb, result.source.id);
    expect(analysis.quotes.length).toBeGreaterThan(100);
    expect((await nb.getNote(note.id)).title).toBe(note.title);
  }, 300_000);

  it('stores what the in-place path stores, images and analysis included', async () => {
    const html = page(30).replace('<h1>', '<img src="data:," alt="none"><h1>');
    const inPlace = notebook({ isolateClipsAboveBytes: 1e9, isolateExtractionAboveChars: 1e9 }, 'here');
    const isolated = notebook({ isolateClipsAboveBytes: 0, isolateExtractionAboveChars: 0 }, 'there');
    const input = { html, url: 'https://port.example/budget' };
    const a = created(await inPlace.clipPaste(input));
    const b = created(await isolated.clipPaste(input));
    expect(strip(await isolated.getSource(b.source.id))).toEqual(strip(await inPlace.getSource(a.source.id)));
    const quotes = async (nb: Notebook, id: SourceId) =>
      (await analysedSource(nb, id)).quotes.map((q) => [q.start, q.end, q.speaker?.name ?? null]);
    expect(await quotes(isolated, b.source.id)).toEqual(await quotes(inPlace, a.source.id));
    expect(a.warnings).toEqual([]);
  }, 120_000);

  it('reports a failure of the page as any clip does, storing nothing', async () => {
    const nb = notebook({ isolateClipsAboveBytes: 0 });
    const error = await nb
      .clipPaste({ html: '<html><body><nav><a href="/">Home</a></nav></body></html>' })
      .then(
        () => null,
        (e: unknown) => e as { code: string; details?: { reason?: string } },
      );
    expect(error?.code).toBe('CLIP_FAILED');
    expect(error?.details?.reason).toBe('NO_ARTICLE');
    expect((await nb.listSources()).total).toBe(0);
  }, 60_000);

  it('is stopped when the notebook closes, and nothing is stored', async () => {
    const nb = notebook({ isolateClipsAboveBytes: 0 }, 'closing');
    const clip = nb.clipPaste({ html: page(20_000) }).then(
      () => 'stored',
      (error: unknown) => String(error),
    );
    await nb.close();
    expect(await clip).toMatch(/could not be clipped|closed/);
    const reopened = notebook({}, 'closing');
    expect((await reopened.listSources()).total).toBe(0);
  }, 60_000);
});

describe('the memory bound of an isolated clip', () => {
  it('grows with the input and stops at 512 MB', () => {
    const mb = 1024 * 1024;
    expect(clipMemoryMb(1 * mb)).toBeLessThan(clipMemoryMb(10 * mb));
    expect(clipMemoryMb(45 * mb)).toBe(456);
    expect(clipMemoryMb(50 * mb)).toBe(496);
    expect(clipMemoryMb(500 * mb)).toBe(512);
  });
});

describe('a clip sent as its request body (the browser host, above 1 MB)', () => {
  const body = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

  it('is read, checked and prepared in a worker of its own, and stores what the call with arguments stores', async () => {
    const html = page(30);
    const input = { html, url: 'https://port.example/budget' };
    const byArgs = notebook({ isolateClipsAboveBytes: 1e9, isolateExtractionAboveChars: 1e9 }, 'args');
    const byBody = notebook({ isolateClipsAboveBytes: 0, isolateExtractionAboveChars: 1e9 }, 'body');
    const a = created(await byArgs.clipPaste(input));
    const bytes = body({ args: [input] });
    const b = created(await byBody.clipWithBody('clipPaste', bytes));
    // Handed to the worker, not copied: the bytes are gone from this thread.
    expect(bytes.byteLength).toBe(0);
    expect(strip(await byBody.getSource(b.source.id))).toEqual(strip(await byArgs.getSource(a.source.id)));
    // The duplicate policy is read from the body too.
    const again = await byBody.clipWithBody('clipPaste', body({ args: [input] }));
    expect(again.status).toBe('duplicate');
  }, 120_000);

  it('refuses a body that is not JSON, not { args }, or whose arguments are wrong, storing nothing', async () => {
    const nb = notebook({ isolateClipsAboveBytes: 0 }, 'bad');
    const failure = (bytes: Uint8Array) =>
      nb.clipWithBody('clipPaste', bytes).then(
        () => null,
        (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> },
      );
    const notJson = await failure(new TextEncoder().encode('{"args":[{"html":"<p>cut off'));
    expect(notJson).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'The request body is not valid JSON.',
    });
    expect(notJson?.details).toEqual({ body: true });
    expect(await failure(body({ args: { html: '<p>x</p>' } }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    const wrongType = await failure(body({ args: [{ html: 12345 }] }));
    expect(wrongType?.code).toBe('INVALID_ARGUMENT');
    expect(wrongType?.message).toMatch(/clipPaste/);
    expect(await failure(body({ args: [{ name: 'a.html', data: 'eA==' }] }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect((await nb.listSources()).total).toBe(0);
  }, 60_000);

  it('clips a file from its body as clipFile does', async () => {
    const nb = notebook({ isolateClipsAboveBytes: 0, isolateExtractionAboveChars: 1e9 }, 'file');
    const data = Buffer.from(page(20)).toString('base64');
    const result = created(
      await nb.clipWithBody('clipFile', body({ args: [{ name: 'budget.html', data }] })),
    );
    expect(result.source.title).toBe('Harbour budget talks resume');
  }, 60_000);

  it('runs in place below the isolation size, with the same checks', async () => {
    const nb = notebook({ isolateExtractionAboveChars: 1e9 }, 'small');
    const result = created(await nb.clipWithBody('clipPaste', body({ args: [{ html: page(5) }] })));
    expect(result.source.title).toBe('Harbour budget talks resume');
    await expect(nb.clipWithBody('clipPaste', new TextEncoder().encode('nope'))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  }, 60_000);
});

describe('a long page sent to the browser clip endpoint', () => {
  it('is read where it is prepared, and stored with where it came from, as a short one is', async () => {
    const { listenClipEndpoint } = await import('../../host-shared/clip-endpoint/server');
    const { pageHeaders, rawRequest } = await import('../../host-shared/clip-endpoint/testing');
    const nb = Notebook.open({
      dataDir: `${temp.dir}/endpoint`,
      host: 'test',
      hostHooks: { listenClipEndpoint },
      limits: { isolateClipsAboveBytes: 0, isolateExtractionAboveChars: 1e9 },
    });
    open.push(nb);
    // A port that was free a moment ago.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    expect(await nb.setClipEndpoint({ enabled: true, port })).toMatchObject({ running: true });
    const { pairing } = await nb.startClipPairing();
    const token = (
      await rawRequest(port, 'POST', '/pair', pageHeaders(port), JSON.stringify({ code: pairing!.code }))
    ).json().token as string;
    // Over 1 MB of page (most of it markup), claiming to be another site's article.
    const padding = 'x'.repeat(2_000);
    const html = page(20)
      .replace(/<p>/g, `<p data-pad="${padding}">`)
      .replace('<h1>', `<h1 title="${padding.repeat(600)}">`);
    expect(html.length).toBeGreaterThan(1024 * 1024);
    const answer = await rawRequest(
      port,
      'POST',
      '/clip',
      pageHeaders(port, token),
      JSON.stringify({ html, url: 'https://www.reuters.com/world/harbour', origin: 'https://evil.example' }),
    );
    expect(answer.status).toBe(200);
    const id = answer.json().id as SourceId;
    const source = await nb.getSource(id);
    expect(source.title).toBe('Harbour budget talks resume');
    expect(source.sentFrom).toBe('https://evil.example');
    expect(source.urlClaimed).toBe(true);
    const missing = await rawRequest(
      port,
      'POST',
      '/clip',
      pageHeaders(port, token),
      JSON.stringify({ title: padding.repeat(600) }),
    );
    expect(missing.status).toBe(400);
    expect(missing.json()).toEqual({ error: true, message: 'The page to clip is missing.' });
    expect((await nb.listSources()).total).toBe(1);
  }, 60_000);
});
