import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFile, makeTempDir } from '../testing/temp-dir';
import { openDatabase } from './open';
import { canReadInPlace } from './read-in-place';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir('dossier-in-place-')));
afterEach(() => temp.remove());

describe('reading a notebook in place', () => {
  it('reads the file under a folder name full of URI syntax, and writes nothing beside it', () => {
    const folder = path.join(temp.dir, 'my notes #1? 100%41 & more');
    const file = path.join(folder, 'dossier.sqlite');
    const db = openDatabase(file);
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('here')");
    db.close();
    const before = fs.readdirSync(folder);
    const hash = hashFile(file);

    expect(canReadInPlace(file)).toBe(true);
    const read = openDatabase(file, { readonly: true, inPlace: true });
    expect(read.prepare('SELECT x FROM t').get()).toEqual({ x: 'here' });
    read.close();
    expect(fs.readdirSync(folder)).toEqual(before);
    expect(hashFile(file)).toBe(hash);
  });

  it('refuses while a -wal is beside the file: its newest commits would be missed', () => {
    const file = path.join(temp.dir, 'dossier.sqlite');
    openDatabase(file).close();
    const writer = new Database(file);
    writer.exec('CREATE TABLE t (x)');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(canReadInPlace(file)).toBe(false);
    writer.close();
    expect(canReadInPlace(file)).toBe(true);
    expect(canReadInPlace(path.join(temp.dir, 'missing.sqlite'))).toBe(false);
  });
});
