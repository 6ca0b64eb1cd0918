/**
 * Schema 9: where a source clipped through the browser endpoint really came from (issue 19). A page
 * sends the endpoint its URL itself, so any page could claim to be another site; the origin the
 * browser reported for the message is kept beside that claim.
 *
 * - `sent_from`: the origin of the page that sent the clip (the message's `event.origin`, e.g.
 *   `https://news.example`), or NULL for sources that did not come through the endpoint.
 * - `url_claimed`: 1 when `url` is only what the sending page said, because its origin is not
 *   `sent_from`'s; the reader marks such a URL as claimed, and it is never used to match duplicates.
 */
export const MIGRATION_009_SOURCE_PROVENANCE = /* sql */ `
ALTER TABLE sources ADD COLUMN sent_from TEXT;
ALTER TABLE sources ADD COLUMN url_claimed INTEGER NOT NULL DEFAULT 0 CHECK (url_claimed IN (0, 1));
`;
