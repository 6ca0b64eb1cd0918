/**
 * The start step's three paths with a fake Electron distribution: binary present (through path.txt
 * and through Electron's ELECTRON_OVERRIDE_DIST_PATH), missing and downloaded by Electron's own install
 * script from a local mirror, and refused (one paragraph, no stack trace, exit 1), including the real
 * `npm start` of a freshly installed checkout.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureElectron,
  installFailureReason,
  locateElectron,
  refusalParagraph,
  // @ts-expect-error plain ESM script without type declarations
} from './electron-binary.mjs';
import {
  ELECTRON_VERSION,
  REPO,
  closedPort,
  fakeElectronZip,
  installFakeBinary,
  mirrorEnv,
  platformExecutable,
  stageElectronPackage,
  startFakeMirror,
  writeFakeBinary,
  type FakeMirror,
} from './testing/fake-distribution';

interface Ensured {
  ok: boolean;
  binary?: string;
  downloaded?: boolean;
  reason?: string;
}

const ensure = (electronDir: string, env: NodeJS.ProcessEnv): Promise<Ensured> =>
  ensureElectron({ electronDir, env, log: () => {} });

const temp = (): string => mkdtempSync(join(tmpdir(), 'dossier-electron-'));

/** Electron's release file name for this machine. */
const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;

let mirror: FakeMirror | undefined;
afterEach(async () => {
  await mirror?.close();
  mirror = undefined;
});

/** An environment whose download can only fail: the mirror is a port nothing listens on. */
async function refusingEnv(cache: string): Promise<NodeJS.ProcessEnv> {
  return mirrorEnv(`http://127.0.0.1:${await closedPort()}/`, cache);
}

describe('binary present', () => {
  it('uses the binary path.txt names in dist/, without downloading', async () => {
    const root = temp();
    const electronDir = stageElectronPackage(root);
    const binary = installFakeBinary(electronDir);
    const result = await ensure(electronDir, await refusingEnv(join(root, 'cache')));
    expect(result).toEqual({ ok: true, binary, downloaded: false });
  });

  it("uses ELECTRON_OVERRIDE_DIST_PATH's binary, as Electron's own index.js does", async () => {
    const root = temp();
    const electronDir = stageElectronPackage(root);
    const override = join(root, 'custom-electron');
    const binary = writeFakeBinary(join(override, 'electron'));
    const env = { ...(await refusingEnv(join(root, 'cache'))), ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(await ensure(electronDir, env)).toEqual({ ok: true, binary, downloaded: false });
    // path.txt names the executable inside the override folder too.
    writeFileSync(join(electronDir, 'path.txt'), 'bin/electron-custom');
    const named = writeFakeBinary(join(override, 'bin', 'electron-custom'));
    expect(locateElectron({ electronDir, env })).toMatchObject({ binary: named, present: true });
  });

  it('does not take a binary left by another Electron version (dist/version differs)', () => {
    const root = temp();
    const electronDir = stageElectronPackage(root);
    installFakeBinary(electronDir);
    writeFileSync(join(electronDir, 'dist', 'version'), '44.0.0');
    expect(locateElectron({ electronDir, env: {} })).toMatchObject({ present: false });
  });
});

describe("binary missing: downloaded by Electron's install script", () => {
  it('downloads from ELECTRON_MIRROR into electron_config_cache, extracts it and writes path.txt', async () => {
    const root = temp();
    const electronDir = stageElectronPackage(root);
    const zip = fakeElectronZip();
    const sha = createHash('sha256').update(zip).digest('hex');
    mirror = await startFakeMirror({
      [`/v${ELECTRON_VERSION}/${ZIP_NAME}`]: zip,
      [`/v${ELECTRON_VERSION}/SHASUMS256.txt`]: Buffer.from(`${sha} *${ZIP_NAME}\n`),
    });
    const cache = join(root, 'cache');
    expect(locateElectron({ electronDir, env: {} }).present).toBe(false);

    const result = await ensure(electronDir, mirrorEnv(mirror.url, cache));

    const binary = join(electronDir, 'dist', platformExecutable());
    expect(result).toEqual({ ok: true, binary, downloaded: true });
    expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe(platformExecutable());
    expect(mirror.requests).toContain(`/v${ELECTRON_VERSION}/${ZIP_NAME}`);
    // The download went through Electron's cache folder as the variable asked.
    const cached = readdirSync(cache, { recursive: true }).map(String);
    expect(cached.some((file) => file.endsWith(ZIP_NAME))).toBe(true);
    if (process.platform !== 'win32') {
      // The extracted file is the zip's executable, and it runs.
      expect(statSync(binary).mode & 0o111).not.toBe(0);
      const ran = spawnSync(binary, ['-e', 'process.stdout.write(process.versions.electron)'], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        encoding: 'utf8',
      });
      expect(ran.stdout).toBe(ELECTRON_VERSION);
    }
    // And the next start finds it without asking the mirror again.
    const before = mirror.requests.length;
    expect(await ensure(electronDir, mirrorEnv(mirror.url, cache))).toMatchObject({
      ok: true,
      downloaded: false,
    });
    expect(mirror.requests.length).toBe(before);
  });
});

