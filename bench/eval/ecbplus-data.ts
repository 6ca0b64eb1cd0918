/**
 * Loader for ECB+ (../shared/data/events/ecbplus, CROMER XML; EVAL.md): each article's text built as
 * EVAL.md says (tokens joined by single spaces, one sentence a line), its mentions with character
 * spans, and the coreference chains (a chain's `instance_id` is shared across the articles of a topic).
 * Read-only: nothing from the data is copied into the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** [start, end) character offsets. */
export type Span = [number, number];

/** One annotated mention: its tag (ACTION_OCCURRENCE, TIME_DATE, HUMAN_PART_PER ...) and where it is. */
export interface EcbMention {
  id: number;
  type: string;
  span: Span;
  sentence: number;
  text: string;
  /** The coreference chain (instance id) the mention belongs to, or null. */
  chain: string | null;
}

/** One ECB+ article. */
export interface EcbDoc {
  /** File name without folder, e.g. "1_10ecbplus.xml". */
  name: string;
  topic: number;
  /** `ecb` (first seminal event of the topic) or `ecbplus` (second). */
  part: 'ecb' | 'ecbplus';
  /** The gold group: topic and part, e.g. "1/ecbplus". */
  group: string;
  text: string;
  /** Every sentence's [start, end) in `text`, by sentence number. */
  sentences: Span[];
  mentions: EcbMention[];
}

/** Event (action) mention tags: ACTION_* and NEG_ACTION_*. */
export const isAction = (type: string): boolean => /^(?:NEG_)?ACTION_/.test(type);

/** Actions that are happenings: not reporting verbs, not states (EVAL.md's event mentions). */
export const isHappening = (type: string): boolean => isAction(type) && !/_(?:REPORTING|STATE)$/.test(type);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text: string): string => text.replace(/&(\w+);/g, (m, name: string) => ENTITIES[name] ?? m);

/** Parses one CROMER XML file. */
export function parseEcbDoc(name: string, xml: string): EcbDoc {
  const topic = Number(/^(\d+)_/.exec(name)?.[1] ?? 0);
  const part = name.includes('ecbplus') ? 'ecbplus' : 'ecb';
  const tokens = new Map<number, { sentence: number; start: number; end: number }>();
  const bySentence = new Map<number, { id: number; word: string }[]>();
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)) {
    const sentence = Number(m[2]);
    const list = bySentence.get(sentence) ?? [];
    list.push({ id: Number(m[1]), word: unescape(m[3] ?? '') });
    bySentence.set(sentence, list);
  }
  let text = '';
  const sentences: Span[] = [];
  for (const number of [...bySentence.keys()].sort((a, b) => a - b)) {
    if (text !== '') text += '\n';
    const start = text.length;
    for (const [i, token] of (bySentence.get(number) ?? []).entries()) {
      if (i > 0) text += ' ';
      tokens.set(token.id, { sentence: number, start: text.length, end: text.length + token.word.length });
      text += token.word;
    }
    sentences[number] = [start, text.length];
  }
  const markables = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  const chainOf = new Map<number, string>();
  const relations = xml.slice(xml.indexOf('<Relations>'));
  for (const r of relations.matchAll(
    /<(?:CROSS|INTRA)_DOC_COREF r_id="\d+"([^>]*)>([\s\S]*?)<\/(?:CROSS|INTRA)_DOC_COREF>/g,
  )) {
    const body = r[2] ?? '';
    const target = /<target m_id="(\d+)"/.exec(body)?.[1];
    const note = /note="([^"]*)"/.exec(r[1] ?? '')?.[1];
    const chain = note ?? (target === undefined ? undefined : `${name}#${target}`);
    if (chain === undefined) continue;
    for (const s of body.matchAll(/<source m_id="(\d+)"/g)) chainOf.set(Number(s[1]), chain);
  }
  const mentions: EcbMention[] = [];
  for (const m of markables.matchAll(/<([A-Z_]+) m_id="(\d+)"[^>]*?(\/?)>([\s\S]*?)(?=<[A-Z_]+ m_id=|$)/g)) {
    if (m[3] === '/') continue; // an instance (chain head) without tokens
    const anchors = [...(m[4] ?? '').matchAll(/t_id="(\d+)"/g)]
      .map((a) => tokens.get(Number(a[1])))
      .filter((t) => t !== undefined);
    if (anchors.length === 0) continue;
    const start = Math.min(...anchors.map((t) => t.start));
    const end = Math.max(...anchors.map((t) => t.end));
    const id = Number(m[2]);
    mentions.push({
      id,
      type: m[1] ?? '',
      span: [start, end],
      sentence: anchors[0]!.sentence,
      text: text.slice(start, end),
      chain: chainOf.get(id) ?? null,
    });
  }
  mentions.sort((a, b) => a.span[0] - b.span[0]);
  return { name, topic, part, group: `${topic}/${part}`, text, sentences, mentions };
}

/**
 * ECB+'s usual development topics (Cybulska and Vossen 2015, as in later cross-document coreference
 * work; its test topics 36-45 are not in ../shared/data). Models learn from the other topics of 1-35 and
 * choose their settings by cross-validation there; these are measured once, in `npm run eval`.
 */
export const ECB_DEV_TOPICS: readonly number[] = [2, 5, 12, 18, 21, 23, 34, 35];

/** Whether a topic is a training topic (1-35 outside {@link ECB_DEV_TOPICS}). */
export const isEcbTrainTopic = (topic: number): boolean => !ECB_DEV_TOPICS.includes(topic);

/** The articles of ECB+ topics `from`..`to` (EVAL.md: 1-35), in topic then file-name order. */
export function loadEcbPlus(dataDir: string, from = 1, to = 35): EcbDoc[] {
  const root = join(dataDir, 'events/ecbplus');
  const docs: EcbDoc[] = [];
  const topics = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((t) => t >= from && t <= to)
    .sort((a, b) => a - b);
  for (const topic of topics) {
    const files = readdirSync(join(root, String(topic)))
      .filter((f) => f.endsWith('.xml'))
      .sort((a, b) => {
        const key = (f: string): [number, number] => [
          f.includes('ecbplus') ? 1 : 0,
          Number(/_(\d+)ecb/.exec(f)?.[1] ?? 0),
        ];
        const [pa, na] = key(a);
        const [pb, nb] = key(b);
        return pa - pb || na - nb;
      });
    for (const file of files)
      docs.push(parseEcbDoc(file, readFileSync(join(root, String(topic), file), 'utf8')));
  }
  return docs;
}
