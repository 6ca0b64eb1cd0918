/** CoNLL-2003 files (token POS chunk NER per line, IOB2, -DOCSTART- between documents) as documents. */
import { readFileSync } from 'node:fs';
import { LABELS } from '../../../electron/core/extract/ner/decode';

/** One sentence: its tokens and their gold label ids (see decode.ts). */
export interface ConllSentence {
  words: string[];
  labels: Int32Array;
}

/** One document: its sentences in order. */
export interface ConllDocument {
  sentences: ConllSentence[];
}

/** Reads a CoNLL-2003 file; IOB1 "I-X" at an entity's start is read as "B-X". */
export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length === 0) return;
    const labels = new Int32Array(words.length);
    tags.forEach((tag, i) => {
      let label = tag;
      const prev = i > 0 ? (tags[i - 1] as string) : 'O';
      if (tag.startsWith('I-') && prev.slice(2) !== tag.slice(2)) label = `B-${tag.slice(2)}`;
      const id = LABELS.indexOf(label);
      if (id < 0) throw new Error(`${file}: unknown tag ${tag}`);
      labels[i] = id;
    });
    if (docs.length === 0) docs.push({ sentences: [] });
    docs[docs.length - 1]?.sentences.push({ words, labels });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      docs.push({ sentences: [] });
    } else if (line.trim() === '') flush();
    else {
      const cols = line.trim().split(' ');
      words.push(cols[0] as string);
      tags.push(cols[cols.length - 1] as string);
    }
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}
