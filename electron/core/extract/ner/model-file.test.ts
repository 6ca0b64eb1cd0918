/**
 * A missing or damaged entity model stops extraction with an error that names the file, never an empty
 * result; the analysis service passes that message on and keeps what was stored.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openFixture } from '../../analysis/testing';
import { makeTempDir } from '../../testing/temp-dir';
import { extractArticle } from '../index';
import { encodeModel, modelsDir, ModelFileError } from '../models/container';
import { NER_MODEL_FILE, unloadNerModel } from './tagger';

const TEXT = 'Foreign Minister Ana Lund met Omar Haddad in Rabat on Monday.';
const shippedFile = join(modelsDir(), NER_MODEL_FILE);

function withModelsDir(dir: string): void {
  vi.stubEnv('DOSSIER_MODELS_DIR', dir);
  unloadNerModel();
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  unloadNerModel();
});

describe('the entity model file', () => {
  it('extracts people with the shipped model', () => {
    expect(extractArticle(TEXT, { published: '2025-03-14' }).people.map((p) => p.name)).toEqual([
      'Ana Lund',
      'Omar Haddad',
    ]);
  });

  it('stops extraction with an error naming the file when it is missing', () => {
    const temp = makeTempDir('dossier-models-');
    withModelsDir(temp.dir);
    expect(() => extractArticle(TEXT)).toThrow(ModelFileError);
    expect(() => extractArticle(TEXT)).toThrow(`${join(temp.dir, NER_MODEL_FILE)} is missing`);
    temp.remove();
  });

  it('refuses a damaged file and one from another version, naming it', () => {
    const temp = makeTempDir('dossier-models-');
    const file = join(temp.dir, NER_MODEL_FILE);
    copyFileSync(shippedFile, file);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
    writeFileSync(file, bytes);
    withModelsDir(temp.dir);
    expect(() => extractArticle(TEXT)).toThrow(`${file} is damaged`);

    writeFileSync(file, encodeModel({ name: 'ner', meta: { labels: [] }, arrays: {} }));
    unloadNerModel();
    expect(() => extractArticle(TEXT)).toThrow(`${file} does not fit this version of Dossier`);
    temp.remove();
  });

  it('fails a source’s extraction with that message and keeps what was found before', async () => {
    const f = openFixture();
    try {
      const id = f.addSource(TEXT);
      f.analysis.sourceStored(id);
      const before = await f.analysis.getSourceAnalysis(id);
      expect(before.entities.map((e) => e.name)).toContain('Ana Lund');
      const temp = makeTempDir('dossier-models-');
      withModelsDir(temp.dir);
      await expect(f.analysis.reextractSource(id)).rejects.toMatchObject({
        code: 'INTERNAL',
        message: expect.stringContaining(`${join(temp.dir, NER_MODEL_FILE)} is missing`),
      });
      expect(await f.analysis.getSourceAnalysis(id)).toEqual(before);
      temp.remove();
    } finally {
      f.close();
    }
  });
});
