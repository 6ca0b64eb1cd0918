import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, defaultDataDir, parseDataDirFlag, resolveDataDir } from './paths';

describe('defaultDataDir', () => {
  it('follows XDG on Linux', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x/config' }, '/home/ann')).toBe('/x/config/Dossier');
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Dossier');
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'rel' }, '/home/ann')).toBe(
      '/home/ann/.config/Dossier',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Dossier');
  });

  it('uses APPDATA on Windows, with a fallback', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Dossier',
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Dossier');
  });
});

describe('resolveDataDir', () => {
  it('prefers the flag, then DOSSIER_DATA_DIR, then the default', () => {
    expect(resolveDataDir({ flag: '/a', env: { DOSSIER_DATA_DIR: '/b' } })).toBe(path.resolve('/a'));
    expect(resolveDataDir({ flag: undefined, env: { DOSSIER_DATA_DIR: '/b' } })).toBe(path.resolve('/b'));
    expect(resolveDataDir({ env: { DOSSIER_DATA_DIR: '' } })).toBe(
      path.resolve(defaultDataDir(process.platform, {})),
    );
  });

  it('makes relative paths absolute', () => {
    expect(resolveDataDir({ flag: 'rel/dir', env: {} })).toBe(path.resolve('rel/dir'));
    expect(path.isAbsolute(resolveDataDir({ env: {} }))).toBe(true);
  });

  it('names the database file', () => {
    expect(DATABASE_FILE).toBe('dossier.sqlite');
  });
});

describe('parseDataDirFlag', () => {
  it('reads both forms', () => {
    expect(parseDataDirFlag(['node', 'x', '--data-dir', '/d'])).toBe('/d');
    expect(parseDataDirFlag(['node', 'x', '--data-dir=/e'])).toBe('/e');
  });

  it('lets the last one win and ignores missing values', () => {
    expect(parseDataDirFlag(['--data-dir', '/a', '--data-dir=/b'])).toBe('/b');
    expect(parseDataDirFlag(['--data-dir'])).toBeUndefined();
    expect(parseDataDirFlag(['--data-dir', '--verbose'])).toBeUndefined();
    expect(parseDataDirFlag(['--data-dir='])).toBeUndefined();
    expect(parseDataDirFlag(['--other', 'x'])).toBeUndefined();
    expect(parseDataDirFlag(['--', '--data-dir', '/a'])).toBeUndefined();
  });
});
