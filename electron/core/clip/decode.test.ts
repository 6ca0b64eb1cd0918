import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, decodeWindows1252 } from './decode';
import { ClipError } from './errors';

const what = 'page.html';
const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

describe('decodeBytes', () => {
  it('follows the BOM, also for UTF-16', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), { what })).toBe('hi');
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]), { what })).toBe('hi');
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0, 0x68, 0, 0x69]), { what })).toBe('hi');
  });

  it('prefers valid UTF-8 over a stale meta label', () => {
    const bytes = new TextEncoder().encode('<meta charset="gb2312"><p>Grüße 你好</p>');
    expect(decodeBytes(bytes, { what })).toContain('Grüße 你好');
  });

  it('uses the meta label when the bytes are not UTF-8', () => {
    const gbk = new Uint8Array([...Buffer.from('<meta charset="gbk"><p>'), 0xc4, 0xe3, 0xba, 0xc3]);
    expect(decodeBytes(gbk, { what })).toContain('你好');
  });

  it('falls back to windows-1252, with its curly quotes and dashes', () => {
    const bytes = new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x80]);
    expect(decodeBytes(bytes, { what })).toBe('“Hi” – café€');
  });

  it('lets the HTTP charset win', () => {
    expect(
      decodeBytes(latin1('<p>Grüße</p>'), { what, contentType: 'text/html; charset="ISO-8859-1"' }),
    ).toBe('<p>Grüße</p>');
    expect(charsetFromContentType('text/html;charset=UTF-8')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('refuses binary data, naming what it looks like', () => {
    for (const [bytes, kind] of [
      [[0x25, 0x50, 0x44, 0x46, 0x2d], /PDF/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14], /ZIP/],
      [[0x3c, 0x70, 0x3e, 0x00, 0x01], /binary data/],
    ] as const) {
      expect(() => decodeBytes(new Uint8Array(bytes), { what })).toThrow(kind);
    }
  });

  it('refuses empty input', () => {
    expect(() => decodeBytes(new Uint8Array(), { what })).toThrow(ClipError);
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte, including the 0x80-0x9F block', () => {
    const all = decodeWindows1252(new Uint8Array(Array.from({ length: 256 }, (_, i) => i)));
    expect(all).toHaveLength(256);
    expect(all[0x92]).toBe('’');
    expect(all[0x80]).toBe('€');
    expect(all[0xff]).toBe('ÿ');
  });
});
