/**
 * Loaders for the extraction evaluation data (formats in ../shared/EVAL.md): PolNeAR brat standoff,
 * and TempEval-3 TimeML (CoNLL-2003: ../train/ner/conll.ts). Read-only; nothing is copied into the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** [start, end) character offsets. */
export type Span = [number, number];

/** Whether two [start, end) spans share a character. */
export const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

/** One PolNeAR attribution: where its source, cue and content are (segments of discontinuous spans). */
export interface PolnearAttribution {
  source: { segments: Span[]; text: string } | null;
  content: { segments: Span[]; text: string } | null;
}

/** One annotated PolNeAR text. */
export interface PolnearDoc {
  name: string;
  text: string;
  attributions: PolnearAttribution[];
}

interface BratSpan {
  segments: Span[];
  text: string;
}

function parseAnn(source: string): PolnearAttribution[] {
  const spans = new Map<string, BratSpan>();
  const events: Array<Record<string, string>> = [];
  let last: BratSpan | null = null;
  for (const line of source.split('\n')) {
    const t = /^(T\d+)\t\S+ ([\d ;]+)\t(.*)$/.exec(line);
    if (t !== null) {
      const segments = (t[2] as string).split(';').map((s) => s.trim().split(' ').map(Number) as Span);
      last = { segments, text: t[3] as string };
      spans.set(t[1] as string, last);
    } else if (/^E\d+\t/.test(line)) {
      const args: Record<string, string> = {};
      for (const arg of line.split('\t')[1]?.trim().split(/\s+/) ?? []) {
        const [key, value] = arg.split(':');
        if (key !== undefined && value !== undefined) args[key.replace(/\d+$/, '')] = value;
      }
      events.push(args);
      last = null;
    } else if (line.startsWith('#')) {
      last = null;
    } else if (last !== null && line !== '') {
      // Covered text with a newline continues on the next physical line.
      last.text += `\n${line}`;
    }
  }
  return events.map((e) => ({
    source: (e.Source === undefined ? null : spans.get(e.Source)) ?? null,
    content: (e.Content === undefined ? null : spans.get(e.Content)) ?? null,
  }));
}

/** PolNeAR texts of one split, each with its first annotator's attributions (one file per text). */
export function loadPolnear(dataDir: string, split: 'dev' | 'train'): PolnearDoc[] {
  const root = join(dataDir, 'quotes/polnear/data', split);
  const files = readdirSync(join(root, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const seen = new Set<string>();
  const docs: PolnearDoc[] = [];
  for (const file of files) {
    const base = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    docs.push({
      name: base,
      text: readFileSync(join(root, 'text', `${base}.txt`), 'utf8'),
      attributions: parseAnn(readFileSync(join(root, 'attributions', file), 'utf8')),
    });
  }
  return docs;
}

const QUOTE_MARK = /["“”‘]|(?<!\p{L})’|’(?!\p{L})/u;

/** EVAL.md's direct quote: the content contains a quotation mark or is wrapped by one. */
export function isDirectQuote(text: string, attribution: PolnearAttribution): boolean {
  const content = attribution.content;
  if (content === null) return false;
  if (content.segments.some(([a, b]) => QUOTE_MARK.test(text.slice(a, b)))) return true;
  const start = content.segments[0]?.[0] ?? 0;
  const end = content.segments[content.segments.length - 1]?.[1] ?? 0;
  return QUOTE_MARK.test(text[start - 1] ?? '') || QUOTE_MARK.test(text[end] ?? '');
}

/** A TempEval-3 document: plain text, creation date and gold TIMEX3s with offsets into the text. */
export interface TimemlDoc {
  name: string;
  dct: string;
  text: string;
  timexes: Array<{ span: Span; type: string; value: string }>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The TempEval-3 training documents (TimeBank and AQUAINT). */
export function loadTempeval(dataDir: string): TimemlDoc[] {
  const root = join(dataDir, 'temporal/tempeval3/TBAQ-cleaned');
  const docs: TimemlDoc[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    for (const file of readdirSync(join(root, sub)).filter((f) => f.endsWith('.tml'))) {
      const source = readFileSync(join(root, sub, file), 'utf8');
      const dct = /<DCT>.*?value="(\d{4}-\d\d-\d\d)/s.exec(source)?.[1] ?? '2000-01-01';
      const body = source.split('<TEXT>')[1]?.split('</TEXT>')[0] ?? '';
      let text = '';
      const timexes: TimemlDoc['timexes'] = [];
      let open: { start: number; type: string; value: string } | null = null;
      for (const m of body.matchAll(/<(\/?)(\w+)([^>]*)>|&(\w+);|([^<&]+)/g)) {
        if (m[5] !== undefined) text += m[5];
        else if (m[4] !== undefined) text += ENTITIES[m[4]] ?? m[0];
        else if (m[2] === 'TIMEX3' && m[1] === '') {
          const attr = (name: string): string => new RegExp(`${name}="([^"]*)"`).exec(m[3] ?? '')?.[1] ?? '';
          open = { start: text.length, type: attr('type'), value: attr('value') };
        } else if (m[2] === 'TIMEX3' && open !== null) {
          timexes.push({ span: [open.start, text.length], type: open.type, value: open.value });
          open = null;
        }
      }
      docs.push({ name: `${sub}/${file}`, dct, text, timexes });
    }
  }
  return docs;
}
