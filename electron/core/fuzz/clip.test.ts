import { describe, expect, it } from 'vitest';
import { assertFuzz, unsafeParts, type FuzzName } from './properties';

const names: FuzzName[] = [
  'clipHtml on hostile HTML: only ClipError, and nothing unsafe survives',
  'clipHtml and clipText on any string or bytes: only ClipError',
  'clipBytes (file import: .html, .md, .txt, .mhtml, others) on any bytes: only ClipError',
];

describe('fuzzing the clip pipeline', () => {
  for (const name of names) {
    it(name, { timeout: 120_000 }, () => {
      assertFuzz(name);
    });
  }

  it('the sanitizer check notices what it must', () => {
    expect(unsafeParts('<p onclick="x">a</p>')).toEqual(['onclick=']);
    expect(unsafeParts('<a href=" javascript:x">a</a>')).toHaveLength(1);
    expect(unsafeParts('<img srcset="javascript:x 1x">')).toHaveLength(1);
    expect(unsafeParts('<svg><script>1</script></svg>')).toEqual(['<script>', '<svg>']);
    expect(unsafeParts('<p>javascript: is just a word here</p><a href="https://ok.example">ok</a>')).toEqual(
      [],
    );
  });
});
