/**
 * Schema 2: a small key-value table for the notebook's preferences (backup schedule, the clip
 * endpoint's port and paired clients ...), stored with the notebook so a backup carries them along.
 */
export const MIGRATION_002_SETTINGS = /* sql */ `
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  updated_at  TEXT NOT NULL
) WITHOUT ROWID;
`;
