import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteId } from '../../../../shared/model';
import { openDatabase } from '../../db/open';
import { Notebook } from '../../notebook';
import { DATABASE_FILE } from '../../paths';
import { makeTempDir } from '../temp-dir';
import { noteContent, noteTitle, type Ack } from './protocol';
import { verifyAfterCrash } from './verify';

// The crash check must be able to fail: these feed it notebooks that break each rule.
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('dossier-verify-');
});
afterEach(() => temp.remove());

async function noteAt(version: number): Promise<{ id: NoteId; acks: Ack[] }> {
  const notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
  const note = await notebook.createNote({ title: 'new' });
  let current = note.version;
  while (current < version) {
    current = (
      await notebook.updateNote({
        id: note.id,
        expectedVersion: current,
        title: noteTitle(note.id, current + 1),
        content: noteContent(note.id, current + 1),
      })
    ).version;
  }
  await notebook.close();
  return { id: note.id, acks: [{ kind: 'note', id: note.id, version }] };
}

describe('verifyAfterCrash', () => {
  it('passes a notebook that holds every acknowledged write', async () => {
    const { acks } = await noteAt(3);
    expect(verifyAfterCrash(temp.dir, acks)).toEqual({ lost: [], problems: [] });
  });

  it('reports a missing or older note as lost', async () => {
    const { id, acks } = await noteAt(3);
    expect(verifyAfterCrash(temp.dir, [{ kind: 'note', id, version: 5 }]).lost).toHaveLength(1);
    expect(verifyAfterCrash(temp.dir, [...acks, { kind: 'note', id: 'gone', version: 2 }]).lost).toHaveLength(
      1,
    );
  });

  it('reports a note whose title and content come from different versions', async () => {
    const { id, acks } = await noteAt(3);
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    db.prepare('UPDATE notes SET title = ? WHERE id = ?').run(noteTitle(id, 2), id);
    db.close();
    expect(verifyAfterCrash(temp.dir, acks).problems.join()).toMatch(/mixes versions/);
  });

  it('reports missing batches, clips and backups, and a damaged listed backup', async () => {
    const { acks } = await noteAt(2);
    const result = verifyAfterCrash(temp.dir, [
      ...acks,
      { kind: 'batch', seed: 42, count: 2 },
      { kind: 'clip', id: 'nope', marker: 'm1' },
      { kind: 'backup', name: 'dossier-20260101T000000000Z-manual.sqlite' },
    ]);
    expect(result.lost).toHaveLength(3);
    const folder = path.join(temp.dir, 'backups');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'dossier-20260101T000000000Z-auto.sqlite'), 'not a database');
    expect(verifyAfterCrash(temp.dir, acks).problems.join()).toMatch(/listed but damaged/);
  });
});
