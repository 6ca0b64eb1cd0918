/**
 * Dossier's domain model as the UI sees it. Pure types: this folder imports nothing outside shared/.
 *
 * Ids are opaque strings (UUIDs) so that notebooks can be exported, imported and merged without
 * renumbering; each kind of id is branded so a NoteId can never be passed where a SourceId is expected.
 */

declare const brand: unique symbol;

/** A value of type `T` that the type checker keeps apart from other values of `T`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Id of a note written by the user. */
export type NoteId = Brand<string, 'NoteId'>;
/** Id of a clipped article (a source). */
export type SourceId = Brand<string, 'SourceId'>;
/** Id of a person, place, organisation, event or topic. */
export type EntityId = Brand<string, 'EntityId'>;
/** Id of one occurrence of an entity in a source or a note. */
export type MentionId = Brand<string, 'MentionId'>;
/** Id of a quote found in (or marked by hand in) a source. */
export type QuoteId = Brand<string, 'QuoteId'>;

/** An ISO 8601 timestamp in UTC, e.g. `2026-11-28T03:00:00.000Z`. */
export type IsoTimestamp = string;

/** A note as stored: the Lexical editor state plus what Dossier derives from it. */
export interface Note {
  id: NoteId;
  /** The title the user gave; may be empty (the UI then shows "Untitled"). */
  title: string;
  /** The serialized Lexical editor state (JSON text), or '' for a note never edited. */
  content: string;
  /** Plain text derived from `content` by the core; what search indexes. */
  plainText: string;
  /** Increases by one on every saved change; used for optimistic concurrency. */
  version: number;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  /** Set when the note is in the trash; null for a live note. */
  deletedAt: IsoTimestamp | null;
}

/** What a notes list needs, without the (possibly large) editor state. */
export interface NoteSummary {
  id: NoteId;
  title: string;
  /** The first characters of the plain text. */
  excerpt: string;
  version: number;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  deletedAt: IsoTimestamp | null;
}

/** Which program is serving the notebook to the UI. */
export type HostKind = 'electron' | 'web' | 'cli' | 'test';

/** Facts about the running app and its data, for the About/Settings screens and bug reports. */
export interface AppInfo {
  /** Dossier's version (package.json). */
  version: string;
  /** The folder that holds the notebook database. */
  dataDir: string;
  /** The notebook database file inside `dataDir`. */
  databasePath: string;
  /** `PRAGMA user_version` of the open database. */
  schemaVersion: number;
  /** The newest schema this build of Dossier knows. */
  latestSchemaVersion: number;
  /** SQLite library version, e.g. `3.50.4`. */
  sqliteVersion: string;
  host: HostKind;
}

/** Kinds of entity Dossier tracks. */
export type EntityKind = 'person' | 'place' | 'org' | 'event' | 'topic';
/** Whether a machine suggestion has been reviewed by the user. */
export type ReviewStatus = 'suggested' | 'confirmed' | 'rejected';
/** Who created a mention or quote: the extractor, or the user by hand. */
export type Origin = 'auto' | 'user';
