/**
 * A host that is killed mid-session, for the lost-log tests: `node --import tsx hold-open.ts DIR TITLE`
 * starts a NotebookSession on DIR, saves a note titled TITLE, prints "saved" once the save committed,
 * and then waits to be killed (SIGKILL: no close, no checkpoint, the marker and the -wal stay).
 */
import { NotebookSession } from '../session';

const [dataDir, title] = process.argv.slice(2);
if (dataDir === undefined || title === undefined) throw new Error('usage: hold-open.ts DIR TITLE');
const session = NotebookSession.start({ dataDir, host: 'test' });
await session.createNote({ title });
process.stdout.write('saved\n');
setInterval(() => undefined, 60_000);
