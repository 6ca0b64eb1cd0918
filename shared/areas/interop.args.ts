/**
 * The argument schemas of the interop area (`shared/areas/interop.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import * as v from 'valibot';
import type { NoteId, QuoteId, SourceId } from '../model';
import { args, fields, id, input, oneOf, text, validatorsOf, type ArgsSchemas } from '../schema';
import {
  CITATION_FORMATS,
  CITATION_STYLES,
  EXPORT_NAME_PATTERN,
  MAX_IMPORT_JSON_LENGTH,
  type InteropApi,
  type NotebookExportKind,
} from './interop';

/** Most sources one citation call may name. */
export const MAX_CITATION_SOURCES = 100_000;
const SOURCE_IDS = `{field} must be a list of 1 to ${MAX_CITATION_SOURCES} source ids`;

/**
 * Which sources a citation file holds: all of them, the ones listed, or the sources a note cites (its
 * quotes' and paraphrases' sources).
 */
export const CitationScope = v.variant(
  'kind',
  [
    fields({ kind: v.literal('all') }),
    fields({
      kind: v.literal('sources'),
      ids: v.pipe(
        v.array(id<SourceId>('a source id'), SOURCE_IDS),
        v.minLength(1, SOURCE_IDS),
        v.maxLength(MAX_CITATION_SOURCES, SOURCE_IDS),
      ),
    }),
    fields({ kind: v.literal('note'), id: id<NoteId>('the note id') }),
  ],
  (issue) =>
    issue.expected === 'Object' ? '{field} must be an object' : '{field} must be one of all, sources, note',
);
export type CitationScope = v.InferOutput<typeof CitationScope>;

/** One source, or one quote (with its speaker, from its source), as a citation. */
export const CitationTarget = v.union(
  [input({ sourceId: id<SourceId>('the source id') }), input({ quoteId: id<QuoteId>('the quote id') })],
  '{field} must be { sourceId } or { quoteId }',
);
export type CitationTarget = v.InferOutput<typeof CitationTarget>;

/** A JSON export to import, as the user's browser read it. */
export const ImportJsonInput = input({
  /** The file's name, for messages. */
  name: text(1000),
  /** The file's text (JSON Lines). */
  data: text(MAX_IMPORT_JSON_LENGTH),
});
export type ImportJsonInput = v.InferOutput<typeof ImportJsonInput>;

/** Which whole-notebook export to write. */
export const ExportNotebookInput = input({ kind: oneOf<NotebookExportKind>(['json', 'obsidian']) });
export type ExportNotebookInput = v.InferOutput<typeof ExportNotebookInput>;

/** An export to show in the file manager, by its name inside `exports`. */
export const RevealExportInput = input({
  name: v.pipe(
    text(200),
    v.check(
      (name) => EXPORT_NAME_PATTERN.test(name) && name !== '.' && name !== '..',
      '{field} must be the name of an export',
    ),
  ),
});
export type RevealExportInput = v.InferOutput<typeof RevealExportInput>;

/** A citation file of some sources. */
export const ExportCitationsInput = input({ format: oneOf(CITATION_FORMATS), scope: CitationScope });
export type ExportCitationsInput = v.InferOutput<typeof ExportCitationsInput>;

/** One source or quote in one bundled style. */
export const FormatCitationInput = input({
  style: oneOf(CITATION_STYLES.map((style) => style.id)),
  target: CitationTarget,
});
export type FormatCitationInput = v.InferOutput<typeof FormatCitationInput>;

/** The arguments of the interop area's methods. */
export const INTEROP_ARGS = {
  exportNotebook: args([ExportNotebookInput]),
  getInteropProgress: args(),
  revealExport: args([RevealExportInput]),
  exportCitations: args([ExportCitationsInput]),
  formatCitation: args([FormatCitationInput]),
  importNotebookJson: args([ImportJsonInput]),
} satisfies ArgsSchemas<InteropApi>;

/** Argument validators of the interop area, from {@link INTEROP_ARGS}. */
export const INTEROP_VALIDATORS = validatorsOf<InteropApi>(INTEROP_ARGS);
