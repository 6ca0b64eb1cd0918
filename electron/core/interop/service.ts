/**
 * The interop area of the core (shared/areas/interop.ts): whole-notebook exports into the data folder's
 * `exports` folder, citation files, formatted citations and importing a JSON export.
 *
 * A whole-notebook export reads from a second, read-only connection inside one read transaction (a
 * consistent snapshot while the app keeps writing through its own connection) and pauses every few
 * hundred rows or files, so the notebook answers other calls meanwhile and getInteropProgress can
 * tell the UI how far it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  CITATION_FORMAT_INFO,
  type CitationFile,
  type CitationScope,
  type CitationStyle,
  type CitationTarget,
  type FormattedCitation,
  type ImportJsonInput,
  type ImportJsonResult,
  type InteropApi,
  type InteropProgress,
  type NotebookExport,
  type NotebookExportKind,
  type CitationFormat,
} from '../../../shared/areas/interop';
import { ApiError } from '../../../shared/errors';
import type { NoteId } from '../../../shared/model';
import { cslItemOf, cslItems, type CslItem, type SourceRow } from '../citations/items';
import { citationFile } from '../citations/formats';
import { renderCitation } from '../citations/render';
import type { CoreContext } from '../context';
import { NotesRepo } from '../db/notes-repo';
import { exportLines, exportRowCount } from '../export/export';
import { safeStem } from '../export/file-names';
import { importWithBackup } from '../export/import-file';
import { obsidianSteps } from '../export/obsidian';
import { noteReferences } from '../notes/links';
import { loadMarkdownTools } from '../notes/markdown-tools';

/** The folder of the data folder that exports are written into. */
export const EXPORTS_FOLDER = 'exports';

/** Rows (JSON) or files (vault) written between two pauses. */
const ROWS_PER_STEP = 500;

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** "2026-12-06 08.43.12" in UTC: sorts by time, legal in every file system. */
function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '.');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);

/** How each style introduces a source that quotes someone ("as cited in", "qtd. in"). */
const QUOTED_IN: Record<CitationStyle, string> = {
  apa: 'as cited in ',
  'chicago-author-date': 'quoted in ',
  'modern-language-association': 'qtd. in ',
};

/** Implements {@link InteropApi} on one open notebook. */
export class InteropService implements InteropApi {
  private progress: InteropProgress | null = null;
  private readonly notes: NotesRepo;

  constructor(private readonly ctx: CoreContext) {
    this.notes = new NotesRepo(ctx.db);
  }

  private get folder(): string {
    return path.join(this.ctx.dataDir, EXPORTS_FOLDER);
  }

  /** Runs one whole-notebook job at a time, with progress. */
  private async job<T>(
    kind: InteropProgress['job'],
    task: (progress: InteropProgress) => Promise<T>,
  ): Promise<T> {
    if (this.progress !== null) {
      throw new ApiError(
        'INVALID_ARGUMENT',
        `Dossier is already ${this.progress.job === 'import' ? 'importing' : 'exporting'}; wait until it has finished.`,
      );
    }
    const progress: InteropProgress = { job: kind, done: 0, total: 0 };
    this.progress = progress;
    try {
      return await task(progress);
    } finally {
      this.progress = null;
    }
  }

  /** A read-only connection to the notebook inside a read transaction (a snapshot), closed after `task`. */
  private async snapshot<T>(task: (db: Database.Database) => Promise<T>): Promise<T> {
    const db = new Database(this.ctx.db.name, { readonly: true, fileMustExist: true });
    try {
      db.exec('BEGIN');
      // The first read starts the snapshot; everything after sees the notebook as it was now.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      const result = await task(db);
      db.exec('COMMIT');
      return result;
    } finally {
      db.close();
    }
  }

  /** @inheritdoc */
  async exportNotebook({ kind }: { kind: NotebookExportKind }): Promise<NotebookExport> {
    return this.job(kind, async (progress) => {
      fs.mkdirSync(this.folder, { recursive: true });
      const now = new Date();
      return kind === 'json' ? this.exportJson(now, progress) : this.exportVault(now, progress);
    });
  }

  private async exportJson(now: Date, progress: InteropProgress): Promise<NotebookExport> {
    const name = `Dossier export ${stamp(now)}.jsonl`;
    const target = path.join(this.folder, name);
    const partial = `${target}.partial`;
    const counts: Record<string, number> = {};
    await this.snapshot(async (db) => {
      progress.total = exportRowCount(db) + 2;
      const fd = fs.openSync(partial, 'w');
      try {
        let buffered = '';
        for (const line of exportLines(db, now, counts)) {
          buffered += line;
          progress.done += 1;
          if (progress.done % ROWS_PER_STEP === 0) {
            fs.writeSync(fd, buffered);
            buffered = '';
            await pause();
          }
        }
        fs.writeSync(fd, buffered);
        fs.fsyncSync(fd);
      } catch (error) {
        fs.closeSync(fd);
        fs.rmSync(partial, { force: true });
        throw error;
      }
      fs.closeSync(fd);
    });
    // Renamed at the end: an interrupted export never looks complete.
    fs.renameSync(partial, target);
    const records = Object.values(counts).reduce((a, b) => a + b, 0);
    return {
      kind: 'json',
      path: target,
      name,
      folder: this.folder,
      description: `${records.toLocaleString('en-US')} record(s) of ${Object.keys(counts).length} table(s)`,
    };
  }

