/**
 * What every area service of the core is built with: the open database and where it lives. Services
 * talk to each other only through the hooks here, so that areas (library, analysis, search ...) stay
 * separate modules that the Notebook composes.
 */
import type Database from 'better-sqlite3';
import type { ClipPasteInput, ClipResult } from '../../shared/areas/library';
import type { HostKind, SourceId } from '../../shared/model';

/** Calls one area makes into another, wired by the Notebook. */
export interface CoreHooks {
  /**
   * Called after a source was stored or its text replaced, inside no transaction. The analysis area
   * extracts people, quotes and events from it. Failures are the callee's to report, never the clip's.
   */
  sourceStored: (id: SourceId) => void;
  /** Clips pasted or posted HTML through the library (the clip endpoint files pages this way). */
  clipPaste: (input: ClipPasteInput) => Promise<ClipResult>;
}

/** The shared state of one open notebook. */
export interface CoreContext {
  db: Database.Database;
  /** Absolute path of the data folder. */
  dataDir: string;
  /** The database file inside `dataDir`. */
  databasePath: string;
  host: HostKind;
  hooks: CoreHooks;
}

/** Releases what an area service holds (timers, servers) if it has a `close` method. */
export async function closeService(service: object): Promise<void> {
  const close = (service as { close?: unknown }).close;
  if (typeof close === 'function') await (close as () => unknown).call(service);
}
