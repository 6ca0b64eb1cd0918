/**
 * The interop area of the API: getting the notebook out to the tools researchers already use and back
 * in. Whole-notebook exports (JSON, which imports back into any Dossier, and an Obsidian vault) written
 * into the data folder's `exports` folder with progress; citations of sources as CSL-JSON, BibTeX or
 * RIS (Zotero, Pandoc, reference managers); one source or quote as a formatted citation in a CSL style;
 * and importing a JSON export.
 */
import type { BackupInfo } from './backup';
import type { NoteId, QuoteId, SourceId } from '../model';
import {
  arity,
  idOf,
  invalid,
  isPlainObject,
  objectOf,
  optionalChoice,
  requiredString,
  type Validators,
} from '../validation';

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

/** Which sources a citation file holds. */
export type CitationScope =
  | { kind: 'all' }
  | { kind: 'sources'; ids: SourceId[] }
  /** The sources a note cites (its quotes' and paraphrases' sources). */
  | { kind: 'note'; id: NoteId };

/** A citation file to save. */
export interface CitationFile {
  text: string;
  /** A file name for it ("dossier-sources.bib"). */
  fileName: string;
  mimeType: string;
  /** How many sources it cites. */
  count: number;
}

/** One source, or one quote (with its speaker, from its source), as a citation. */
export type CitationTarget = { sourceId: SourceId } | { quoteId: QuoteId };

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

/** A JSON export to import, as the user's browser read it. */
export interface ImportJsonInput {
  /** The file's name, for messages. */
  name: string;
  /** The file's text (JSON Lines). */
  data: string;
}

/** What an import did per table, and the backup written before it. */
export interface ImportJsonResult {
  tables: Record<string, { added: number; updated: number; unchanged: number; duplicates: number }>;
  /** Records added and replaced, over all tables. */
  added: number;
  updated: number;
  /** The `before-import` backup (restore it to undo the import); null when the notebook was empty. */
  backup: BackupInfo | null;
}

/** Largest JSON export the app imports in one call, in characters (the CLI's import-json reads any size). */
export const MAX_IMPORT_JSON_LENGTH = 40_000_000;

/** Methods of the interop area. */
export interface InteropApi {
  /**
   * Writes a whole-notebook export into the data folder's `exports` folder: JSON Lines that
   * import-json and importNotebookJson read back, or an Obsidian vault. The notebook stays usable
   * while it runs; getInteropProgress tells how far it is.
   */
  exportNotebook(input: { kind: NotebookExportKind }): Promise<NotebookExport>;

  /** The export or import under way, or null. */
  getInteropProgress(): Promise<InteropProgress | null>;

  /**
   * Shows an export in the system's file manager. Resolves to false when this host cannot (the
   * browser host: the page shows the path instead). NOT_FOUND for a name that is not in `exports`.
   */
  revealExport(input: { name: string }): Promise<boolean>;

  /** Citations of all sources, some sources, or the sources a note cites, as a file's text. */
  exportCitations(input: { format: CitationFormat; scope: CitationScope }): Promise<CitationFile>;

  /** One source or quote as a citation in a bundled CSL style (through citeproc-js). NOT_FOUND. */
  formatCitation(input: { style: CitationStyle; target: CitationTarget }): Promise<FormattedCitation>;

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

const KINDS: readonly NotebookExportKind[] = ['json', 'obsidian'];
const STYLE_IDS: readonly CitationStyle[] = CITATION_STYLES.map((s) => s.id);
/** Export names the API accepts: a file or folder directly inside `exports`, never a path. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
export const EXPORT_NAME_PATTERN = /^[^/\\:*?"<>|\u0000-\u001f]{1,200}$/;

/** Most sources one citation call may name. */
export const MAX_CITATION_SOURCES = 100_000;

function required<T extends string>(method: string, name: string, value: unknown, choices: readonly T[]): T {
  const choice = optionalChoice(method, name, value, choices);
  if (choice === undefined) invalid(method, `"${name}" must be one of ${choices.join(', ')}`);
  return choice;
}

function citationScope(method: string, value: unknown): CitationScope {
  const input = objectOf(method, value, ['kind', 'ids', 'id']);
  const kind = required(method, 'scope.kind', input.kind, ['all', 'sources', 'note'] as const);
  if (kind === 'all') return { kind };
  if (kind === 'note') return { kind, id: idOf<NoteId>(method, 'the note id', input.id) };
  if (!Array.isArray(input.ids) || input.ids.length === 0 || input.ids.length > MAX_CITATION_SOURCES) {
    invalid(method, `"scope.ids" must be a list of 1 to ${MAX_CITATION_SOURCES} source ids`);
  }
  return { kind, ids: input.ids.map((id) => idOf<SourceId>(method, 'a source id', id)) };
}

function citationTarget(method: string, value: unknown): CitationTarget {
  if (!isPlainObject(value)) invalid(method, '"target" must be { sourceId } or { quoteId }');
  if ('sourceId' in value && !('quoteId' in value)) {
    objectOf(method, value, ['sourceId']);
    return { sourceId: idOf<SourceId>(method, 'the source id', value.sourceId) };
  }
  objectOf(method, value, ['quoteId']);
  return { quoteId: idOf<QuoteId>(method, 'the quote id', value.quoteId) };
}

/** Argument validators of the interop area. */
export const INTEROP_VALIDATORS: Validators<InteropApi> = {
  exportNotebook: (args) => {
    arity('exportNotebook', args, 1, 1);
    const input = objectOf('exportNotebook', args[0], ['kind']);
    return [{ kind: required('exportNotebook', 'kind', input.kind, KINDS) }];
  },
  getInteropProgress: (args) => {
    arity('getInteropProgress', args, 0, 0);
    return [];
  },
  revealExport: (args) => {
    arity('revealExport', args, 1, 1);
    const input = objectOf('revealExport', args[0], ['name']);
    const name = requiredString('revealExport', 'name', input.name, 200);
    if (!EXPORT_NAME_PATTERN.test(name) || name === '.' || name === '..') {
      invalid('revealExport', '"name" must be the name of an export');
    }
    return [{ name }];
  },
  exportCitations: (args) => {
    const m = 'exportCitations';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['format', 'scope']);
    return [
      { format: required(m, 'format', input.format, CITATION_FORMATS), scope: citationScope(m, input.scope) },
    ];
  },
  formatCitation: (args) => {
    const m = 'formatCitation';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['style', 'target']);
    return [{ style: required(m, 'style', input.style, STYLE_IDS), target: citationTarget(m, input.target) }];
  },
  importNotebookJson: (args) => {
    const m = 'importNotebookJson';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['name', 'data']);
    return [
      {
        name: requiredString(m, 'name', input.name, 1000),
        data: requiredString(m, 'data', input.data, MAX_IMPORT_JSON_LENGTH),
      },
    ];
  },
};
