/**
 * The file format of Dossier's shipped models (resources/models/*.bin): a small JSON header and typed
 * arrays, checked by a SHA-256 of the payload so a damaged file is refused, never half-read. Training
 * (bench/train) writes these files and extraction reads them; both use this one module.
 *
 *   bytes 0-7   magic "DSRMODL1"
 *   bytes 8-11  header length N (uint32, little-endian)
 *   next N      header, UTF-8 JSON: { name, meta, arrays: [{ name, type, offset, length }], sha256 }
 *   then        payload: each array at an offset aligned to 8 bytes from the payload's start
 *
 * Everything written is a pure function of the inputs (no dates, no random ids), so training twice
 * gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAGIC = 'DSRMODL1';

/** The typed arrays a model file can hold. */
export type ModelArray =
  Float32Array | Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array;

type ArrayType = 'f32' | 'f64' | 'i32' | 'u32' | 'i16' | 'u16' | 'u8';

const CONSTRUCTORS = {
  f32: Float32Array,
  f64: Float64Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  u8: Uint8Array,
} as const;

/** A model as stored: JSON-able metadata (vocabularies, labels, settings) and named typed arrays. */
export interface ModelData {
  name: string;
  meta: unknown;
  arrays: Record<string, ModelArray>;
}

interface Header {
  name: string;
  meta: unknown;
  arrays: Array<{ name: string; type: ArrayType; offset: number; length: number }>;
  sha256: string;
}

/** A model file that is missing, unreadable or damaged; the message names the file and what to do. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `The extraction model ${file} ${reason}. Reinstall Dossier, or in a checkout run \`npm run train\` ` +
        '(or `git checkout resources/models`) to restore it.',
    );
    this.name = 'ModelFileError';
  }
}

function typeOf(array: ModelArray): ArrayType {
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Int16Array) return 'i16';
  if (array instanceof Uint16Array) return 'u16';
  return 'u8';
}

const align8 = (n: number): number => (n + 7) & ~7;

/** Serialises a model; the same model always gives the same bytes (array order is kept as given). */
export function encodeModel(model: ModelData): Buffer {
  const entries: Header['arrays'] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(model.arrays)) {
    offset = align8(offset);
    entries.push({ name, type: typeOf(array), offset, length: array.length });
    offset += array.byteLength;
  }
  const payload = Buffer.alloc(offset);
  Object.values(model.arrays).forEach((array, i) => {
    const at = entries[i]?.offset ?? 0;
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(payload, at);
  });
  const sha256 = createHash('sha256').update(payload).digest('hex');
  const header = Buffer.from(
    JSON.stringify({ name: model.name, meta: model.meta, arrays: entries, sha256 } satisfies Header),
    'utf8',
  );
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 8);
  return Buffer.concat([prefix, header, payload]);
}

/** Reads a model from its bytes; `file` names it in errors. Throws ModelFileError when damaged. */
export function decodeModel(bytes: Buffer, file: string): ModelData {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== MAGIC) {
    throw new ModelFileError(file, 'is not a Dossier model file (damaged or replaced)');
  }
  const headerLength = bytes.readUInt32LE(8);
  if (12 + headerLength > bytes.length) throw new ModelFileError(file, 'is cut short (damaged)');
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header;
  } catch {
    throw new ModelFileError(file, 'has a damaged header');
  }
  // Copy the payload into an 8-byte-aligned buffer so every typed array can view it in place.
  const payload = new Uint8Array(new ArrayBuffer(bytes.length - 12 - headerLength));
  payload.set(bytes.subarray(12 + headerLength));
  const sha256 = createHash('sha256').update(payload).digest('hex');
  if (sha256 !== header.sha256) throw new ModelFileError(file, 'is damaged (its checksum does not match)');
  const arrays: Record<string, ModelArray> = {};
  for (const entry of header.arrays) {
    const Ctor = CONSTRUCTORS[entry.type];
    if (Ctor === undefined || entry.offset + entry.length * Ctor.BYTES_PER_ELEMENT > payload.byteLength) {
      throw new ModelFileError(file, `has a damaged array "${entry.name}"`);
    }
    arrays[entry.name] = new Ctor(payload.buffer, entry.offset, entry.length);
  }
  return { name: header.name, meta: header.meta, arrays };
}

/**
 * The folder of the shipped models: $DOSSIER_MODELS_DIR, else the first `resources/models` found walking
 * up from this module (the source tree in tests and tsx, `out/main` in the built app and CLI).
 */
export function modelsDir(): string {
  const fromEnv = process.env.DOSSIER_MODELS_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'models');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(dirname(fileURLToPath(import.meta.url)), 'resources', 'models');
}

/** Loads one shipped model by file name ("ner.bin"); a missing or damaged file throws ModelFileError. */
export function loadModel(fileName: string, dir = modelsDir()): ModelData {
  const file = join(dir, fileName);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelFileError(
      file,
      code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`,
    );
  }
  return decodeModel(bytes, file);
}
