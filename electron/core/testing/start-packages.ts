/**
 * Prints, as JSON, the packages (under node_modules) loaded once a notebook is open and has answered
 * the calls of the first screen. Run by lazy-start.test.ts in a process of its own, so nothing else
 * loaded them first.
 */
import Module from 'node:module';
import { Notebook } from '../notebook';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('Usage: start-packages.ts DATA_DIR');
const notebook = Notebook.open({ dataDir, host: 'cli' });
await notebook.getAppInfo();
const notes = await notebook.listNotes({ limit: 20 });
if (notes[0] !== undefined) await notebook.getNote(notes[0].id);
await notebook.close();

const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
const packages = new Set<string>();
for (const file of Object.keys(cache)) {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) continue;
  const [first, second] = file.slice(at + 'node_modules/'.length).split('/');
  packages.add(first!.startsWith('@') ? `${first}/${second}` : first!);
}
process.stdout.write(`${JSON.stringify([...packages].sort())}\n`);
