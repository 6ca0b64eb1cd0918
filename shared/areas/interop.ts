/**
 * The interop area of the API: getting the notebook out to the tools researchers already use and back
 * in. Whole-notebook exports (JSON, which imports back into any Dossier, and an Obsidian vault) written
 * into the data folder's `exports` folder with progress; citations of sources as CSL-JSON, BibTeX or
 * RIS (Zotero, Pandoc, reference managers); one source or quote as a formatted citation in a CSL style;
 * and importing a JSON export.
 */

import type { BackupInfo } from './backup';
import type {
  CitationScope,
  CitationTarget,
  ImportJsonInput,
  ExportNotebookInput,
  RevealExportInput,
  ExportCitationsInput,
  FormatCitationInput,
} from './interop.args';

// The argument types are inferred from the schemas (see the .args file); the UI imports them from here.
export type {
  CitationScope,
  CitationTarget,
  ImportJsonInput,
  ExportNotebookInput,
  RevealExportInput,
  ExportCitationsInput,
  FormatCitationInput,
};

/** Citation file formats. */
export type CitationFormat = 'csl-json' | 'bibtex' | 'ris';
export const CITATION_FORMATS: readonly CitationFormat[] = ['csl-json', 'bibtex', 'ris'];

/** What each citation format is called, and its file extension. */
export const CITATION_FORMAT_INFO: Readonly<
  Record<CitationFormat, { label: string; extension: string; mime: string }>
> = {
  'csl-json': { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
};

/** The bundled CSL styles. */
export type CitationStyle = 'apa' | 'chicago-author-date' | 'modern-language-association';

/** The bundled styles, in the order a picker lists them. */
export const CITATION_STYLES: readonly { id: CitationStyle; label: string }[] = [
  { id: 'apa', label: 'APA (7th edition)' },
  { id: 'chicago-author-date', label: 'Chicago (author-date)' },
  { id: 'modern-language-association', label: 'MLA (9th edition)' },
];

/** A citation file to save. */
export interface CitationFile {
  text: string;
  /** A file name for it ("dossier-sources.bib"). */
  fileName: string;
  mimeType: string;
  /** How many sources it cites. */
  count: number;
}

/** A formatted citation: plain text for the clipboard, and HTML (italics) for rich text editors. */
export interface FormattedCitation {
  style: CitationStyle;
  text: string;
  html: string;
}

/** Whole-notebook exports. */
export type NotebookExportKind = 'json' | 'obsidian';

/** A finished whole-notebook export. */
export interface NotebookExport {
  kind: NotebookExportKind;
  /** The file (JSON) or folder (Obsidian vault) written, absolute. */
  path: string;
  /** Its name inside the `exports` folder; pass it to revealExport. */
  name: string;
  /** The `exports` folder of the data folder. */
  folder: string;
  /** What it holds, in a sentence ("1,204 records", "7 notes, 41 sources ..."). */
  description: string;
}

/** A whole-notebook export or import under way. */
export interface InteropProgress {
  job: NotebookExportKind | 'import';
  /** Steps done of `total`; total 0 while it is not known yet. */
  done: number;
  total: number;
}

/** Largest JSON export the app imports in one call, in characters (the CLI's import-json reads any size). */
export const MAX_IMPORT_JSON_LENGTH = 40_000_000;

/** What an import did per table, and the backup written before it. */
export interface ImportJsonResult {
  tables: Record<string, { added: number; updated: number; unchanged: number; duplicates: number }>;
  /** Records added and replaced, over all tables. */
  added: number;
  updated: number;
  /** The `before-import` backup (restore it to undo the import); null when the notebook was empty. */
  backup: BackupInfo | null;
}

/** Methods of the interop area. */
export interface InteropApi {
  /**
   * Writes a whole-notebook export into the data folder's `exports` folder: JSON Lines that
   * import-json and importNotebookJson read back, or an Obsidian vault. The notebook stays usable
   * while it runs; getInteropProgress tells how far it is.
   */
  exportNotebook(input: ExportNotebookInput): Promise<NotebookExport>;

  /** The export or import under way, or null. */
  getInteropProgress(): Promise<InteropProgress | null>;

  /**
   * Shows an export in the system's file manager. Resolves to false when this host cannot (the
   * browser host: the page shows the path instead). NOT_FOUND for a name that is not in `exports`.
   */
  revealExport(input: RevealExportInput): Promise<boolean>;

  /** Citations of all sources, some sources, or the sources a note cites, as a file's text. */
  exportCitations(input: ExportCitationsInput): Promise<CitationFile>;

  /** One source or quote as a citation in a bundled CSL style (through citeproc-js). NOT_FOUND. */
  formatCitation(input: FormatCitationInput): Promise<FormattedCitation>;

  /**
   * Imports a JSON export (made by export --json or exportNotebook): checked whole first, a
   * `before-import` backup when the notebook holds records, then merged by id in one transaction.
   * INVALID_ARGUMENT, with nothing changed, for a file that is not a valid export.
   */
  importNotebookJson(input: ImportJsonInput): Promise<ImportJsonResult>;
}

/** The interop area's methods, in the order hosts register them. */
export const INTEROP_METHODS = [
  'exportNotebook',
  'getInteropProgress',
  'revealExport',
  'exportCitations',
  'formatCitation',
  'importNotebookJson',
] as const satisfies readonly (keyof InteropApi)[];

/** Export names the API accepts: a file or folder directly inside `exports`, never a path. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
export const EXPORT_NAME_PATTERN = /^[^/\\:*?"<>|\u0000-\u001f]{1,200}$/;
