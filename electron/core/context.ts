/**
 * What every area service of the core is built with: the open database and where it lives. Services
 * talk to each other only through the hooks here, so that areas (library, analysis, search ...) stay
 * separate modules that the Notebook composes.
 */
import type Database from 'better-sqlite3';
import type { ClipPasteInput, ClipResult } from '../../shared/areas/library';
import type { HostKind, SourceId } from '../../shared/model';
import type { ListenClipEndpoint } from './clip-endpoint/listener';

/** A web page as a browser rendered it (after its scripts ran), for {@link HostHooks.fetchPage}. */
export interface RenderedPage {
  /** `document.documentElement.outerHTML` once the page settled: already decoded, whatever its charset. */
  html: string;
  /** The page's URL after redirects: relative links resolve against it. */
  finalUrl: string;
  /** The document's MIME type (`text/html`, `text/plain`...), or the type of a download it turned into. */
  contentType: string;
}

/** What the host's page window must respect (see net/outbound.ts). */
export interface FetchPageOptions {
  /** Hosts the user allowed to be on their own network; every other request must reach a public address. */
  allowedHosts: string[];
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
  fetchPage?: (url: string, options: FetchPageOptions) => Promise<RenderedPage>;
  /**
   * Shows a file or folder the core wrote (an export) in the system's file manager (Electron:
   * shell.showItemInFolder). Absent (browser host, CLI, tests): the UI shows the path instead.
   */
  revealPath?: (path: string) => Promise<void>;
  /**
   * Serves the clip endpoint over HTTP on 127.0.0.1 (`electron/host-shared/clip-endpoint/server.ts`,
   * given by the core worker's entry in the hosts' build). Absent (CLI, tests of other areas): the
   * endpoint cannot be turned on, and its status says why.
   */
  listenClipEndpoint?: ListenClipEndpoint;
}

/** Calls one area makes into another, wired by the Notebook, plus the host's {@link HostHooks}. */
export interface CoreHooks extends HostHooks {
  /**
   * Called after a source was stored or its text replaced, inside no transaction. The analysis area
   * extracts people, quotes and events from it. Failures are the callee's to report, never the clip's.
   */
  sourceStored: (id: SourceId) => void;
  /**
   * Clips pasted or posted HTML through the library. The clip endpoint files pages this way, with
   * where each really came from.
   */
  clipPaste: (input: ClipPasteInput, provenance?: ClipProvenance) => Promise<ClipResult>;
  /**
   * Clips what the clip endpoint was sent, from the request's JSON body (clip-endpoint/body.ts): a long
   * body is read in the worker that prepares it. The bytes are handed over. Absent (tests of other
   * areas): the endpoint reads the body itself and files the clip through {@link clipPaste}.
   */
  clipEndpointBody?: (body: Uint8Array) => Promise<ClipResult>;
}

/** Where a page sent by the browser clip endpoint came from (see Source.sentFrom). */
export interface ClipProvenance {
  /** The sending page's origin as the browser reported it, or null when the page did not say. */
  sentFrom: string | null;
  /** The URL the page gave is only its claim: it is not on `sentFrom`. */
  urlClaimed: boolean;
}

/**
 * Where the core moves work off the notebook's thread (see isolated/runner.ts). The defaults suit the
 * app; tests lower them to exercise the isolated path with small inputs.
 */
export interface CoreLimits {
  /** Clips whose input is larger than this many bytes are prepared in a worker of their own. */
  isolateClipsAboveBytes: number;
  /** Articles with more characters of text than this are analysed in a worker of their own. */
  isolateExtractionAboveChars: number;
}

/** The limits the app runs with. */
export const DEFAULT_CORE_LIMITS: CoreLimits = {
  // About a second of parsing on a quiet machine: anything longer would hold up other calls.
  isolateClipsAboveBytes: 1024 * 1024,
  // About 100 ms of extraction on a quiet machine (a long news article is 30,000 characters).
  isolateExtractionAboveChars: 200_000,
};

/** The shared state of one open notebook. */
export interface CoreContext {
  db: Database.Database;
  /** Absolute path of the data folder. */
  dataDir: string;
  /** The database file inside `dataDir`. */
  databasePath: string;
  host: HostKind;
  hooks: CoreHooks;
  /** Default {@link DEFAULT_CORE_LIMITS}. */
  limits?: CoreLimits;
}

/** Releases what an area service holds (timers, servers) if it has a `close` method. */
export async function closeService(service: object): Promise<void> {
  const close = (service as { close?: unknown }).close;
  if (typeof close === 'function') await (close as () => unknown).call(service);
}
