/**
 * The crash child: opens a notebook with the real core and writes as fast as it can (note creates and
 * saves through the Notebook, clips when the library can store them, multi-table batches through a
 * second connection as the CLI would, and backups), printing an ACK line only after each write's
 * COMMIT has returned. The parent kills it with SIGKILL at a random moment.
 *
 * When the notebook file is empty or missing beside its backups, the child first restores the newest good
 * backup, as the start screen's button does (startup/session.ts), after printing RESTORING. In mode
 * `large-clip` it starts with a clip over the 1 MB isolation threshold (prepared in a worker of its own),
 * after printing LARGE-CLIP, so the parent can kill it during that clip.
 *
 * Usage: node --import tsx child.ts DATA_DIR SEED [writes|large-clip]
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { NoteId } from '../../../../shared/model';
import { recoverFromLastGoodBackup } from '../../backup/recovery';
import { fillNotebook } from '../../db/fixtures/fill';
import { openDatabase } from '../../db/open';
import { Notebook } from '../../notebook';
import { DATABASE_FILE } from '../../paths';
import { emptyNotebookProblem } from '../../startup/empty-file';
import {
  ACK_PREFIX,
  clipHtml,
  LARGE_CLIP_LINE,
  LARGE_CLIP_PARAGRAPHS,
  noteContent,
  noteTitle,
  OPENING_LINE,
  READY_LINE,
  RESTORING_LINE,
  type Ack,
} from './protocol';

const [dataDir, seedText, mode] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('Usage: child.ts DATA_DIR SEED');
let random = Number(seedText ?? '1') >>> 0 || 1;
/** xorshift32: the same seed gives the same sequence of writes. */
function next(): number {
  random ^= random << 13;
  random ^= random >>> 17;
  random ^= random << 5;
  return (random >>> 0) / 0x1_0000_0000;
}

function ack(value: Ack): void {
  // Synchronous write: once the parent can read the line, the write it names has committed.
  process.stdout.write(`${ACK_PREFIX}${JSON.stringify(value)}\n`);
}

async function main(): Promise<void> {
  process.stdout.write(`${OPENING_LINE}\n`);
  if (emptyNotebookProblem(dataDir!, path.join(dataDir!, DATABASE_FILE)) !== null) {
    process.stdout.write(`${RESTORING_LINE}\n`);
    if (recoverFromLastGoodBackup(dataDir!) === null) throw new Error('no good backup to restore');
  }
  const notebook = Notebook.open({ dataDir: dataDir!, host: 'test' });
  const versions = new Map<string, number>();
  for (const note of await notebook.listNotes()) versions.set(note.id, note.version);
  const second = openDatabase(path.join(dataDir!, DATABASE_FILE));
  const canClip = !notebook.missing.includes('clipPaste');
  process.stdout.write(`${READY_LINE}\n`);

  const clip = async (paragraphs?: number): Promise<void> => {
    const marker = `m${randomUUID().replace(/-/g, '')}`;
    const result = await notebook.clipPaste({
      html: clipHtml(marker, paragraphs),
      url: `https://example.org/${marker}`,
    });
    if (result.status !== 'duplicate') ack({ kind: 'clip', id: result.source.id, marker });
  };
  if (mode === 'large-clip' && canClip) {
    process.stdout.write(`${LARGE_CLIP_LINE}\n`);
    await clip(LARGE_CLIP_PARAGRAPHS);
  }

  for (let step = 0; ; step++) {
    const dice = next();
    if (dice < 0.3 || versions.size === 0) {
      // Title and content derive from the id, which the core assigns: create, then save version 2.
      const note = await notebook.createNote({ title: 'new' });
      versions.set(note.id, note.version);
      const saved = await notebook.updateNote({
        id: note.id,
        expectedVersion: note.version,
        title: noteTitle(note.id, note.version + 1),
        content: noteContent(note.id, note.version + 1),
      });
      versions.set(saved.id, saved.version);
      ack({ kind: 'note', id: saved.id, version: saved.version });
    } else if (dice < 0.8) {
      const ids = [...versions.keys()];
      const id = ids[Math.floor(next() * ids.length)]!;
      const version = versions.get(id)!;
      const saved = await notebook.updateNote({
        id: id as NoteId,
        expectedVersion: version,
        title: noteTitle(id, version + 1),
        content: noteContent(id, version + 1),
      });
      versions.set(id, saved.version);
      ack({ kind: 'note', id, version: saved.version });
    } else if (dice < 0.9) {
      const seed = Math.floor(next() * 2 ** 30);
      const count = 1 + Math.floor(next() * 3);
      fillNotebook(second, count, seed); // one transaction over ten tables
      ack({ kind: 'batch', seed, count });
    } else if (dice < 0.97 && canClip) {
      await clip();
    } else {
      const backup = await notebook.backupNow();
      ack({ kind: 'backup', name: backup.name });
    }
    // Let the event loop breathe so the parent's kill can land anywhere, including mid-backup.
    if (step % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `crash child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(3);
});
