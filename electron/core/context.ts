/**
 * What every area service of the core is built with: the open database and where it lives. Services
 * talk to each other only through the hooks here, so that areas (library, analysis, search ...) stay
 * separate modules that the Notebook composes.
 */
import type Database from 'better-sqlite3';
import type { ClipPasteInput, ClipResult } from '../../shared/areas/library';
import type { HostKind, SourceId } from '../../shared/model';

/** A web page as a browser rendered it (after its scripts ran), for {@link HostHooks.fetchPage}. */
export interface RenderedPage {
  /** `document.documentElement.outerHTML` once the page settled: already decoded, whatever its charset. */
  html: string;
  /** The page's URL after redirects: relative links resolve against it. */
  finalUrl: string;
  /** The document's MIME type (`text/html`, `text/plain`...), or the type of a download it turned into. */
  contentType: string;
}

/**
 * Services only a host can give the core, which runs in a worker thread and never imports electron.
 * Each is optional: without it the core uses its own Node fallback.
 */
export interface HostHooks {
  /**
   * Loads `url` in a real browser engine (Electron: a hidden, sandboxed window), so pages built by
   * script have their article. Rejects with an Error whose message is a sentence for the user.
   * Absent (browser host, CLI, tests): pages are fetched with Node's fetch.
   */
  fetchPage?: (url: string) => Promise<RenderedPage>;
  /**
   * Shows a file or folder the core wrote (an export) in the system's file manager (Electron:
   * shell.showItemInFolder). Absent (browser host, CLI, tests): the UI shows the path instead.
   */
  revealPath?: (path: string) => Promise<void>;
}

/** Calls one area makes into another, wired by the Notebook, plus the host's {@link HostHooks}. */
export interface CoreHooks extends HostHooks {
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
