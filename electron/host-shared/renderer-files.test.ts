import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { READER_FRAME_STYLE, READER_FRAME_STYLE_HASH } from '../../shared/reader-frame';
import { CONTENT_SECURITY_POLICY } from './renderer-files';

describe('the reader frame stylesheet', () => {
  it('is named in the CSP by the hash of its exact text', () => {
    const hash = createHash('sha256').update(READER_FRAME_STYLE, 'utf8').digest('base64');
    // On a change of the stylesheet, this says the new value for READER_FRAME_STYLE_HASH.
    expect(READER_FRAME_STYLE_HASH).toBe(`'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'self' ${READER_FRAME_STYLE_HASH};`);
  });
});
