/**
 * Dossier's version, taken from package.json at build time. A JSON import (rather than reading the file
 * at run time) works the same in the Vite bundle, under vitest and under tsx, and in a packaged app
 * where package.json may sit inside an archive. A named import, so the bundle keeps only the version
 * string rather than the whole manifest.
 */
import { version } from '../../package.json';

/** The version in package.json, e.g. `0.1.0`. */
export const APP_VERSION: string = version;
