// @ts-check
/**
 * The layer table: the one place that says which folders are layers and which way imports may flow
 * (ARCHITECTURE.md draws it). eslint.config.js turns it into eslint-plugin-import-x's
 * `no-restricted-paths` zones (resolved imports, so `../../x` and `import()` are caught too) and
 * `no-restricted-imports` package rules; `no-cycle` runs over the whole tree. electron/lint.test.ts
 * runs ESLint on fixtures that break each kind of rule and checks that lint fails.
 *
 * Change a direction here and nowhere else.
 */
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ui = ['react', 'react-dom', 'lexical', '@lexical/*', 'react-dom/*', 'react/*'];

/** @typedef {import('./layers.config').Layer} Layer (fields documented in layers.config.d.ts) */

/** @type {Layer[]} */
export const LAYERS = [
  {
    name: 'shared',
    dir: 'shared',
    may: [],
    // valibot: the API's argument schemas (shared/schema.ts); ARCHITECTURE.md says why this one.
    packages: ['valibot'],
    denyPackages: [...nodeBuiltins, 'electron'],
    why: 'shared/ is the typed contract: it imports nothing outside shared/ but its schema package, valibot (no Node, no UI).',
  },
  {
    name: 'core',
    dir: 'electron/core',
    may: ['shared'],
    packageJson: true,
    denyPackages: ['electron', ...ui],
    why: 'electron/core is plain Node shared by every host: no electron, no UI, no host code.',
  },
  {
    name: 'host-shared',
    dir: 'electron/host-shared',
    may: ['core', 'shared'],
    denyPackages: ['electron', ...ui],
    why: 'electron/host-shared is what the hosts share to serve HTTP (UI files, CSP, the clip endpoint, the core worker script): plain Node, no product logic.',
  },
  {
    name: 'main',
    dir: 'electron/main',
    may: ['host-shared', 'core', 'shared'],
    packageJson: true,
    denyPackages: ui,
    why: 'The Electron shell is thin: UI lives in renderer/, product logic in electron/core.',
  },
  {
    name: 'preload',
    dir: 'electron/preload',
    may: ['shared'],
    denyPackages: ui,
    why: 'The preload runs sandboxed: it builds window.api from shared/ and reaches nothing else.',
  },
  {
    name: 'web',
    dir: 'electron/web',
    may: ['host-shared', 'core', 'shared'],
    packageJson: true,
    denyPackages: ['electron', ...ui],
    why: 'The browser host runs in plain Node and reaches the product through electron/core.',
  },
  {
    name: 'cli',
    dir: 'electron/cli',
    may: ['host-shared', 'core', 'shared'],
    packageJson: true,
    denyPackages: ['electron', ...ui],
    why: 'The CLI runs in plain Node and reaches the product through electron/core.',
  },
  {
    name: 'renderer',
    dir: 'renderer',
    may: ['shared'],
    denyPackages: [...nodeBuiltins, 'electron', 'better-sqlite3'],
    why: 'The renderer talks to the notebook only through renderer/api.ts and shared/.',
  },
];

/** Source files of a layer, as ESLint `files` globs. */
export const filesOf = (/** @type {Layer} */ layer) => [`${layer.dir}/**/*.{ts,tsx,mts,mjs,js}`];
