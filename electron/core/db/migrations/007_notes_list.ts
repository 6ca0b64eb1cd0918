/**
 * Schema 7: the notes list at start-up (NotesRepo's live list: title, the start of the text, version
 * and dates, newest first) read from one covering index. From the table, each note's text start sits
 * after its editor state, so listing a note walked that JSON's overflow pages (about four times slower
 * warm, far more cold: bench/results/history.md).
 * The indexed expression must stay exactly the repository's `substr(plain_text, 1, 640)` (4 x
 * EXCERPT_LENGTH) for SQLite to use it; if that changes, the list stays correct, only slower.
 */
export const MIGRATION_007_NOTES_LIST = /* sql */ `
CREATE INDEX notes_list ON notes (updated_at DESC, seq DESC, id, title, substr(plain_text, 1, 640), version,
  created_at, deleted_at) WHERE deleted_at IS NULL;
`;
