/**
 * A long article is stored in parts (schema 12, issue 19): the notebook reads, searches, analyses,
 * trashes and replaces it exactly as it does an article held in its row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipResult } from '../../../shared/areas/library';
import type { SourceId } from '../../../shared/model';
import { PARTS_ABOVE_CHARS } from '../db/source-parts';
import { exportLines } from '../export/export';
import { importNotebook } from '../export/import';
import { Notebook } from '../notebook';
import { analysedSource } from '../testing/analysed';
import { makeTempDir } from '../testing/temp-dir';
import { preparePaste } from './prepare';

let temp: ReturnType<typeof makeTempDir>;
let nb: Notebook;
beforeEach(() => {
  temp = makeTempDir('dossier-source-parts-');
  nb = Notebook.open({ dataDir: temp.dir, host: 'test' });
});
afterEach(async () => {
  await nb.close();
  temp.remove();
});

const PARAGRAPH = (n: number): string =>
  `<p>“We will decide on the harbour budget by spring,” Mayor Ana Ruiz said on Tuesday, meeting ${n}.</p>\n`;

/** A page whose HTML and text together are well above the size where parts begin; `last` ends it. */
function longPage(last: string): string {
  const paragraphs = Math.ceil(PARTS_ABOVE_CHARS / PARAGRAPH(1).length);
  const body = Array.from({ length: paragraphs }, (_, i) => PARAGRAPH(i)).join('');
  return `<html><head><title>Harbour budget talks resume</title></head><body><article><h1>Harbour budget talks resume</h1>${body}<p>${last}</p></article></body></html>`;
}

function stored(result: ClipResult): Exclude<ClipResult, { status: 'duplicate' }> {
  if (result.status === 'duplicate') throw new Error('expected the article to be stored');
  return result;
}

const row = (id: SourceId) =>
  nb.runOnDatabase(
    (db) =>
      db
        .prepare(
          `SELECT (SELECT content_id FROM source_contents WHERE source_id = s.id) AS content_parts,
             length(plain_text) AS inline, extracted_at FROM sources s WHERE id = ?`,
        )
        .get(id) as { content_parts: string | null; inline: number; extracted_at: string | null },
  );
const partIds = (): string[] =>
  nb.runOnDatabase((db) =>
    (db.prepare('SELECT DISTINCT content_id FROM source_text_parts').all() as { content_id: string }[]).map(
      (r) => r.content_id,
    ),
  );
const sourceHits = async (query: string): Promise<string[]> =>
  (await nb.search({ query })).hits.filter((hit) => hit.type === 'source').map((hit) => hit.id);

