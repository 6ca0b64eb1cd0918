/**
 * The ABI check after rebuilding better-sqlite3 for Electron: Electron's binary (a fake here, see
 * testing/fake-distribution.ts) runs as Node and loads the module before the stamp is written. A module
 * built for Node's ABI, which is what a "rebuild for Electron" produced on a machine whose npm has
 * nodedir=/usr, is refused with what was built and how to fix it.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronBuildEnv,
  electronRebuildCommand,
  nodeGypRecord,
  prepareElectronNative,
  probeElectronAbi,
  stampFile,
  // @ts-expect-error plain ESM script without type declarations
} from './native.mjs';
import { ELECTRON_VERSION, REPO, stageElectronPackage, writeFakeBinary } from './testing/fake-distribution';

interface RebuildCall {
  electronVersion: string;
  env: NodeJS.ProcessEnv;
}

/** A project folder whose better-sqlite3 is the repository's (built for this Node by `npm test`). */
function project(): { root: string; electronDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'dossier-native-'));
  const electronDir = stageElectronPackage(root);
  for (const name of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
    symlinkSync(join(REPO, 'node_modules', name), join(root, 'node_modules', name), 'junction');
  }
  return { root, electronDir };
}

/** A build step that succeeds without building: the module stays what it was (Node's ABI). */
function quietRebuild(calls: RebuildCall[]) {
  return async (options: RebuildCall) => {
    calls.push(options);
    return { ok: true, output: '' };
  };
}

const nodeAbi = process.versions.modules;

