/**
 * A missing or damaged speaker model stops extraction with an error naming the file and what to do,
 * never a result with quotes but no speakers. The other shipped models are copied beside it so the
 * failure is the speaker model's own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modelsFolderWithout } from '../testing/models';
import { extractArticle } from './index';
import { encodeModel, ModelFileError, modelsDir } from './models/container';
import { forgetSpeakerModel, SPEAKER_MODEL_FILE, speakerModel } from './speaker-model';

const TEXT = '“We are ready,” Senator Ana Ruiz said on Monday.';

let folder: { dir: string; restore: () => void } | undefined;

/** Extraction reads its models from a copy of the shipped ones, the speaker model left out or replaced. */
function modelsWithout(write?: (file: string) => void): string {
  folder?.restore();
  folder = modelsFolderWithout(SPEAKER_MODEL_FILE, write);
  forgetSpeakerModel();
  return folder.dir;
}

afterEach(() => {
  folder?.restore();
  folder = undefined;
  forgetSpeakerModel();
});

describe('the speaker model file', () => {
  it('is shipped, loads, and attributes a plain quote', () => {
    expect(speakerModel().quoteThreshold).toBeGreaterThanOrEqual(0);
    expect(extractArticle(TEXT, { published: '2024-05-10' }).quotes[0]?.speaker).toBe('Ana Ruiz');
  });

  it('stops extraction with a clear error naming the file when it is missing', () => {
    const dir = modelsWithout();
    expect(() => extractArticle(TEXT, { published: '2024-05-10' })).toThrow(ModelFileError);
    expect(() => extractArticle(TEXT, { published: '2024-05-10' })).toThrow(
      `${join(dir, SPEAKER_MODEL_FILE)} is missing`,
    );
    expect(() => extractArticle(TEXT, { published: '2024-05-10' })).toThrow(/npm run train/);
  });

  it('refuses a damaged file (a flipped byte) and a file that is not a speaker model', () => {
    const shipped = readFileSync(join(modelsDir(), SPEAKER_MODEL_FILE));
    modelsWithout((file) => {
      const bytes = Buffer.from(shipped);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x40, bytes.length - 3);
      writeFileSync(file, bytes);
    });
    expect(() => extractArticle(TEXT, { published: '2024-05-10' })).toThrow(/speakers\.bin is damaged/);

    modelsWithout((file) =>
      writeFileSync(file, encodeModel({ name: 'speakers', meta: { format: 1 }, arrays: {} })),
    );
    expect(() => extractArticle(TEXT, { published: '2024-05-10' })).toThrow(
      /speakers\.bin is not a speaker model this version of Dossier can read/,
    );
  });
});
