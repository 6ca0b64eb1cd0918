/**
 * The icon files are generated from resources/icon.svg by electron/scripts/icons.mjs and committed:
 * regenerating gives the same bytes, each file holds the sizes its platform needs, and a changed
 * drawing is caught.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FAVICON_SIZES,
  ICNS_ENTRIES,
  ICO_SIZES,
  PNG_SIZES,
  SOURCE_SVG,
  pngPath,
  renderIcons,
  staleFiles,
  // @ts-expect-error plain ESM script without type declarations
} from './icons.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { Icns } = require('@fiahfy/icns') as {
  Icns: { from(buffer: Buffer): { images: { osType: string; image: Buffer }[] } };
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** The image sizes listed in an .ico's directory (0 means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
}

let generated: Map<string, Buffer>;
beforeAll(async () => {
  generated = await renderIcons(readFileSync(join(ROOT, SOURCE_SVG), 'utf8'));
}, 60_000);

describe('the generated icon files', () => {
  it('are what the SVG gives, byte for byte (run `npm run icons` after editing it)', () => {
    expect(staleFiles(ROOT, generated)).toEqual([]);
    expect([...generated.keys()].sort()).toEqual(
      [
        ...PNG_SIZES.map(pngPath),
        'resources/icon.icns',
        'resources/icon.ico',
        'renderer/public/favicon.ico',
      ].sort(),
    );
  });

  it('include a square PNG of every size in the set', () => {
    for (const size of PNG_SIZES) {
      expect(pngSize(readFileSync(join(ROOT, pngPath(size))))).toEqual([size, size]);
    }
  });

  it('hold the Windows and favicon sizes in the .ico files', () => {
    expect(icoSizes(readFileSync(join(ROOT, 'resources/icon.ico')))).toEqual(ICO_SIZES);
    expect(icoSizes(readFileSync(join(ROOT, 'renderer/public/favicon.ico')))).toEqual(FAVICON_SIZES);
  });

  it('hold every macOS size in the .icns, each a PNG of its size', () => {
    const icns = Icns.from(readFileSync(join(ROOT, 'resources/icon.icns')));
    expect(icns.images.map((image) => image.osType)).toEqual(ICNS_ENTRIES.map(([type]: [string]) => type));
    icns.images.forEach((image, i) => {
      const size = ICNS_ENTRIES[i][1] as number;
      expect(pngSize(image.image)).toEqual([size, size]);
    });
  });

  it('are reported stale when the drawing changes', async () => {
    const svg = readFileSync(join(ROOT, SOURCE_SVG), 'utf8').replace('#D9663B', '#3BD966');
    const changed = await renderIcons(svg);
    expect(staleFiles(ROOT, changed)).toContain(pngPath(256));
  }, 60_000);
});