// The fake binary is a POSIX shell script.
describe.skipIf(process.platform === 'win32')('the ABI probe', () => {
  it('refuses a module built for Node: no stamp, and the message says what was built and how to fix it', async () => {
    const { root, electronDir } = project();
    const binary = writeFakeBinary(join(root, 'fake', 'electron'), { refusesNodeModules: true });
    const calls: RebuildCall[] = [];
    const logs: string[] = [];

    const probe = probeElectronAbi({ root, binary, electronVersion: ELECTRON_VERSION });
    expect(probe.ok).toBe(false);
    expect(probe.problem).toContain(`NODE_MODULE_VERSION ${nodeAbi}`);

    const result = await prepareElectronNative({
      root,
      binary,
      electronVersion: ELECTRON_VERSION,
      electronDir,
      env: { ...process.env, npm_config_nodedir: '/usr' },
      log: (line: string) => logs.push(line),
      rebuild: quietRebuild(calls),
    });

    expect(calls).toHaveLength(1);
    expect(result.ok).toBe(false);
    expect(existsSync(stampFile(root))).toBe(false);
    const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
    expect(result.message).toContain(
      `better-sqlite3 was rebuilt for Electron ${ELECTRON_VERSION} (NODE_MODULE_VERSION ${abi}) but does not load in it`,
    );
    expect(result.message).toContain(
      `compiled against a different Node.js version using NODE_MODULE_VERSION ${nodeAbi}`,
    );
    expect(result.message).toContain("npm's nodedir setting is /usr");
    expect(result.message).toContain('`npm run web`');
    // The build itself never saw npm's nodedir.
    expect(calls[0]!.env.npm_config_nodedir).toBeUndefined();
    expect(logs.join('\n')).toContain("Ignoring npm's nodedir (/usr)");
  });

  it('accepts a module that loads in Electron, writes the stamp, and skips the rebuild next time', async () => {
    const { root, electronDir } = project();
    const binary = writeFakeBinary(join(root, 'fake', 'electron'));
    const calls: RebuildCall[] = [];
    const options = {
      root,
      binary,
      electronVersion: ELECTRON_VERSION,
      electronDir,
      log: () => {},
      rebuild: quietRebuild(calls),
    };

    expect(await prepareElectronNative(options)).toEqual({ ok: true });
    expect(readFileSync(stampFile(root), 'utf8')).toBe(`electron-${ELECTRON_VERSION}`);
    expect(await prepareElectronNative(options)).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('rebuilds when the stamp is there but the module no longer loads in Electron', async () => {
    const { root, electronDir } = project();
    const binary = writeFakeBinary(join(root, 'fake', 'electron'), { refusesNodeModules: true });
    writeFileSync(stampFile(root), `electron-${ELECTRON_VERSION}`);
    const calls: RebuildCall[] = [];
    const result = await prepareElectronNative({
      root,
      binary,
      electronVersion: ELECTRON_VERSION,
      electronDir,
      log: () => {},
      rebuild: quietRebuild(calls),
    });
    expect(calls).toHaveLength(1);
    expect(result.ok).toBe(false);
    expect(existsSync(stampFile(root))).toBe(false);
  });

  it('refuses a binary that is another Electron, or not Electron at all', () => {
    const { root } = project();
    const older = writeFakeBinary(join(root, 'older', 'electron'), { version: '44.0.0' });
    expect(probeElectronAbi({ root, binary: older, electronVersion: ELECTRON_VERSION })).toEqual({
      ok: false,
      problem: `${older} is Electron 44.0.0, not ${ELECTRON_VERSION}`,
    });
    const node = writeFakeBinary(join(root, 'node', 'electron'), { plainNode: true });
    expect(probeElectronAbi({ root, binary: node, electronVersion: ELECTRON_VERSION })).toEqual({
      ok: false,
      problem: `${node} is not Electron (it reports no Electron version)`,
    });
    const missing = join(root, 'nowhere', 'electron');
    expect(probeElectronAbi({ root, binary: missing, electronVersion: ELECTRON_VERSION }).problem).toContain(
      `Electron (${missing}) could not run`,
    );
  });

  it('says a failed build needs a download when its output says the network failed', async () => {
    const { root, electronDir } = project();
    const binary = writeFakeBinary(join(root, 'fake', 'electron'));
    const result = await prepareElectronNative({
      root,
      binary,
      electronVersion: ELECTRON_VERSION,
      electronDir,
      log: () => {},
      rebuild: async () => ({
        ok: false,
        output: 'gyp ERR! stack Error: getaddrinfo ENOTFOUND headers.invalid',
      }),
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain("the build downloads Electron's headers (or a prebuilt module) once");
    expect(result.message).toContain('.dossier-native-build.log');
    expect(existsSync(stampFile(root))).toBe(false);
  });
});

describe('the Electron build', () => {
  it("drops npm's nodedir (any spelling) from the build's environment and reports it", () => {
    expect(electronBuildEnv({ PATH: '/bin', npm_config_nodedir: '/usr' })).toEqual({
      env: { PATH: '/bin' },
      nodedir: '/usr',
    });
    expect(electronBuildEnv({ NPM_CONFIG_NODEDIR: '/opt/node' })).toEqual({ env: {}, nodedir: '/opt/node' });
    expect(electronBuildEnv({ HOME: '/root' })).toEqual({ env: { HOME: '/root' }, nodedir: undefined });
  });

  it("uses Electron's own rebuild tool for better-sqlite3 only, at the installed Electron version", () => {
    const { command, args } = electronRebuildCommand({ root: REPO, electronVersion: ELECTRON_VERSION });
    expect(command).toBe(process.execPath);
    expect(existsSync(args[0])).toBe(true);
    expect(args.slice(1)).toEqual([
      '--force',
      '--which-module',
      'better-sqlite3',
      '--only',
      'better-sqlite3',
      '--version',
      ELECTRON_VERSION,
      '--module-dir',
      REPO,
    ]);
  });

  it("reads node-gyp's record of the build (headers and ABI), only when it is from this build", () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-gyp-'));
    const dir = join(root, 'node_modules', 'better-sqlite3', 'build');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'config.gypi');
    writeFileSync(
      file,
      '# Do not edit. File was generated by node-gyp\'s "configure" step\n' +
        JSON.stringify({ variables: { nodedir: '/usr', node_module_version: 115 } }, null, 2),
    );
    expect(nodeGypRecord(root)).toEqual({ nodedir: '/usr', moduleVersion: 115 });
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(file, old, old);
    expect(nodeGypRecord(root, Date.now() - 60_000)).toBeNull();
  });
});
