import { describe, expect, it } from 'vitest';
import { devServerUrl } from './dev-server';

const DEV = { NODE_ENV_ELECTRON_VITE: 'development' };
const at = (
  url: string,
  env: NodeJS.ProcessEnv = DEV,
  more: { packaged?: boolean; devBuild?: boolean } = {},
) =>
  devServerUrl({
    packaged: more.packaged ?? false,
    devBuild: more.devBuild ?? true,
    env: { ...env, ELECTRON_RENDERER_URL: url },
  });

// Regression (issue 19): ELECTRON_RENDERER_URL was trusted whenever the app was not packaged.
describe('the dev server address', () => {
  it('is honoured under electron-vite dev for an http origin on this computer', () => {
    expect(at('http://localhost:5173')).toBe('http://localhost:5173');
    expect(at('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(at('http://[::1]:5173')).toBe('http://[::1]:5173');
  });

  it('is ignored in a production build, a packaged app, or without the flag electron-vite dev sets', () => {
    expect(at('http://localhost:5173', DEV, { devBuild: false })).toBeUndefined();
    expect(at('http://localhost:5173', DEV, { packaged: true })).toBeUndefined();
    expect(at('http://localhost:5173', {})).toBeUndefined();
    expect(at('http://localhost:5173', { NODE_ENV_ELECTRON_VITE: 'production' })).toBeUndefined();
  });

  it('is ignored when it points anywhere but http on this computer', () => {
    for (const url of [
      'https://localhost:5173',
      'http://evil.example:5173',
      'http://localhost.evil.example:5173',
      'http://10.0.0.5:5173',
      'http://user:pw@localhost:5173',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(at(url), url).toBeUndefined();
    }
  });
});
