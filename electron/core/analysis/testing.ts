/**
 * Test helpers for the analysis area: a real notebook database in a temp folder, an AnalysisService on
 * it, and sources inserted straight into the sources table (so these tests do not depend on the
 * library's clip pipeline).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SourceId } from '../../../shared/model';
import { DEFAULT_CORE_LIMITS, type CoreContext, type CoreLimits } from '../context';
import { openDatabase } from '../db/open';
import { requireEvalData } from '../testing/eval-data';
import { makeTempDir } from '../testing/temp-dir';
import { AnalysisService } from './service';

/** An open test notebook. */
export interface AnalysisFixture {
  db: Database.Database;
  analysis: AnalysisService;
  /** Inserts a source row and returns its id (no extraction). */
  addSource(text: string, options?: { published?: string | null; title?: string }): SourceId;
  close(): void;
}

/** Opens a fresh notebook in a temp folder (with `limits` over the defaults). */
export function openFixture(limits: Partial<CoreLimits> = {}): AnalysisFixture {
  const temp = makeTempDir('dossier-analysis-');
  const databasePath = path.join(temp.dir, 'dossier.sqlite');
  const db = openDatabase(databasePath);
  const ctx: CoreContext = {
    db,
    dataDir: temp.dir,
    databasePath,
    host: 'test',
    limits: { ...DEFAULT_CORE_LIMITS, ...limits },
    hooks: {
      sourceStored: () => undefined,
      clipPaste: () => Promise.reject(new Error('not in analysis tests')),
    },
  };
  const analysis = new AnalysisService(ctx);
  const insert = db.prepare(
    `INSERT INTO sources (id, title, published_at, clipped_at, plain_text, word_count, created_at, updated_at)
     VALUES (@id, @title, @published, @now, @text, @words, @now, @now)`,
  );
  return {
    db,
    analysis,
    addSource(text, options = {}) {
      const id = randomUUID() as SourceId;
      const now = new Date().toISOString();
      insert.run({
        id,
        title: options.title ?? `Source ${id.slice(0, 8)}`,
        published: options.published === undefined ? '2025-03-14' : options.published,
        now,
        text,
        words: text.split(/\s+/).filter(Boolean).length,
      });
      return id;
    },
    close() {
      db.close();
      temp.remove();
    },
  };
}

/**
 * The seed article (`seed/` of the evaluation data), or null when absent outside CI; under CI a missing
 * seed throws (see requireEvalData), so the seed tests fail instead of skipping.
 */
export function seedArticle(): { text: string; published: string } | null {
  const dir = requireEvalData('seed', 'the analysis seed tests');
  if (dir === null) return null;
  const file = path.join(dir, 'article.txt');
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as { published: string };
  return { text: fs.readFileSync(file, 'utf8'), published: gold.published };
}
