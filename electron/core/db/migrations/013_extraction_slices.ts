/**
 * Schema 13: a long article's findings are stored in slices (issue 19). Storing the findings of a
 * million characters (thousands of quotes, mentions and events) in one transaction held the notebook
 * for most of a second; they are now written a slice at a time, with other calls answered between
 * slices (analysis/extraction-store.ts, `storeInSlices`).
 *
 * - `extractions_in_progress`: a source whose findings are being stored in slices. Written with the
 *   first slice and deleted with the last, so a row left at start-up names a source whose store was
 *   interrupted (Dossier stopped or crashed): start-up analyses it again, which replaces the partial
 *   findings. Deleting the source deletes its row.
 */
export const MIGRATION_013_EXTRACTION_SLICES = /* sql */ `
CREATE TABLE extractions_in_progress (
  source_id   TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  started_at  TEXT NOT NULL
) WITHOUT ROWID;
`;
