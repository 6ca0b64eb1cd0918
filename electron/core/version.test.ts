import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { APP_VERSION } from './version';

it('is the version in package.json', () => {
  const pkg = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
  ) as {
    version: string;
  };
  expect(APP_VERSION).toBe(pkg.version);
  expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
});