describe('download refused', () => {
  it('gives the reason of an HTTP refusal in one line', async () => {
    const root = temp();
    const electronDir = stageElectronPackage(root);
    mirror = await startFakeMirror({});
    const result = await ensure(electronDir, mirrorEnv(mirror.url, join(root, 'cache')));
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^Response code 404 \(Not Found\) for http:\/\/127\.0\.0\.1:\d+\/v/);
    expect(result.reason).not.toContain('\n');
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false);
  });

  it('names the network error behind "fetch failed"', async () => {
    const root = temp();
    const electronDir = stageElectronPackage(root);
    const result = await ensure(electronDir, await refusingEnv(join(root, 'cache')));
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('does not download into an ELECTRON_OVERRIDE_DIST_PATH that has no binary, and says so', async () => {
    const root = temp();
    const electronDir = stageElectronPackage(root);
    mirror = await startFakeMirror({});
    const override = join(root, 'empty');
    mkdirSync(override);
    const env = { ...mirrorEnv(mirror.url, join(root, 'cache')), ELECTRON_OVERRIDE_DIST_PATH: override };
    const result = await ensure(electronDir, env);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(`ELECTRON_OVERRIDE_DIST_PATH is ${override}`);
    expect(mirror.requests).toEqual([]);
  });

  it('reads the reason from a stack trace too, without its frames', () => {
    const stderr =
      'HTTPError: Response code 403 (Forbidden) for https://example.invalid/v1/e.zip\n' +
      '    at FetchDownloader.download (file:///x/FetchDownloader.js:46:30)\n' +
      '    at async downloadArtifact (file:///x/index.js:154:12)\n';
    expect(installFailureReason(stderr, 1)).toBe(
      'Response code 403 (Forbidden) for https://example.invalid/v1/e.zip',
    );
    expect(installFailureReason('', 3)).toBe("Electron's install script exited with code 3");
  });

  it('words the paragraph as the issue asks', () => {
    const text: string = refusalParagraph('fetch failed: getaddrinfo ENOTFOUND example.invalid');
    expect(text).toMatch(
      /^Electron could not be downloaded \(fetch failed: getaddrinfo ENOTFOUND example\.invalid\): `npm run web` runs Dossier in your browser with the same notebook\./,
    );
    expect(text).not.toContain('\n');
  });
});

/**
 * A checkout as `npm install` leaves it: the project's package.json and scripts, and Electron's npm
 * package without its binary (every other package is left out: the Electron step must come first).
 */
async function freshCheckout(): Promise<{ root: string; env: NodeJS.ProcessEnv }> {
  const root = temp();
  copyFileSync(join(REPO, 'package.json'), join(root, 'package.json'));
  mkdirSync(join(root, 'electron', 'scripts'), { recursive: true });
  const scripts = join(REPO, 'electron', 'scripts');
  for (const file of readdirSync(scripts).filter((name) => /\.(mjs|cjs)$/.test(name))) {
    copyFileSync(join(scripts, file), join(root, 'electron', 'scripts', file));
  }
  stageElectronPackage(root);
  const env = await refusingEnv(join(root, 'cache'));
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return { root, env };
}

describe('a freshly installed checkout that cannot download Electron', () => {
  it('`npm run test:electron` says nothing was tested and exits 0, claiming no pass', async () => {
    const { root, env } = await freshCheckout();
    const run = spawnSync('npm', ['run', 'test:electron'], {
      cwd: root,
      env,
      encoding: 'utf8',
      shell: process.platform === 'win32',
      timeout: 120_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(run.stdout).toMatch(
      /No Electron binary could be had \(fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+\), so the real-Electron tests did not run: nothing was tested and nothing passed\./,
    );
    expect(output).not.toMatch(/\d+ passed/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('`npm start` ends with the paragraph and exit code 1, no stack trace, before building anything', async () => {
    const { root, env } = await freshCheckout();
    const run = spawnSync('npm', ['start'], {
      cwd: root,
      env,
      encoding: 'utf8',
      shell: process.platform === 'win32',
      timeout: 120_000,
    });

    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(run.stderr).toMatch(
      /Electron could not be downloaded \(fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+\): `npm run web` runs Dossier in your browser with the same notebook\./,
    );
    expect(output).not.toMatch(/^\s+at\s/m);
    expect(output).not.toContain('Electron uninstall');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
