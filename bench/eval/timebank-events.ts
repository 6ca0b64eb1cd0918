/**
 * TimeBank + AQUAINT (TempEval-3 training data) with their EVENT tags: the text of each document and
 * where each event word is, with its TimeML class (OCCURRENCE, REPORTING, STATE ...). Read-only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from './ecbplus-data';

/** One TimeML document's text and its EVENT words. */
export interface TimebankDoc {
  name: string;
  /** Document creation time, YYYY-MM-DD. */
  dct: string;
  text: string;
  events: Array<{ span: Span; cls: string }>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every TimeBank and AQUAINT document, sorted by name. */
export function loadTimebankEvents(dataDir: string): TimebankDoc[] {
  const root = join(dataDir, 'temporal/tempeval3/TBAQ-cleaned');
  const docs: TimebankDoc[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    for (const file of readdirSync(join(root, sub))
      .filter((f) => f.endsWith('.tml'))
      .sort()) {
      const source = readFileSync(join(root, sub, file), 'utf8');
      const dct = /<DCT>.*?value="(\d{4}-\d\d-\d\d)/s.exec(source)?.[1] ?? '2000-01-01';
      const body = source.split('<TEXT>')[1]?.split('</TEXT>')[0] ?? '';
      let text = '';
      const events: TimebankDoc['events'] = [];
      let open: { start: number; cls: string } | null = null;
      for (const m of body.matchAll(/<(\/?)(\w+)([^>]*)>|&(\w+);|([^<&]+)/g)) {
        if (m[5] !== undefined) text += m[5];
        else if (m[4] !== undefined) text += ENTITIES[m[4]] ?? m[0];
        else if (m[2] === 'EVENT' && m[1] === '') {
          open = { start: text.length, cls: /class="([^"]*)"/.exec(m[3] ?? '')?.[1] ?? '' };
        } else if (m[2] === 'EVENT' && open !== null) {
          events.push({ span: [open.start, text.length], cls: open.cls });
          open = null;
        }
      }
      docs.push({ name: `${sub}/${file}`, dct, text, events });
    }
  }
  return docs;
}
