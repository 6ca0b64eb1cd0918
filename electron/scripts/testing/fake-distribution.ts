/**
 * Fake Electron distributions for the start step's and the packager's tests: Electron's binary cannot
 * be downloaded here, and a test must not download 100 MB anyway. Everything else is real: Electron's
 * own npm package (copied, with its install script and @electron/get), a zip served by a local mirror,
 * and a binary that runs.
 *
 * The fake binary is a shell script that runs this Node with a small runtime (fake-runtime.cjs) which
 * reports Electron's versions. With `refusesNodeModules`, its native-module ABI is not Node's, as a
 * real Electron's is not: any module this Node can load was built for Node, and it is refused with the
 * message Electron gives. The binary also carries an Electron fuse wire (a sentinel and eight fuses at
 * Electron's defaults), so @electron/fuses can flip and read it.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';

export const REPO = resolve(import.meta.dirname, '../../..');
const REAL_ELECTRON = join(REPO, 'node_modules', 'electron');
const RUNTIME = join(import.meta.dirname, 'fake-runtime.cjs');

/** The version of the Electron package the project depends on. */
export const ELECTRON_VERSION: string = JSON.parse(
  readFileSync(join(REAL_ELECTRON, 'package.json'), 'utf8'),
).version;

/** The fuse sentinel of Electron binaries (@electron/fuses' SENTINEL). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's default fuse wire, in @electron/fuses' order: RunAsNode on, cookie encryption off,
 * NODE_OPTIONS on, --inspect on, ASAR integrity off, only-load-from-ASAR off, browser V8 snapshot off,
 * file:// extra privileges on.
 */
export const DEFAULT_FUSES = '10110001';

/** The executable's path inside a distribution, as Electron's install script names it. */
export function platformExecutable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** How the fake binary behaves. */
export interface FakeBinaryOptions {
  /** The Electron version it reports (default: the project's). */
  version?: string;
  /** Report no Electron version at all (a plain Node). */
  plainNode?: boolean;
  /** Refuse every native module this Node can load, as Electron refuses a module built for Node. */
  refusesNodeModules?: boolean;
}

/** The bytes of a fake Electron binary (a POSIX shell script carrying a fuse wire in a comment). */
export function fakeBinaryScript(options: FakeBinaryOptions = {}): Buffer {
  const env = [
    `FAKE_ELECTRON_VERSION='${options.plainNode ? '' : (options.version ?? ELECTRON_VERSION)}'`,
    `FAKE_ELECTRON_REFUSES_NODE_MODULES='${options.refusesNodeModules ? '1' : ''}'`,
  ].join(' ');
  const script =
    '#!/bin/sh\n' +
    `# fuse wire: ${FUSE_SENTINEL}\u0001\u0008${DEFAULT_FUSES}\n` +
    `${env} exec '${process.execPath}' --require '${RUNTIME}' "$@"\n`;
  return Buffer.from(script, 'latin1');
}

/** Writes a fake Electron binary at `file` (made executable) and returns its path. */
export function writeFakeBinary(file: string, options: FakeBinaryOptions = {}): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, fakeBinaryScript(options));
  chmodSync(file, 0o755);
  return file;
}

/**
 * A copy of Electron's npm package at `<root>/node_modules/electron` without its binary, as a fresh
 * `npm install` leaves it: package.json, install.js, index.js, checksums.json, abi_version, and links
 * to the packages its install script loads. Returns the package folder.
 */
export function stageElectronPackage(root: string): string {
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json', 'abi_version']) {
    copyFileSync(join(REAL_ELECTRON, file), join(dir, file));
  }
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(REPO, 'node_modules', scope), join(root, 'node_modules', scope), 'junction');
  }
  return dir;
}

/** Puts an installed fake binary into a staged package, as Electron's install script would leave it. */
export function installFakeBinary(electronDir: string, options: FakeBinaryOptions = {}): string {
  const binary = writeFakeBinary(join(electronDir, 'dist', platformExecutable()), options);
  writeFileSync(join(electronDir, 'dist', 'version'), options.version ?? ELECTRON_VERSION);
  writeFileSync(join(electronDir, 'path.txt'), platformExecutable());
  return binary;
}

/** A zip archive (stored, not compressed) of `files`; `executable` entries get mode 0755. */
export function zipOf(files: { name: string; data: Buffer; executable?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(file.data.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below counts
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(file.data.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((file.executable ? 0o100755 : 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, file.data);
    centrals.push(central, name);
    offset += local.length + name.length + file.data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The zip Electron's release would have for this platform, holding the fake binary and `version`. */
export function fakeElectronZip(options: FakeBinaryOptions = {}): Buffer {
  return zipOf([
    { name: platformExecutable(), data: fakeBinaryScript(options), executable: true },
    { name: 'version', data: Buffer.from(options.version ?? ELECTRON_VERSION) },
  ]);
}

/** A local stand-in for Electron's release mirror (ELECTRON_MIRROR points at `url`). */
export interface FakeMirror {
  url: string;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `files` (path -> bytes) on 127.0.0.1; anything else is 404. Paths are as @electron/get asks
 * for them: `/v<version>/electron-v<version>-<platform>-<arch>.zip` and `/v<version>/SHASUMS256.txt`.
 */
export async function startFakeMirror(files: Record<string, Buffer>): Promise<FakeMirror> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A 127.0.0.1 port nothing listens on (bound, read and released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * The environment for running Electron's install script against `mirror` with a cache of the test's
 * own: Electron's documented variables, so the test also shows they are honoured.
 */
export function mirrorEnv(mirrorUrl: string, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(electron_|npm_config_electron)/i.test(key)) delete env[key];
  }
  return {
    ...env,
    ELECTRON_MIRROR: mirrorUrl,
    electron_config_cache: cacheDir,
    // The fake zip is not in Electron's checksums.json: check it against the mirror's SHASUMS256.txt.
    electron_use_remote_checksums: '1',
    ELECTRON_GET_NO_PROGRESS: '1',
  };
}
