/**
 * Prints, as JSON, the packages (under node_modules) loaded once a notebook is open and has answered
 * the calls of the first screen. Run by lazy-start.test.ts in a process of its own, so nothing else
 * loaded them first.
 */
import Module, { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

// ES modules are reported by a module hook (record-loads.mjs): only CommonJS files are in require's
// cache. The hook is registered before the notebook's modules are imported.
const esm = new Set<string>();
const { port1, port2 } = new MessageChannel();
let flushed: () => void = () => undefined;
port1.on('message', (message: string) => {
  if (message === 'flushed') flushed();
  else esm.add(message);
});
register('./record-loads.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
const { Notebook } = await import('../notebook');

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('Usage: start-packages.ts DATA_DIR');
const notebook = Notebook.open({ dataDir, host: 'cli' });
await notebook.getAppInfo();
const notes = await notebook.listNotes({ limit: 20 });
if (notes[0] !== undefined) await notebook.getNote(notes[0].id);
await notebook.close();
// Every report the hook sent before answering "flush" has arrived when the answer does.
await new Promise<void>((resolve) => {
  flushed = resolve;
  port1.postMessage('flush');
});
port1.close();

const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
const packages = new Set<string>();
for (const file of [...Object.keys(cache), ...esm]) {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) continue;
  const [first, second] = file.slice(at + 'node_modules/'.length).split('/');
  packages.add(first!.startsWith('@') ? `${first}/${second}` : first!);
}
process.stdout.write(`${JSON.stringify([...packages].sort())}\n`);
