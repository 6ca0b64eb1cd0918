/**
 * The composition root of the core: opens the notebook database, builds one service per API area
 * (`shared/areas/*`) and exposes their methods as one {@link NotebookApi}. Every host (Electron, browser
 * host, CLI) talks to one of these, usually inside the core worker thread.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { NotebookApi } from '../../shared/api';
import type { ClipResult } from '../../shared/areas/library';
import { ANALYSIS_METHODS } from '../../shared/areas/analysis';
import { BACKUP_METHODS } from '../../shared/areas/backup';
import { CLIP_ENDPOINT_METHODS } from '../../shared/areas/clip-endpoint';
import { INTEROP_METHODS } from '../../shared/areas/interop';
import { LIBRARY_METHODS } from '../../shared/areas/library';
import { NOTES_METHODS } from '../../shared/areas/notes';
import { SEARCH_METHODS } from '../../shared/areas/search';
import { STARTUP_METHODS } from '../../shared/areas/startup';
import { ApiError } from '../../shared/errors';
import type { HostKind } from '../../shared/model';
import { AnalysisService } from './analysis/service';
import { BackupService } from './backup/service';
import { ClipEndpointService } from './clip-endpoint/service';
import {
  closeService,
  DEFAULT_CORE_LIMITS,
  type CoreContext,
  type CoreLimits,
  type HostHooks,
} from './context';
import { openDatabase } from './db/open';
import { SourcePartsRepo } from './db/source-parts';
import { LibraryService } from './library/service';
import type { BodyMethod } from './request-body';
import { NotesService } from './notes/service';
import { InteropService } from './interop/service';
import { DATABASE_FILE } from './paths';
import { SearchService } from './search/service';
import { OpenNotebookStartup } from './startup/open-state';

/** Where the notebook is and who serves it. */
export interface NotebookOptions {
  /** Absolute path of the data folder; the database is {@link DATABASE_FILE} inside it. */
  dataDir: string;
  host: HostKind;
  /** What the host offers the core (Electron: a browser engine for clipUrl); absent: Node fallbacks. */
  hostHooks?: HostHooks;
  /**
   * Open read-only (startup/session.ts): the database is `file` (a private copy of the notebook), opened
   * with `readonly: true`, no migration, no automatic backups; `reason` is what the banner says.
   */
  readOnly?: { file: string; reason: string };
  /** Run `PRAGMA quick_check` before the notebook is used (see OpenDatabaseOptions.quickCheck). */
  quickCheck?: boolean;
  /** Tests only: where work moves off this thread (default {@link DEFAULT_CORE_LIMITS}). */
  limits?: Partial<CoreLimits>;
}

// The class below gets every NotebookApi method in its constructor, from the area services; this
// declaration tells the type checker so. The test "every API method is served" checks it at run time.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Notebook extends NotebookApi {}

