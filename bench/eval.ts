/**
 * `npm run eval`: clipping and extraction quality on the evaluation data beside the checkout
 * (`../shared/data`, or `$DOSSIER_EVAL_DATA`), with the exact metrics of EVAL.md. Prints the tables and
 * writes them to bench/results/eval.md. `npm run eval -- clipping` (or `extraction`, `ner`, `speakers`, `events`)
 * runs one part and replaces only its sections in the file (see eval/report.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { evaluateClipping } from './eval/clipping';
import { evaluateEvents } from './eval/events';
import { evaluateExtraction } from './eval/extraction';
import { evaluateNer } from './eval/ner';
import { evalReport, type RenderedSection } from './eval/report';
import { evaluateSpeakers } from './eval/speakers';
import type { EvalSection } from './eval/types';

const dataDir = resolve(
  process.env.DOSSIER_EVAL_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data'),
);

const PARTS: Record<string, (dir: string) => Promise<EvalSection[]>> = {
  clipping: evaluateClipping,
  extraction: evaluateExtraction,
  ner: evaluateNer,
  speakers: evaluateSpeakers,
  events: evaluateEvents,
};

function renderSection(section: EvalSection): string {
  const lines = [
    `## ${section.title}`,
    '',
    `| ${section.columns.join(' | ')} |`,
    `|${section.columns.map(() => '---').join('|')}|`,
    ...section.rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
  if (section.notes?.length) lines.push('', ...section.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

if (!existsSync(dataDir)) {
  console.log(
    `No evaluation data at ${dataDir}: set DOSSIER_EVAL_DATA to the folder holding EVAL.md's data.`,
  );
  process.exit(0);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Choose from: ${Object.keys(PARTS).join(', ')}.`);
  process.exit(2);
}
const names = wanted.length > 0 ? wanted : Object.keys(PARTS);
const rendered: RenderedSection[] = [];
for (const name of names) {
  console.error(`Evaluating ${name}...`);
  for (const section of await PARTS[name]!(dataDir)) {
    const text = renderSection(section);
    console.log(`${text}\n`);
    rendered.push({ title: section.title, text });
  }
}
const run = `Run ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} cores; data: \`${dataDir}\`.\nCommand: \`npm run eval${wanted.length ? ` -- ${wanted.join(' ')}` : ''}\`.`;
const file = join(import.meta.dirname, 'results', 'eval.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : null;
writeFileSync(file, evalReport(previous, run, rendered, wanted.length > 0));
