import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { makeTempDir } from '../testing/temp-dir';

type TempDir = ReturnType<typeof makeTempDir>;
import { openDatabase } from './open';
import { SettingsRepo } from './settings-repo';

let temp: TempDir;
let db: Database.Database;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(join(temp.dir, 'settings.sqlite'));
});

afterEach(() => {
  db.close();
  temp.remove();
});

describe('SettingsRepo', () => {
  it('returns the fallback until a value is stored, then the value, across reopening', () => {
    const settings = new SettingsRepo(db);
    expect(settings.get('backup', { keep: 7 })).toEqual({ keep: 7 });
    settings.set('backup', { keep: 3, everyHours: 24 });
    settings.set('backup', { keep: 4, everyHours: 24 });
    db.close();
    db = openDatabase(join(temp.dir, 'settings.sqlite'));
    expect(new SettingsRepo(db).get('backup', { keep: 7 })).toEqual({ keep: 4, everyHours: 24 });
  });

  it('refuses a value that is not JSON at the database level', () => {
    expect(() =>
      db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', 'not json', '')").run(),
    ).toThrow();
  });
});
