import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResources, shareModelsDir } from './app-resources';

const REPO = join(import.meta.dirname, '..', '..');

describe('the app resources the main process hands on', () => {
  it('name the icon committed in the checkout (the app path when run from source)', () => {
    expect(existsSync(appResources(REPO).windowIcon)).toBe(true);
  });

  it("point DOSSIER_MODELS_DIR at the app's models unless the user set it", () => {
    const env: NodeJS.ProcessEnv = {};
    shareModelsDir(env, '/app/resources/models');
    expect(env.DOSSIER_MODELS_DIR).toBe('/app/resources/models');
    const chosen: NodeJS.ProcessEnv = { DOSSIER_MODELS_DIR: '/mine' };
    shareModelsDir(chosen, '/app/resources/models');
    expect(chosen.DOSSIER_MODELS_DIR).toBe('/mine');
    const empty: NodeJS.ProcessEnv = { DOSSIER_MODELS_DIR: '' };
    shareModelsDir(empty, '/app/resources/models');
    expect(empty.DOSSIER_MODELS_DIR).toBe('/app/resources/models');
  });
});
