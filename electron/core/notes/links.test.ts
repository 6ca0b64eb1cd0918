import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteId } from '../../../shared/model';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { NODE_TYPES, linkRowsOf, noteReferences } from './links';
import { MAX_BACKLINK_CONTEXTS, NotesService } from './service';

let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let notes: NotesService;

const NOW = '2026-11-28T03:00:00.000Z';

beforeEach(() => {
  temp = makeTempDir();
  const databasePath = path.join(temp.dir, 'dossier.sqlite');
  db = openDatabase(databasePath);
  notes = new NotesService({
    db,
    dataDir: temp.dir,
    databasePath,
    host: 'cli',
    hooks: { sourceStored: () => undefined, clipPaste: () => Promise.reject(new Error('unused')) },
  });
  // Fixture rows the analysis area would normally create.
  db.prepare(
    `INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES
     ('e-putin', 'person', 'Vladimir Putin', @now, @now), ('e-truce', 'topic', 'ceasefire', @now, @now)`,
  ).run({ now: NOW });
  db.prepare(
    `INSERT INTO sources (id, title, clipped_at, created_at, updated_at) VALUES ('s-1', 'Talks', @now, @now, @now)`,
  ).run({ now: NOW });
  db.prepare(
    `INSERT INTO quotes (id, source_id, span_start, span_end, text, origin, created_at, updated_at)
     VALUES ('q-1', 's-1', 0, 1, 'We want peace', 'user', @now, @now)`,
  ).run({ now: NOW });
});

afterEach(() => {
  db.close();
  temp.remove();
});

const text = (t: string) => ({
  type: 'text',
  text: t,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
});
const mention = (entityId: string, name: string) => ({
  ...text(name),
  type: NODE_TYPES.mention,
  mode: 'segmented',
  entityId,
  kind: 'person',
  name,
});
const para = (...children: object[]) => ({
  type: 'paragraph',
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
});
const quote = (quoteId: string, sourceId: string) => ({
  type: NODE_TYPES.quote,
  version: 1,
  quoteId,
  sourceId,
  text: 'We want peace',
  speaker: { name: 'Vladimir Putin', entityId: 'e-putin' },
  sourceTitle: 'Talks',
  sourceUrl: 'https://example.org/talks',
  date: '2026-11-01',
  span: { start: 0, end: 13 },
});
const state = (...blocks: object[]) =>
  JSON.stringify({
    root: { type: 'root', children: blocks, direction: null, format: '', indent: 0, version: 1 },
  });

function linksOf(id: string) {
  return db
    .prepare(
      'SELECT kind, to_entity_id AS e, to_quote_id AS q, to_source_id AS s, to_note_id AS n FROM links WHERE from_note_id = ? ORDER BY kind, e, q, s, n',
    )
    .all(id);
}

describe('noteReferences', () => {
  it('finds mentions, quotes, paraphrases and note links at any depth, in order', () => {
    const content = state(
      para(text('Met '), mention('e-1', 'Ann')),
      {
        type: 'list',
        listType: 'bullet',
        children: [
          {
            type: 'listitem',
            children: [{ ...text('[[X]]'), type: NODE_TYPES.noteLink, noteId: 'n-1', title: 'X' }],
          },
        ],
      },
      quote('q-1', 's-1'),
      { type: NODE_TYPES.paraphrase, quoteId: 'q-2', sourceId: 's-2', children: [text('roughly')] },
    );
    expect(noteReferences(content).map((r) => r.kind)).toEqual(['mention', 'note', 'quote', 'paraphrase']);
    expect(noteReferences('')).toEqual([]);
    expect(noteReferences('not json')).toEqual([]);
  });

  it('gives each mention its span in the plain text, repeated names in order', () => {
    const refs = noteReferences(state(para(mention('e', 'Ann'), text(' and '), mention('e', 'Ann'))));
    const { links, mentions } = linkRowsOf(refs, 'Ann and Ann');
    expect(links).toHaveLength(1);
    expect(mentions.map((m) => [m.start, m.end])).toEqual([
      [0, 3],
      [8, 11],
    ]);
  });
});

