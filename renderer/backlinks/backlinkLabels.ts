/** Words for how a note points at a target, as the backlinks panel shows them. */
import type { Backlink } from '../../shared/areas/notes';

const KIND_WORDS: Readonly<Record<string, string>> = {
  note: 'links here',
  quote: 'quotes it',
  citation: 'cites it',
  paraphrase: 'paraphrases it',
  mention: 'mentions it',
  speaker: 'quotes them',
};

// A quote or paraphrase block also cites its source; "quotes it" says both, so "cites it" goes.
const IMPLIED_BY: Readonly<Record<string, readonly string[]>> = { citation: ['quote', 'paraphrase'] };

/** "links here · quotes it", in a stable order, without words another one already implies. */
export function describeKinds(kinds: readonly string[]): string {
  const present = new Set(kinds);
  return Object.keys(KIND_WORDS)
    .filter((kind) => present.has(kind))
    .filter((kind) => {
      const impliedBy = IMPLIED_BY[kind] ?? [];
      return !impliedBy.some((other) => present.has(other));
    })
    .map((kind) => KIND_WORDS[kind])
    .join(' · ');
}

/** The title a backlink shows: the note's title, or a stand-in for an untitled note. */
export function backlinkTitle(backlink: Pick<Backlink, 'title'>): string {
  return backlink.title.trim() === '' ? 'Untitled note' : backlink.title;
}
