/**
 * Schema 10: each extracted quote keeps its evidence, the two or three signals the speaker model weighed
 * most for its speaker, in plain words ("followed by “said”", "the subject of its sentence"), as a JSON
 * array of strings. The review panel shows it as the quote's "why". NULL for quotes marked by hand and
 * for quotes extracted before this version (re-extraction fills it in).
 */
export const MIGRATION_010_QUOTE_EVIDENCE = /* sql */ `
ALTER TABLE quotes ADD COLUMN evidence TEXT CHECK (evidence IS NULL OR json_valid(evidence));
`;