describe('NotesService links', () => {
  it('writes links and user mentions when a note is created and replaces them on update', async () => {
    const other = await notes.createNote({ title: 'Other' });
    const note = await notes.createNote({
      title: 'Draft',
      content: state(
        para(
          text('About '),
          mention('e-putin', 'Vladimir Putin'),
          text(' on '),
          mention('e-truce', 'ceasefire'),
        ),
        para({ ...text('Other'), type: NODE_TYPES.noteLink, noteId: other.id, title: 'Other' }),
        quote('q-1', 's-1'),
      ),
    });
    expect(note.plainText).toContain('We want peace');
    expect(note.plainText).toContain('Vladimir Putin');
    expect(linksOf(note.id)).toEqual([
      { kind: 'citation', e: null, q: null, s: 's-1', n: null },
      { kind: 'mention', e: 'e-putin', q: null, s: null, n: null },
      { kind: 'mention', e: 'e-truce', q: null, s: null, n: null },
      { kind: 'note', e: null, q: null, s: null, n: other.id },
      { kind: 'quote', e: null, q: 'q-1', s: null, n: null },
      { kind: 'speaker', e: 'e-putin', q: null, s: null, n: null },
    ]);
    const spans = db
      .prepare(
        "SELECT entity_id, span_start, span_end, text FROM mentions WHERE note_id = ? AND origin = 'user' ORDER BY span_start",
      )
      .all(note.id) as { entity_id: string; span_start: number; span_end: number; text: string }[];
    expect(spans.map((m) => note.plainText.slice(m.span_start, m.span_end))).toEqual([
      'Vladimir Putin',
      'ceasefire',
    ]);

    const backlinks = await notes.getBacklinks({ kind: 'entity', id: 'e-putin' });
    expect(backlinks.map((b) => b.noteId)).toEqual([note.id]);
    expect(backlinks[0]?.kinds.sort()).toEqual(['mention', 'speaker']);
    expect((await notes.getBacklinks({ kind: 'note', id: other.id })).map((b) => b.title)).toEqual(['Draft']);
    expect((await notes.getBacklinks({ kind: 'source', id: 's-1' })).length).toBe(1);

    const updated = await notes.updateNote({
      id: note.id,
      expectedVersion: 1,
      content: state(para(text('nothing now'))),
    });
    expect(updated.version).toBe(2);
    expect(linksOf(note.id)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM mentions WHERE note_id = ?').get(note.id)).toEqual({ n: 0 });
    expect(await notes.getBacklinks({ kind: 'entity', id: 'e-putin' })).toEqual([]);
  });

  it('skips links to ids that do not exist and still saves the note', async () => {
    const note = await notes.createNote({
      content: state(
        para(mention('e-gone', 'Ghost'), text(' '), mention('e-putin', 'Vladimir Putin')),
        quote('q-gone', 's-gone'),
      ),
    });
    expect(note.plainText).toContain('Ghost');
    // Quote and source are gone; the speaker and the live mention still link.
    expect(linksOf(note.id)).toEqual([
      { kind: 'mention', e: 'e-putin', q: null, s: null, n: null },
      { kind: 'speaker', e: 'e-putin', q: null, s: null, n: null },
    ]);
    expect(db.prepare('SELECT entity_id FROM mentions WHERE note_id = ?').all(note.id)).toEqual([
      { entity_id: 'e-putin' },
    ]);
  });

  it('keeps the old links when an update fails (stale version)', async () => {
    const note = await notes.createNote({ content: state(para(mention('e-putin', 'Vladimir Putin'))) });
    await notes.updateNote({ id: note.id, expectedVersion: 1, title: 'v2' });
    // A title-only save does not touch links.
    expect(linksOf(note.id)).toHaveLength(1);
    await expect(
      notes.updateNote({ id: note.id as NoteId, expectedVersion: 1, content: state(para(text('x'))) }),
    ).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect(linksOf(note.id)).toHaveLength(1);
  });

  it('backlinks carry the context of the reference; a source is cited by a quote block without sourceId', async () => {
    const target = await notes.createNote({ title: 'Background' });
    const linking = await notes.createNote({
      title: 'Analysis',
      content: state(
        para(
          text('See '),
          { ...text('Background'), type: NODE_TYPES.noteLink, noteId: target.id },
          text(' first.'),
        ),
      ),
    });
    const quoting = await notes.createNote({
      title: 'Quoting',
      // An older or dragged quote block that kept its quote id but not its source id.
      content: state({ ...quote('q-1', 's-1'), sourceId: null }),
    });
    expect(await notes.getBacklinks({ kind: 'note', id: target.id })).toEqual([
      {
        noteId: linking.id,
        title: 'Analysis',
        updatedAt: linking.updatedAt,
        kinds: ['note'],
        context: 'See Background first.',
      },
    ]);
    const toSource = await notes.getBacklinks({ kind: 'source', id: 's-1' });
    expect(toSource.map((b) => [b.noteId, b.kinds, b.context])).toEqual([
      // Found through its quote id, so the quote's words are the excerpt.
      [quoting.id, ['quote'], '“We want peace”'],
    ]);
    // Other sources' backlinks do not pick it up.
    db.prepare(
      `INSERT INTO sources (id, title, clipped_at, created_at, updated_at) VALUES ('s-2', 'Other', @now, @now, @now)`,
    ).run({ now: NOW });
    expect(await notes.getBacklinks({ kind: 'source', id: 's-2' })).toEqual([]);
  });

  it('gives a context to the most recent backlinks only, so a much-linked note stays cheap to open', async () => {
    const target = await notes.createNote({ title: 'Hub' });
    const linkTo = { ...text('Hub'), type: NODE_TYPES.noteLink, noteId: target.id };
    for (let i = 0; i <= MAX_BACKLINK_CONTEXTS; i++) {
      await notes.createNote({ title: `n${i}`, content: state(para(text(`From ${i} to `), linkTo)) });
    }
    const backlinks = await notes.getBacklinks({ kind: 'note', id: target.id });
    expect(backlinks).toHaveLength(MAX_BACKLINK_CONTEXTS + 1);
    expect(backlinks.slice(0, MAX_BACKLINK_CONTEXTS).every((b) => /^From \d+ to Hub$/.test(b.context))).toBe(
      true,
    );
    expect(backlinks.at(-1)?.context).toBe('');
  });

  it('trashed notes are not backlinks', async () => {
    const note = await notes.createNote({ content: state(para(mention('e-putin', 'Vladimir Putin'))) });
    await notes.deleteNote(note.id);
    expect(await notes.getBacklinks({ kind: 'entity', id: 'e-putin' })).toEqual([]);
  });
});