describe('a long article', () => {
  it('is stored in parts and read back exactly: text, HTML and the page as clipped', async () => {
    const input = { html: longPage('The zebracrossing closes at dusk.'), url: 'https://port.example/long' };
    const { source } = stored(await nb.clipPaste(input));
    const { content_parts, inline } = row(source.id);
    expect(content_parts).not.toBeNull();
    expect(inline).toBe(0);
    const expected = preparePaste(input).article;
    const full = await nb.getSource(source.id);
    expect(full.plainText).toBe(expected.text);
    expect(full.plainText.length).toBeGreaterThan(PARTS_ABOVE_CHARS / 4);
    expect(full.html).toContain('The zebracrossing closes at dusk.');
    expect((await nb.getSourceOriginal(source.id)).html).toBe(expected.originalHtml);
  }, 120_000);

  it('is found by words from anywhere in it, typed or whole, until it is trashed', async () => {
    const { source } = stored(await nb.clipPaste({ html: longPage('The zebracrossing closes at dusk.') }));
    expect(await sourceHits('zebracrossing')).toEqual([source.id]);
    expect(await sourceHits('zebracros')).toEqual([source.id]);
    expect(await sourceHits('"zebracrossing closes"')).toEqual([source.id]);
    // Its title is indexed with the row: found once, not twice.
    expect(await sourceHits('harbour')).toEqual([source.id]);
    expect(await sourceHits('zebracrossing in:title')).toEqual([]);
    const hit = (await nb.search({ query: 'zebracrossing' })).hits.find((h) => h.type === 'source');
    expect(JSON.stringify(hit)).toContain('zebracrossing');
    await nb.deleteSource(source.id);
    expect(await sourceHits('zebracrossing')).toEqual([]);
    await nb.restoreSource(source.id);
    expect(await sourceHits('zebracrossing')).toEqual([source.id]);
  }, 120_000);

  it('is analysed from its parts, each quote a span of its text', async () => {
    const { source } = stored(await nb.clipPaste({ html: longPage('The end.') }));
    const analysis = await analysedSource(nb, source.id);
    expect(row(source.id).extracted_at).not.toBeNull();
    expect(analysis.quotes.length).toBeGreaterThan(100);
    const { plainText } = await nb.getSource(source.id);
    for (const quote of analysis.quotes.slice(0, 50)) {
      expect(plainText.slice(quote.start, quote.end)).toBe(quote.text);
    }
  }, 300_000);

  it('leaves no parts behind when clipped again as a duplicate, and replaces its parts on update', async () => {
    const first = stored(
      await nb.clipPaste({ html: longPage('First version.'), url: 'https://port.example/a' }),
    );
    const before = partIds();
    expect(before).toHaveLength(1);
    const again = await nb.clipPaste({ html: longPage('First version.'), url: 'https://port.example/a' });
    expect(again.status).toBe('duplicate');
    expect(partIds()).toEqual(before);
    const updated = stored(
      await nb.clipPaste({
        html: longPage('Second version.'),
        url: 'https://port.example/a',
        onDuplicate: 'update',
      }),
    );
    expect(updated.status).toBe('updated');
    expect(updated.source.id).toBe(first.source.id);
    const after = partIds();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect((await nb.getSource(first.source.id)).plainText).toContain('Second version.');
  }, 120_000);

  it('is exported with its article in its row, and imports back whole', async () => {
    const { source } = stored(await nb.clipPaste({ html: longPage('The zebracrossing closes at dusk.') }));
    const lines = nb.runOnDatabase((db) => [...exportLines(db)]);
    const exported = lines.map(
      (line) => JSON.parse(line) as { table?: string; row?: Record<string, unknown> },
    );
    expect(exported.some((line) => line.table === 'source_text_parts' || line.table === 'source_parts')).toBe(
      false,
    );
    const row = exported.find((line) => line.table === 'sources')!.row!;
    expect(row).not.toHaveProperty('content_parts');
    const { plainText } = await nb.getSource(source.id);
    expect(row.plain_text).toBe(plainText);
    expect(row.original_html).toBe((await nb.getSourceOriginal(source.id)).html);

    const other = Notebook.open({ dataDir: `${temp.dir}/other`, host: 'test' });
    try {
      other.runOnDatabase((db) => importNotebook(db, lines));
      expect((await other.getSource(source.id)).plainText).toBe(plainText);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('is stored the same whether it was read here or in a worker (which sends it in its parts)', async () => {
    // A picture saved with the page, in the middle of it: its tag is rewritten in whichever part holds it.
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const html = longPage('The end.').replace(
      'meeting 5000.</p>',
      'meeting 5000.</p><p><img src="page_files/dot.png" alt="a dot"></p>',
    );
    const input = {
      name: 'long.html',
      data: Buffer.from(html).toString('base64'),
      resources: [{ path: 'page_files/dot.png', data: png }],
    };
    const here = Notebook.open({
      dataDir: `${temp.dir}/here`,
      host: 'test',
      limits: { isolateClipsAboveBytes: 1e9 },
    });
    const there = Notebook.open({
      dataDir: `${temp.dir}/there`,
      host: 'test',
      limits: { isolateClipsAboveBytes: 0 },
    });
    try {
      const a = stored(await here.clipFile(input));
      const b = stored(await there.clipFile(input));
      expect(b.warnings.filter((w) => /image/.test(w))).toEqual(a.warnings.filter((w) => /image/.test(w)));
      const strip = ({
        id: _id,
        clippedAt: _c,
        updatedAt: _u,
        html: page,
        ...rest
      }: Awaited<ReturnType<Notebook['getSource']>>) => ({
        ...rest,
        // Image ids are new in each notebook.
        html: page.replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, 'IMAGE'),
      });
      const [sa, sb] = [await here.getSource(a.source.id), await there.getSource(b.source.id)];
      expect(sa.html).toContain('alt="a dot"');
      expect(strip(sb)).toEqual(strip(sa));
      expect((await there.getSourceOriginal(b.source.id)).html).toBe(
        (await here.getSourceOriginal(a.source.id)).html,
      );
      for (const nb2 of [here, there]) {
        const parts = nb2.runOnDatabase(
          (db) => (db.prepare('SELECT count(*) AS n FROM source_parts').get() as { n: number }).n,
        );
        expect(parts).toBeGreaterThan(4);
      }
    } finally {
      await here.close();
      await there.close();
    }
  }, 180_000);
});
