/**
 * package.json's `engines` and the README name one Node version, and every package the lockfile
 * installs accepts it, so `npm install` on that Node prints no EBADENGINE warning (Electron 45's
 * packages and electron-builder's rebuild tool ask for Node 22.12).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const semver = require('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }>;
};
const oldest = semver.minVersion(manifest.engines.node)!.version;
/** The first version of each release line the range allows ("^22.13.0 || >=24.0.0": 22.13.0 and 24.0.0). */
const firstOfEachLine = manifest.engines.node
  .split('||')
  .map((part) => semver.minVersion(part.trim())!.version);

/** The packages of the lockfile whose `engines.node` the given Node version does not satisfy. */
function refusing(version: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return path !== '' && range !== undefined && !semver.satisfies(version, range);
    })
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}`);
}

describe('the Node version Dossier names', () => {
  it('is accepted by every package the lockfile installs, on each release line engines allows', () => {
    expect(firstOfEachLine.length).toBeGreaterThan(0);
    for (const version of firstOfEachLine) expect(refusing(version), `Node ${version}`).toEqual([]);
  });

  it('is the oldest one every package accepts (the range is not wider than the toolchain allows)', () => {
    // One minor release older, and some package refuses it: engines says what is needed, no less.
    const [major, minor] = oldest.split('.').map(Number) as [number, number];
    const older = minor > 0 ? `${major}.${minor - 1}.0` : `${major - 1}.99.0`;
    expect(refusing(older).length).toBeGreaterThan(0);
  });

  it('is the one the README asks for', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const [major, minor] = oldest.split('.');
    expect(readme).toContain(`Node.js ${major}.${minor} or newer`);
    expect(readme).not.toMatch(/Node\.js 20\.19 or newer/);
  });
});