  private async exportVault(now: Date, progress: InteropProgress): Promise<NotebookExport> {
    const name = `Dossier vault ${stamp(now)}`;
    const target = path.join(this.folder, name);
    // The Markdown writers load on the first export (see notes/markdown-tools.ts).
    await loadMarkdownTools();
    const summary = await this.snapshot(async (db) => {
      const steps = obsidianSteps(db, target, (done, total) => {
        progress.done = done;
        progress.total = total;
      });
      for (let step = steps.next(), n = 1; ; step = steps.next(), n++) {
        if (step.done === true) return step.value;
        if (n % 50 === 0) await pause();
      }
    });
    return {
      kind: 'obsidian',
      path: target,
      name,
      folder: this.folder,
      description:
        `${summary.notes} note(s), ${summary.sources} source(s) with ${summary.attachments} image(s), ` +
        `${summary.entities} entity page(s)`,
    };
  }

  /** @inheritdoc */
  async getInteropProgress(): Promise<InteropProgress | null> {
    return this.progress === null ? null : { ...this.progress };
  }

  /** @inheritdoc */
  async revealExport({ name }: { name: string }): Promise<boolean> {
    const target = path.join(this.folder, path.basename(name));
    if (!fs.existsSync(target)) {
      throw new ApiError(
        'NOT_FOUND',
        `There is no export "${name}" in ${this.folder} (it may have been moved).`,
      );
    }
    if (this.ctx.hooks.revealPath === undefined) return false;
    await this.ctx.hooks.revealPath(target);
    return true;
  }

  /** The ids of the sources a note cites: its quotes' and paraphrases' sources. */
  private sourcesOfNote(id: NoteId): string[] {
    const note = this.notes.get(id);
    const ids = new Set<string>();
    const sourceOfQuote = this.ctx.db.prepare<[string], { source_id: string }>(
      'SELECT source_id FROM quotes WHERE id = ?',
    );
    for (const ref of noteReferences(note.content)) {
      if (ref.kind !== 'quote' && ref.kind !== 'paraphrase') continue;
      const sourceId =
        ref.sourceId ?? (ref.quoteId === null ? undefined : sourceOfQuote.get(ref.quoteId)?.source_id);
      if (sourceId !== undefined) ids.add(sourceId);
    }
    return [...ids];
  }

  private itemsOf(scope: CitationScope): { items: CslItem[]; stem: string } {
    switch (scope.kind) {
      case 'all':
        return { items: cslItems(this.ctx.db, { kind: 'all' }), stem: 'Dossier sources' };
      case 'sources':
        return { items: cslItems(this.ctx.db, { kind: 'sources', ids: scope.ids }), stem: 'Dossier sources' };
      case 'note': {
        const title = this.notes.get(scope.id).title;
        return {
          items: cslItems(this.ctx.db, { kind: 'sources', ids: this.sourcesOfNote(scope.id) }),
          stem: `${safeStem(title, 'Untitled note')} sources`,
        };
      }
    }
  }

  /** @inheritdoc */
  async exportCitations({
    format,
    scope,
  }: {
    format: CitationFormat;
    scope: CitationScope;
  }): Promise<CitationFile> {
    const { items, stem } = this.itemsOf(scope);
    const info = CITATION_FORMAT_INFO[format];
    return {
      text: citationFile(items, format),
      fileName: `${stem}.${info.extension}`,
      mimeType: info.mime,
      count: items.length,
    };
  }

  private sourceRow(id: string): SourceRow {
    const row = this.ctx.db
      .prepare<[string], SourceRow>(
        `SELECT id, title, COALESCE(canonical_url, url) AS url, byline, site_name, published_at, clipped_at, language
         FROM sources WHERE id = ?`,
      )
      .get(id);
    if (row === undefined)
      throw new ApiError('NOT_FOUND', 'This source does not exist (it may have been deleted for good).', {
        id,
      });
    return row;
  }

  /** @inheritdoc */
  async formatCitation({
    style,
    target,
  }: {
    style: CitationStyle;
    target: CitationTarget;
  }): Promise<FormattedCitation> {
    if ('sourceId' in target) {
      const { entry } = renderCitation(cslItemOf(this.sourceRow(target.sourceId)), style);
      return { style, text: entry.text, html: entry.html };
    }
    const quote = this.ctx.db
      .prepare<[string], { text: string; source_id: string; speaker: string | null }>(
        `SELECT q.text, q.source_id, e.name AS speaker FROM quotes q
         LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.id = ?`,
      )
      .get(target.quoteId);
    if (quote === undefined)
      throw new ApiError('NOT_FOUND', 'This quote does not exist any more.', { id: target.quoteId });
    const item = cslItemOf(this.sourceRow(quote.source_id));
    const { entry, inText } = renderCitation(item, style, QUOTED_IN[style]);
    // "We will act," she said: the comma belongs to the sentence around the quote, not to the quote.
    const words = quote.text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[,;:]$/, '');
    const who = quote.speaker === null ? '' : ` — ${quote.speaker}`;
    return {
      style,
      text: `“${words}”${who} ${inText.text}\n\n${entry.text}`,
      html: `<p>“${escapeHtml(words)}”${escapeHtml(who)} ${inText.html}</p>\n<p>${entry.html}</p>`,
    };
  }

  /** @inheritdoc */
  async importNotebookJson({ name, data }: ImportJsonInput): Promise<ImportJsonResult> {
    return this.job('import', async () => {
      const lines = data.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
      let result;
      try {
        result = await importWithBackup(this.ctx.db, this.ctx.dataDir, () => lines);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'INVALID_ARGUMENT') {
          throw new ApiError('INVALID_ARGUMENT', `${name}: ${error.message}`, error.details);
        }
        throw error;
      }
      const tables = result.summary;
      const sum = (key: 'added' | 'updated'): number =>
        Object.values(tables).reduce((total, table) => total + table[key], 0);
      return { tables, added: sum('added'), updated: sum('updated'), backup: result.backup };
    });
  }
}
