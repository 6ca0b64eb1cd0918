#!/usr/bin/env node
// node electron/scripts/icons.mjs [--check]      (npm run icons)
//
// Dossier's icon is drawn once, as resources/icon.svg. This generates every size and format the
// platforms need from it: the PNG set (resources/icons/NxN.png: Linux packages and the window), the
// macOS .icns, the Windows .ico, and the browser host's favicon (renderer/public/favicon.ico, served at
// /favicon.ico). The rasteriser is resvg compiled to WebAssembly and the encoders are plain JavaScript,
// so the output is the same bytes on every machine: the files are committed (installers and the window
// need them on a fresh clone, with no build step), and `--check` (run by the tests) fails when they
// differ from what the SVG gives.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import pngToIco from 'png-to-ico';
import icnsModule from '@fiahfy/icns';

const require = createRequire(import.meta.url);
const { Icns, IcnsImage } = icnsModule;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The drawing every file is generated from. */
export const SOURCE_SVG = 'resources/icon.svg';
/** Sizes of the PNG set. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes inside the Windows .ico (Explorer, the taskbar and the installer pick from these). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Sizes inside the favicon (tabs, bookmarks, the address bar). */
export const FAVICON_SIZES = [16, 32, 48];
/** The .icns entries (Apple's PNG types; ic11-ic14 are the @2x variants), as Apple's iconutil writes them. */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** Path of a PNG of the set, relative to the repository. */
export const pngPath = (size) => `resources/icons/${size}x${size}.png`;

let wasmReady;
function initRenderer() {
  wasmReady ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasmReady;
}

/** Renders `svg` as a square PNG of `size` pixels. */
async function renderPng(svg, size) {
  await initRenderer();
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size } });
  const image = resvg.render();
  const png = Buffer.from(image.asPng());
  image.free();
  resvg.free();
  return png;
}

/**
 * Every generated file from the SVG's text: a Map of repository-relative path to bytes.
 */
export async function renderIcons(svg) {
  const pngs = new Map();
  for (const size of PNG_SIZES) pngs.set(size, await renderPng(svg, size));
  const png = (size) => {
    const bytes = pngs.get(size);
    if (bytes === undefined) throw new Error(`no ${size} px PNG in the set`);
    return bytes;
  };
  const files = new Map();
  for (const size of PNG_SIZES) files.set(pngPath(size), png(size));
  const icns = new Icns();
  for (const [osType, size] of ICNS_ENTRIES) icns.append(IcnsImage.fromPNG(png(size), osType));
  files.set('resources/icon.icns', icns.data);
  files.set('resources/icon.ico', await pngToIco(ICO_SIZES.map(png)));
  files.set('renderer/public/favicon.ico', await pngToIco(FAVICON_SIZES.map(png)));
  return files;
}

/** The generated files whose bytes on disk under `root` differ from `files` (or are missing). */
export function staleFiles(root, files) {
  const stale = [];
  for (const [path, bytes] of files) {
    let current;
    try {
      current = readFileSync(join(root, path));
    } catch {
      stale.push(path);
      continue;
    }
    if (!current.equals(bytes)) stale.push(path);
  }
  return stale;
}

async function main() {
  const files = await renderIcons(readFileSync(join(ROOT, SOURCE_SVG), 'utf8'));
  if (process.argv.includes('--check')) {
    const stale = staleFiles(ROOT, files);
    if (stale.length > 0) {
      console.error(
        `These icon files differ from ${SOURCE_SVG}; run \`npm run icons\`:\n  ${stale.join('\n  ')}`,
      );
      process.exit(1);
    }
    console.log(`All ${files.size} icon files match ${SOURCE_SVG}.`);
    return;
  }
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), bytes);
  }
  console.log(`Wrote ${files.size} icon files from ${SOURCE_SVG}.`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
