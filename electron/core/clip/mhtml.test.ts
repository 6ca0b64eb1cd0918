import { describe, expect, it } from 'vitest';
import { clipBytes } from './clip-file';
import { isClipError } from './errors';
import { decodeQuotedPrintable, looksLikeMhtml, parseMhtml } from './mhtml';
import { PNG_1X1 } from './test-server';

/** An MHTML file as Chromium writes it: quoted-printable HTML, a base64 image. */
function mhtml(html: string): Buffer {
  const qp = Buffer.from(html, 'utf8')
    .toString('latin1')
    .replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/(.{70})/g, '$1=\r\n');
  const b64 = PNG_1X1.toString('base64');
  return Buffer.from(
    [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://paper.example/2024/05/06/vote',
      'Subject: Council votes',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc----"',
      '',
      '',
      '------MultipartBoundary--abc----',
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://paper.example/2024/05/06/vote',
      '',
      qp,
      '',
      '------MultipartBoundary--abc----',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://paper.example/img/bridge.png',
      '',
      b64,
      '',
      '------MultipartBoundary--abc------',
      '',
    ].join('\r\n'),
    'latin1',
  );
}

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council votes — “yes”</title></head><body><article>
<p>${'The council voted seven to two on Monday to rebuild the bridge before winter, said Zoë. '.repeat(6)}</p>
<img src="https://paper.example/img/bridge.png" alt="Bridge"></article></body></html>`;

describe('MHTML', () => {
  it('decodes quoted-printable with soft line breaks', () => {
    expect(Buffer.from(decodeQuotedPrintable('a=3Db=\r\nc=E2=80=9C')).toString('utf8')).toBe('a=bc“');
  });

  it('splits a saved page into its HTML and its image', () => {
    const file = mhtml(PAGE);
    expect(looksLikeMhtml(file)).toBe(true);
    const parsed = parseMhtml(file, 'vote.mhtml');
    expect(parsed.html.location).toBe('https://paper.example/2024/05/06/vote');
    expect(Buffer.from(parsed.html.bytes).toString('utf8').trimEnd()).toBe(PAGE);
    expect(parsed.resources).toHaveLength(1);
    expect(parsed.resources[0]!.location).toBe('https://paper.example/img/bridge.png');
    expect(Buffer.compare(Buffer.from(parsed.resources[0]!.bytes), PNG_1X1)).toBe(0);
  });

  it('clips an .mhtml file with its URL, text in UTF-8 and the image as a resource', () => {
    const { article, resources } = clipBytes('vote.mhtml', mhtml(PAGE), { imageRefs: true });
    expect(article.canonicalUrl).toBe('https://paper.example/2024/05/06/vote');
    expect(article.text).toContain('said Zoë');
    expect(article.imageRefs).toEqual([
      { raw: 'https://paper.example/img/bridge.png', absolute: 'https://paper.example/img/bridge.png' },
    ]);
    expect(resources.map((r) => r.path)).toEqual(['https://paper.example/img/bridge.png']);
  });

  it('refuses a file that is not MHTML with a clear error', () => {
    for (const bytes of [
      Buffer.from('just text'),
      Buffer.from('Content-Type: multipart/related\r\n\r\nno boundary'),
    ]) {
      try {
        parseMhtml(bytes, 'bad.mhtml');
        throw new Error('expected a failure');
      } catch (error) {
        expect(isClipError(error) && error.code).toBe('PARSE_FAILED');
        expect((error as Error).message).toMatch(/bad\.mhtml is not a readable MHTML file/);
      }
    }
  });
});
