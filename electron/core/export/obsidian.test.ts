import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notebook } from '../notebook';
import { makeTempDir } from '../testing/temp-dir';
import { exportObsidian, fileNameOf } from './obsidian';

let temp: ReturnType<typeof makeTempDir>;
let notebook: Notebook;

beforeEach(() => {
  temp = makeTempDir();
  notebook = Notebook.open({ dataDir: join(temp.dir, 'data'), host: 'test' });
});

afterEach(async () => {
  await notebook.close();
  temp.remove();
});

const text = (value: string) => ({
  type: 'text',
  version: 1,
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
});
const paragraph = (...children: object[]) => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
});
const state = (...blocks: object[]) =>
  JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks },
  });

describe('exportObsidian', () => {
  it('writes notes with front matter and wiki links, and entity files with aliases', async () => {
    const putin = await notebook.createEntity({ kind: 'person', name: 'Vladimir Putin' });
    const topic = await notebook.createEntity({ kind: 'topic', name: 'ceasefire' });
    const background = await notebook.createNote({ title: 'Background: 2022' });
    await notebook.createNote({
      title: 'Talks / March',
      content: state(
        paragraph(
          text('Where '),
          {
            ...text('Vladimir Putin'),
            type: 'dossier-mention',
            mode: 'token',
            entityId: putin.id,
            kind: 'person',
            name: 'Vladimir Putin',
          },
          text(' stands on the '),
          {
            ...text('ceasefire'),
            type: 'dossier-mention',
            mode: 'token',
            entityId: topic.id,
            kind: 'topic',
            name: 'ceasefire',
          },
          text('; see '),
          {
            ...text('Background: 2022'),
            type: 'dossier-note-link',
            mode: 'token',
            noteId: background.id,
            title: 'Background: 2022',
          },
        ),
      ),
    });

    // The database connection of the open notebook is not public; export from a second connection.
    const { openDatabase } = await import('../db/open');
    const db = openDatabase(join(temp.dir, 'data', 'dossier.sqlite'));
    const vault = join(temp.dir, 'vault');
    try {
      expect(exportObsidian(db, vault)).toEqual({ notes: 2, entities: 2 });
    } finally {
      db.close();
    }

    expect(readdirSync(join(vault, 'Notes')).sort()).toEqual(['Background 2022.md', 'Talks March.md']);
    const talks = readFileSync(join(vault, 'Notes', 'Talks March.md'), 'utf8');
    expect(talks).toMatch(
      /^---\ntitle: "Talks \/ March"\ncreated: "[^"]+"\nupdated: "[^"]+"\ndossier_id: "[^"]+"\ntags:\n {2}- "ceasefire"\n---\n/,
    );
    expect(talks).toContain('[[Vladimir Putin]]');
    expect(talks).toContain('[[Background: 2022]]');
    const person = readFileSync(join(vault, 'People', 'Vladimir Putin.md'), 'utf8');
    expect(person).toContain('aliases:\n  - "Vladimir Putin"');
    expect(existsSync(join(vault, 'Topics', 'ceasefire.md'))).toBe(true);
  });

  it('never writes into a folder that has files', async () => {
    const vault = join(temp.dir, 'busy');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(vault);
    writeFileSync(join(vault, 'mine.md'), 'keep me');
    const { openDatabase } = await import('../db/open');
    const db = openDatabase(join(temp.dir, 'data', 'dossier.sqlite'));
    try {
      expect(() => exportObsidian(db, vault)).toThrow(/not empty/);
    } finally {
      db.close();
    }
    expect(readFileSync(join(vault, 'mine.md'), 'utf8')).toBe('keep me');
  });

  it('makes file names every OS accepts', () => {
    expect(fileNameOf('a/b\\c:d*e?f"g<h>i|j#k^l[m]', 'x')).toBe('a b c d e f g h i j k l m');
    expect(fileNameOf('...', 'Untitled')).toBe('Untitled');
  });
});
