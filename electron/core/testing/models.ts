/**
 * A models folder for tests of missing or damaged model files: a temp copy of the shipped models
 * without one of them (optionally written anew by the test), selected through $DOSSIER_MODELS_DIR so
 * that a failure is that model's own.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../extract/models/container';
import { makeTempDir } from './temp-dir';

/** Points $DOSSIER_MODELS_DIR at a copy of the shipped models lacking `file`; `restore` undoes it. */
export function modelsFolderWithout(
  file: string,
  write?: (path: string) => void,
): { dir: string; restore: () => void } {
  const shipped = modelsDir();
  const temp = makeTempDir('dossier-models-');
  for (const name of readdirSync(shipped)) {
    if (name !== file) copyFileSync(join(shipped, name), join(temp.dir, name));
  }
  write?.(join(temp.dir, file));
  const previous = process.env.DOSSIER_MODELS_DIR;
  process.env.DOSSIER_MODELS_DIR = temp.dir;
  return {
    dir: temp.dir,
    restore: () => {
      if (previous === undefined) delete process.env.DOSSIER_MODELS_DIR;
      else process.env.DOSSIER_MODELS_DIR = previous;
      temp.remove();
    },
  };
}
