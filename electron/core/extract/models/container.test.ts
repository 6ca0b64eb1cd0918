import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-dir';
import { decodeModel, encodeModel, loadModel, ModelFileError } from './container';

const model = {
  name: 'toy',
  meta: { labels: ['O', 'B-PER'], vocabulary: ['putin', 'said'] },
  arrays: {
    weights: new Float32Array([0.5, -1.25, 3]),
    index: new Uint32Array([7, 9]),
    flags: new Uint8Array([1, 0, 1]),
  },
};

describe('model files', () => {
  it('round-trips metadata and typed arrays, and the same model gives the same bytes', () => {
    const bytes = encodeModel(model);
    expect(encodeModel(model).equals(bytes)).toBe(true);
    const back = decodeModel(bytes, 'toy.bin');
    expect(back.meta).toEqual(model.meta);
    expect([...(back.arrays.weights ?? [])]).toEqual([0.5, -1.25, 3]);
    expect(back.arrays.index).toBeInstanceOf(Uint32Array);
    expect([...(back.arrays.flags ?? [])]).toEqual([1, 0, 1]);
  });

  it('refuses a missing file, a damaged payload and a file that is not a model, naming the file', () => {
    const { dir } = makeTempDir();
    expect(() => loadModel('absent.bin', dir)).toThrow(ModelFileError);
    expect(() => loadModel('absent.bin', dir)).toThrow(/absent\.bin is missing/);

    const bytes = encodeModel(model);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(join(dir, 'flipped.bin'), bytes);
    expect(() => loadModel('flipped.bin', dir)).toThrow(/flipped\.bin is damaged/);

    writeFileSync(join(dir, 'text.bin'), 'hello');
    expect(() => loadModel('text.bin', dir)).toThrow(/text\.bin is not a Dossier model file/);

    writeFileSync(join(dir, 'short.bin'), encodeModel(model).subarray(0, 20));
    expect(() => loadModel('short.bin', dir)).toThrow(/short\.bin is cut short/);
  });
});
