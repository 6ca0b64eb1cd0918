/**
 * The installers' configuration (electron-builder.yml): valid by electron-builder's own schema, with
 * the fuses issue 19 asks for, and packed for real (`electron-builder --dir`) with a fake Electron
 * distribution, since Electron's binary cannot be downloaded here. The packed app is then read back:
 * fuses flipped in the packaged binary (and only there: the unpackaged binary keeps RunAsNode, which
 * the start step's ABI check uses), app.asar holding the build, icon and models, better-sqlite3 unpacked.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FUSES, REPO, writeFakeBinary } from './testing/fake-distribution';

const require = createRequire(import.meta.url);
// electron-builder's own configuration loader and schema check, from the copy electron-builder uses.
const builderRequire = createRequire(require.resolve('electron-builder/package.json'));
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: unknown,
  ): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as {
  getCurrentFuseWire(path: string): Promise<Record<number | 'version', string | number>>;
  FuseV1Options: Record<string, number>;
};
const asar = require('@electron/asar') as { listPackage(path: string): string[] };

interface BuilderConfig {
  files: (string | { filter?: string[] })[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; executableName: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
  directories: { output: string; buildResources: string };
  publish: unknown;
}

/** What issue 19 asks of the packaged Electron. */
const WANTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

let config: BuilderConfig;
beforeAll(async () => {
  config = await getConfig(REPO, null, null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema, which refuses a misspelt option", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuse: { runAsNode: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/electronFuse/);
  });

  it('sets every fuse issue 19 asks for', () => {
    expect(config.electronFuses).toEqual(WANTED_FUSES);
  });

  it('builds AppImage and .deb, .dmg and NSIS, with the generated icons, and never publishes', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon])
      expect(existsSync(join(REPO, icon))).toBe(true);
    expect(readdirSync(join(REPO, config.linux.icon))).toContain('256x256.png');
    expect(config.publish).toBeNull();
  });

  it('unpacks better-sqlite3 from the asar and ships the models folder', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    const patterns = config.files.flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.filter ?? []),
    );
    expect(patterns).toContain('resources/models/**');
    expect(patterns).toContain('resources/icons/256x256.png');
  });
});

/** Runs electron-builder's command line; resolves its exit code and output. */
function electronBuilder(args: string[]): Promise<{ code: number | null; output: string }> {
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Packed apps are about 60 MB each: removed when the tests end. */
const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

// The fake distribution is a Linux one, its binary a POSIX shell script.
describe.skipIf(process.platform === 'win32')(
  '`electron-builder --linux --dir` with a fake Electron distribution',
  () => {
    it('flips the fuses in the packaged binary only, and packs the build, icon and models into app.asar', async () => {
      expect(existsSync(join(REPO, 'out', 'main', 'index.js')), 'build first: npm run build').toBe(true);
      const work = mkdtempSync(join(tmpdir(), 'dossier-pack-'));
      workDirs.push(work);
      const dist = join(work, 'electron-dist');
      const source = writeFakeBinary(join(dist, 'electron'));
      const output = join(work, 'out');

      const run = await electronBuilder([
        '--linux',
        '--dir',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${output}`,
      ]);
      expect(run.code, run.output).toBe(0);

      const app = join(output, 'linux-unpacked');
      const packaged = join(app, config.linux.executableName);
      const wire = await getCurrentFuseWire(packaged);
      const state = (fuse: string): string => String.fromCharCode(Number(wire[FuseV1Options[fuse]!]));
      expect(state('RunAsNode')).toBe('0');
      expect(state('EnableCookieEncryption')).toBe('1');
      expect(state('EnableNodeOptionsEnvironmentVariable')).toBe('0');
      expect(state('EnableNodeCliInspectArguments')).toBe('0');
      expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe('1');
      expect(state('OnlyLoadAppFromAsar')).toBe('1');
      expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');

      // The binary in the distribution (node_modules/electron/dist in real use) is untouched: its
      // RunAsNode is on, and running it as Node still works, as the start step's ABI check needs.
      const original = await getCurrentFuseWire(source);
      expect(Array.from({ length: 8 }, (_, i) => String.fromCharCode(Number(original[i]))).join('')).toBe(
        DEFAULT_FUSES,
      );
      const asNode = spawnSync(source, ['-e', 'process.stdout.write("ran as node")'], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        encoding: 'utf8',
      });
      expect(asNode.stdout).toBe('ran as node');

      const files = asar
        .listPackage(join(app, 'resources', 'app.asar'))
        .map((file) => file.replaceAll('\\', '/'));
      for (const file of [
        '/package.json',
        '/out/main/index.js',
        '/out/main/core-worker.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/out/renderer/favicon.ico',
        '/resources/icons/256x256.png',
        '/node_modules/better-sqlite3/package.json',
        // better-sqlite3's own dependency, which the packager must find through npm's tree.
        '/node_modules/bindings/package.json',
      ]) {
        expect(files, file).toContain(file);
      }
      const modelsDir = join(REPO, 'resources', 'models');
      for (const model of existsSync(modelsDir)
        ? readdirSync(modelsDir, { recursive: true }).map(String)
        : []) {
        if (existsSync(join(modelsDir, model)) && !model.endsWith('/')) {
          expect(files.some((file) => file === `/resources/models/${model.replaceAll('\\', '/')}`)).toBe(
            true,
          );
        }
      }
      // Not shipped: the CLI and browser host entries, the sources, the tests.
      expect(files).not.toContain('/out/main/cli.js');
      expect(files).not.toContain('/out/main/web.js');
      expect(files.some((file) => file.startsWith('/electron/') || file.startsWith('/e2e/'))).toBe(false);
      // The native module is a real file beside the archive.
      expect(
        existsSync(
          join(
            app,
            'resources',
            'app.asar.unpacked',
            'node_modules',
            'better-sqlite3',
            'build',
            'Release',
            'better_sqlite3.node',
          ),
        ),
      ).toBe(true);
    }, 300_000);
  },
);
