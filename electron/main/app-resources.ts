/**
 * Files of the app that the main process hands on: the window's icon to Chromium, the extraction
 * models' folder to the core worker. Both live under the app's own path: app.asar in an installed app
 * (electron-builder.yml puts them there), the checkout when run from source.
 */
import { join } from 'node:path';

/** The variable the core reads the models' folder from (electron/core/extract/models/container.ts). */
export const MODELS_DIR_ENV = 'DOSSIER_MODELS_DIR';

/** Where the app's resources are, given Electron's `app.getAppPath()`. */
export function appResources(appPath: string): { windowIcon: string; modelsDir: string } {
  return {
    windowIcon: join(appPath, 'resources', 'icons', '256x256.png'),
    modelsDir: join(appPath, 'resources', 'models'),
  };
}

/**
 * Points the core worker (which inherits this environment) at the models shipped with the app, unless
 * the user chose a folder. The core would also find them by walking up from its own file, but inside
 * app.asar that walk depends on where the bundler put the code; this does not.
 */
export function shareModelsDir(env: NodeJS.ProcessEnv, modelsDir: string): void {
  if (env[MODELS_DIR_ENV] === undefined || env[MODELS_DIR_ENV] === '') env[MODELS_DIR_ENV] = modelsDir;
}
