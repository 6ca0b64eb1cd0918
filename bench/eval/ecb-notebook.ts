/**
 * ECB+ articles in a real notebook (SQLite in a temp folder), and the article grouping EVAL.md scores:
 * two articles are linked when Dossier links both to one event. Two ways in:
 * - {@link importLikeCli}: through the Notebook's clipFile, exactly as `dossier import` stores a .txt
 *   file (no publication date given), for the reported figures;
 * - {@link importDirect}: rows inserted and the AnalysisService run with a chosen matching model and a
 *   caching extractor, for training and cross-validation (many imports of the same articles).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { SourceId } from '../../shared/model';
import type { CoreContext } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/open';
import { extractArticle } from '../../electron/core/extract';
import type { MatchModel } from '../../electron/core/analysis/event-match/model';
import { AnalysisService } from '../../electron/core/analysis/service';
import { Notebook } from '../../electron/core/notebook';
import type { EcbDoc } from './ecbplus-data';

/** A notebook holding ECB+ articles: which source is which article. */
export interface EcbNotebook {
  db: Database.Database;
  /** Source id -> article. */
  docs: Map<string, EcbDoc>;
  close(): Promise<void>;
}

/** Imports the articles as `dossier import` does (clipFile of a .txt file, duplicates kept). */
export async function importLikeCli(docs: readonly EcbDoc[]): Promise<EcbNotebook> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ecb-'));
  const notebook = Notebook.open({ dataDir: dir, host: 'cli' });
  const byId = new Map<string, EcbDoc>();
  for (const doc of docs) {
    const result = await notebook.clipFile({
      name: doc.name.replace(/\.xml$/, '.txt'),
      data: Buffer.from(doc.text, 'utf8').toString('base64'),
      onDuplicate: 'keep-both',
    });
    if (result.status !== 'duplicate') byId.set(result.source.id, doc);
  }
  return {
    db: notebook.runOnDatabase((db) => db),
    docs: byId,
    close: async () => {
      await notebook.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Extractions remembered by text, so repeated imports of the same articles extract each once. */
export function cachingExtractor(): typeof extractArticle {
  const cache = new Map<string, ReturnType<typeof extractArticle>>();
  return (text, options) => {
    const key = `${options?.published ?? ''}|${text}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = extractArticle(text, options);
      cache.set(key, result);
    }
    return result;
  };
}

/** Imports the articles by inserting rows and running the analysis with `matching` (null: no matching). */
export function importDirect(
  docs: readonly EcbDoc[],
  matching: MatchModel | null,
  extractor: typeof extractArticle,
): EcbNotebook {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ecb-'));
  const databasePath = join(dir, 'dossier.sqlite');
  const db = openDatabase(databasePath);
  const ctx: CoreContext = {
    db,
    dataDir: dir,
    databasePath,
    host: 'test',
    hooks: {
      sourceStored: () => undefined,
      clipPaste: () => Promise.reject(new Error('not here')),
    },
  };
  const analysis = new AnalysisService(ctx, { eventMatching: () => matching, extractor });
  const insert = db.prepare(
    `INSERT INTO sources (id, title, clipped_at, plain_text, word_count, created_at, updated_at)
     VALUES (@id, @title, @now, @text, @words, @now, @now)`,
  );
  const byId = new Map<string, EcbDoc>();
  for (const doc of docs) {
    const id = randomUUID() as SourceId;
    const now = new Date().toISOString();
    insert.run({ id, title: doc.name, now, text: doc.text, words: doc.text.split(/\s+/).length });
    analysis.sourceStored(id);
    byId.set(id, doc);
  }
  return {
    db,
    docs: byId,
    close: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For each source: itself and every source sharing one of its (live) events. */
export function predictedSets(db: Database.Database): Map<string, Set<string>> {
  const rows = db
    .prepare(
      `SELECT DISTINCT es.event_id, es.source_id FROM event_sources es
       JOIN entities e ON e.id = es.event_id WHERE e.merged_into IS NULL AND es.status <> 'rejected'`,
    )
    .all() as { event_id: string; source_id: string }[];
  const byEvent = new Map<string, string[]>();
  for (const r of rows) byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r.source_id]);
  const sets = new Map<string, Set<string>>();
  for (const sources of byEvent.values()) {
    for (const s of sources) {
      const set = sets.get(s) ?? new Set([s]);
      for (const t of sources) set.add(t);
      sets.set(s, set);
    }
  }
  return sets;
}

/** EVAL.md's B-cubed precision, recall and F1 over articles, from the notebook's events. */
export function bcubed(notebook: EcbNotebook): { p: number; r: number; f1: number; articles: number } {
  const sets = predictedSets(notebook.db);
  const groupSize = new Map<string, number>();
  for (const doc of notebook.docs.values()) groupSize.set(doc.group, (groupSize.get(doc.group) ?? 0) + 1);
  let p = 0;
  let r = 0;
  for (const [id, doc] of notebook.docs) {
    const predicted = [...(sets.get(id) ?? new Set([id]))].filter((s) => notebook.docs.has(s));
    const right = predicted.filter((s) => notebook.docs.get(s)!.group === doc.group).length;
    p += right / predicted.length;
    r += right / groupSize.get(doc.group)!;
  }
  const n = notebook.docs.size;
  const precision = p / n;
  const recall = r / n;
  return { p: precision, r: recall, f1: (2 * precision * recall) / (precision + recall), articles: n };
}
