/**
 * A long article's findings stored in slices (issue 19: one transaction for thousands of quotes held
 * the notebook for most of a second). Slices of one step each (sliceMs 0), so what happens between
 * slices does not depend on the machine's speed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceId } from '../../../shared/model';
import { extractArticle } from '../extract';
import { analysedSource } from '../testing/analysed';
import { ExtractionStore } from './extraction-store';
import { openFixture, type AnalysisFixture } from './testing';

const PARAGRAPHS = 60;
const TEXT = Array.from(
  { length: PARAGRAPHS },
  (_, i) =>
    `The council met near the harbour to discuss item ${i}. "We will decide on item ${i} soon," said Ana Ruiz, ` +
    `the mayor of Porto. Tom Becker of the Harbour Trust disagreed.`,
).join('\n\n');

let f: AnalysisFixture;
beforeEach(() => {
  f = openFixture();
});
afterEach(() => f.close());

const extraction = extractArticle(TEXT, { published: '2025-03-14' });

function findings(sourceId: SourceId): { quotes: unknown[]; mentions: unknown[]; events: number } {
  const quotes = f.db
    .prepare(
      `SELECT q.span_start, q.span_end, q.text, q.confidence, q.rule, e.name AS speaker
       FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id
       WHERE q.source_id = ? ORDER BY q.span_start`,
    )
    .all(sourceId);
  const mentions = f.db
    .prepare(
      `SELECT m.span_start, m.span_end, e.name, e.kind FROM mentions m JOIN entities e ON e.id = m.entity_id
       WHERE m.source_id = ? ORDER BY m.span_start`,
    )
    .all(sourceId);
  const events = (
    f.db
      .prepare(`SELECT count(DISTINCT event_id) AS n FROM event_sources WHERE source_id = ?`)
      .get(sourceId) as {
      n: number;
    }
  ).n;
  return { quotes, mentions, events };
}

const marked = (id: SourceId): boolean =>
  f.db.prepare(`SELECT 1 FROM extractions_in_progress WHERE source_id = ?`).get(id) !== undefined;
const extractedAt = (id: SourceId): string | null =>
  (f.db.prepare(`SELECT extracted_at FROM sources WHERE id = ?`).get(id) as { extracted_at: string | null })
    .extracted_at;
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('storing findings in slices', () => {
  it('stores what the one-transaction store stores, and lets other writes in between slices', async () => {
    expect(extraction.quotes.length).toBeGreaterThanOrEqual(PARAGRAPHS);
    const whole = f.addSource(TEXT);
    const sliced = f.addSource(TEXT);
    const store = new ExtractionStore(f.db, () => null, { sliceMs: 0 });
    store.store({ id: whole, text: TEXT, published: '2025-03-14' }, extraction);

    let done = false;
    const storing = store
      .storeInSlices({ id: sliced, text: TEXT, published: '2025-03-14' }, extraction)
      .finally(() => {
        done = true;
      });
    const insertNote = f.db.prepare(
      `INSERT INTO notes (id, title, content, plain_text, created_at, updated_at) VALUES (?, 'x', '', '', ?, ?)`,
    );
    let between = 0;
    let sawPartial = false;
    while (!done) {
      await turn();
      if (done) break;
      // Another call between slices: it commits at once (waiting for the disk), not after the store.
      expect(f.db.pragma('synchronous', { simple: true })).toBe(2);
      insertNote.run(`note-${between}`, new Date().toISOString(), new Date().toISOString());
      between++;
      expect(marked(sliced)).toBe(true);
      expect(extractedAt(sliced)).toBeNull();
      sawPartial ||= findings(sliced).quotes.length > 0;
    }
    const counts = await storing;
    // Slices commit without waiting for the disk; every other commit, and the end, waits (FULL = 2).
    expect(f.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(between).toBeGreaterThan(PARAGRAPHS);
    expect(sawPartial).toBe(true);
    expect(marked(sliced)).toBe(false);
    expect(extractedAt(sliced)).not.toBeNull();
    expect(counts.quotes).toBe(findings(whole).quotes.length);
    expect(findings(sliced)).toEqual(findings(whole));
    expect((f.db.prepare(`SELECT count(*) AS n FROM notes`).get() as { n: number }).n).toBe(between);
  });

  it('refuses a second store of the same source while one is in slices', async () => {
    const id = f.addSource(TEXT);
    const store = new ExtractionStore(f.db, () => null, { sliceMs: 0 });
    const storing = store.storeInSlices({ id, text: TEXT, published: null }, extraction);
    expect(() => store.store({ id, text: TEXT, published: null }, extraction)).toThrow(
      /still being analysed/,
    );
    await expect(store.storeInSlices({ id, text: TEXT, published: null }, extraction)).rejects.toThrow(
      /still being analysed/,
    );
    await storing;
    expect(() => store.store({ id, text: TEXT, published: null }, extraction)).not.toThrow();
  });

  it('removes what earlier slices wrote when a later one fails (the source deleted meanwhile)', async () => {
    const id = f.addSource(TEXT);
    const keep = f.addSource(TEXT);
    const store = new ExtractionStore(f.db, () => null, { sliceMs: 0 });
    store.store({ id: keep, text: TEXT, published: null }, extraction);
    const entitiesBefore = (f.db.prepare(`SELECT count(*) AS n FROM entities`).get() as { n: number }).n;
    const storing = store.storeInSlices({ id, text: TEXT, published: null }, extraction).then(
      () => null,
      (error: unknown) => error,
    );
    for (let i = 0; i < 20; i++) await turn();
    expect(findings(id).mentions.length).toBeGreaterThan(0);
    // Gone for good (not the trash): the next slice's rows have no source to belong to.
    f.db.pragma('foreign_keys = OFF');
    f.db.prepare(`DELETE FROM sources WHERE id = ?`).run(id);
    f.db.pragma('foreign_keys = ON');
    expect(await storing).toBeInstanceOf(Error);
    expect(f.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(findings(id)).toEqual({ quotes: [], mentions: [], events: 0 });
    expect(marked(id)).toBe(false);
    // The other source's findings and entities are untouched; none of this store's is left.
    expect(findings(keep).quotes.length).toBeGreaterThanOrEqual(PARAGRAPHS);
    expect((f.db.prepare(`SELECT count(*) AS n FROM entities`).get() as { n: number }).n).toBe(
      entitiesBefore,
    );
  });
});

describe('a sliced store interrupted by a stop', () => {
  it('is analysed again when the notebook next opens, replacing the partial findings', async () => {
    const { Notebook } = await import('../notebook');
    const { makeTempDir } = await import('../testing/temp-dir');
    const temp = makeTempDir('dossier-sliced-');
    try {
      const html = `<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>${TEXT.split(
        '\n\n',
      )
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`;
      let notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
      const clipped = await notebook.clipPaste({ html, url: 'https://port.example/harbour' });
      if (clipped.status !== 'created') throw new Error(clipped.status);
      const id = clipped.source.id;
      const full = await analysedSource(notebook, id);
      expect(full.quotes.length).toBeGreaterThanOrEqual(PARAGRAPHS);
      // What a stop between two slices leaves: the mark, some of the findings, no new extracted_at.
      notebook.runOnDatabase((db) => {
        db.prepare(`DELETE FROM quotes WHERE source_id = ? AND span_start > 2000`).run(id);
        db.prepare(`UPDATE sources SET extracted_at = NULL WHERE id = ?`).run(id);
        db.prepare(`INSERT INTO extractions_in_progress (source_id, started_at) VALUES (?, ?)`).run(
          id,
          new Date().toISOString(),
        );
      });
      await notebook.close();

      notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
      try {
        const again = await analysedSource(notebook, id);
        expect(again.quotes.map((q) => [q.start, q.end, q.speaker?.name ?? null])).toEqual(
          full.quotes.map((q) => [q.start, q.end, q.speaker?.name ?? null]),
        );
        expect(
          notebook.runOnDatabase((db) =>
            db.prepare(`SELECT count(*) AS n FROM extractions_in_progress`).get(),
          ),
        ).toEqual({ n: 0 });
      } finally {
        await notebook.close();
      }
    } finally {
      temp.remove();
    }
  }, 60_000);
});