/**
 * One open notebook. Methods are async to match the API, but run synchronously on this thread: the
 * SQLite driver is synchronous, which is why hosts run the Notebook in a worker thread.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Notebook {
  private db: Database.Database | undefined;
  private readonly services: object[] = [];
  /** What {@link close} found; false until then. */
  private logEmptied = false;
  /** API methods no service implements; a test keeps this empty. */
  readonly missing: string[] = [];
  private readonly library: LibraryService;

  private constructor(options: NotebookOptions, databasePath: string, db: Database.Database) {
    this.db = db;
    const analysisRef: { current?: AnalysisService } = {};
    const ctx: CoreContext = {
      db,
      dataDir: options.dataDir,
      databasePath,
      host: options.host,
      limits: { ...DEFAULT_CORE_LIMITS, ...options.limits },
      hooks: {
        fetchPage: options.hostHooks?.fetchPage,
        revealPath: options.hostHooks?.revealPath,
        listenClipEndpoint: options.hostHooks?.listenClipEndpoint,
        sourceStored: (id) => analysisRef.current?.sourceStored(id),
        clipPaste: (input, provenance) =>
          (this.clipPaste as (i: typeof input, p?: typeof provenance) => Promise<ClipResult>)(
            input,
            provenance,
          ),
        clipEndpointBody: (body) => this.library.clipEndpointBody(body),
      },
    };
    const notes = new NotesService(ctx);
    const library = new LibraryService(ctx);
    this.library = library;
    const analysis = new AnalysisService(ctx);
    analysisRef.current = analysis;
    const search = new SearchService(ctx);
    const clipEndpoint = new ClipEndpointService(ctx, options.readOnly?.reason ?? null);
    const backup = new BackupService(ctx, options.readOnly ? { schedule: false } : {});
    const startup = new OpenNotebookStartup(ctx, options.readOnly?.reason ?? null);
    const interop = new InteropService(ctx);
    this.services.push(notes, library, analysis, search, clipEndpoint, backup, startup, interop);
    this.serve(notes, NOTES_METHODS);
    this.serve(library, LIBRARY_METHODS);
    this.serve(analysis, ANALYSIS_METHODS);
    this.serve(search, SEARCH_METHODS);
    this.serve(clipEndpoint, CLIP_ENDPOINT_METHODS);
    this.serve(backup, BACKUP_METHODS);
    this.serve(startup, STARTUP_METHODS);
    this.serve(interop, INTEROP_METHODS);
    // After the notebook's first answers: an article whose findings a stop interrupted is analysed again.
    if (options.readOnly === undefined) setImmediate(() => analysis.resumeInterrupted());
  }

  /** Exposes `methods` of `service` on this notebook; calls after close() reject with UNAVAILABLE. */
  private serve(service: object, methods: readonly string[]): void {
    for (const method of methods) {
      const fn = (service as Record<string, unknown>)[method];
      if (typeof fn !== 'function') this.missing.push(method);
      (this as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        if (this.db === undefined)
          throw new ApiError('UNAVAILABLE', 'The notebook is closed. Reopen Dossier.');
        if (typeof fn !== 'function') throw new ApiError('INTERNAL', `${method} is not implemented.`);
        return (fn as (...a: unknown[]) => Promise<unknown>).apply(service, args);
      };
    }
  }

  /**
   * Opens (creating and migrating if needed) the notebook in `options.dataDir`. Throws DB_TOO_NEW,
   * DB_CORRUPT or DB_READONLY when the database cannot be used; the file is then left unchanged.
   */
  static open(options: NotebookOptions): Notebook {
    const databasePath = path.join(options.dataDir, DATABASE_FILE);
    const readOnly = options.readOnly !== undefined;
    const db = openDatabase(options.readOnly?.file ?? databasePath, {
      readonly: readOnly,
      acceptNewerSchema: readOnly,
      quickCheck: options.quickCheck,
    });
    if (!readOnly) {
      try {
        // What a clip interrupted while writing a long article's parts left (schema 12).
        new SourcePartsRepo(db).deleteOrphans();
      } catch (error) {
        console.error('Dossier: parts of an interrupted clip could not be removed:', error);
      }
    }
    return new Notebook(options, databasePath, db);
  }

  /** Runs clip `method` on its request's JSON body (see request-body.ts and LibraryService.clipWithBody). */
  async clipWithBody(method: BodyMethod, body: Uint8Array): Promise<ClipResult> {
    if (this.db === undefined) throw new ApiError('UNAVAILABLE', 'The notebook is closed. Reopen Dossier.');
    return this.library.clipWithBody(method, body);
  }

  /**
   * Runs `task` on this notebook's database connection: for whole-notebook jobs that are no API method
   * and run with no UI attached (the CLI's JSON export and import). A read-only notebook's connection
   * refuses writes.
   */
  runOnDatabase<T>(task: (db: Database.Database) => T): T {
    if (this.db === undefined) throw new ApiError('UNAVAILABLE', 'The notebook is closed. Reopen Dossier.');
    return task(this.db);
  }

  /**
   * Closes the services and the database. Later calls reject with UNAVAILABLE. Closing twice is harmless.
   * Resolves to true when nothing was left in the write-ahead log: the close-time checkpoint moved
   * every commit into the main file and truncated the log (or the connection was read-only). False when
   * another connection kept the checkpoint from completing, so the `-wal` still holds commits.
   */
  async close(): Promise<boolean> {
    const db = this.db;
    if (db === undefined) return this.logEmptied;
    this.db = undefined;
    for (const service of [...this.services].reverse()) await closeService(service);
    // Everything into the main file and an empty -wal before closing: a clean close leaves no log
    // behind whose loss could matter (see db/open-marker.ts). A busy reader makes it partial, and then
    // the row says busy = 1 (log and checkpointed are -1 when the file is not in WAL mode: no log).
    this.logEmptied = db.readonly;
    if (!db.readonly) {
      try {
        const rows = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        this.logEmptied = rows[0]?.busy === 0;
      } catch {
        // Closing still checkpoints what it can; a failure here must not keep the file open.
      }
    }
    db.close();
    return this.logEmptied;
  }
}
