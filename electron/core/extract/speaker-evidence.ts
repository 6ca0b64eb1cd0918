/**
 * A quote's "why" in plain words: the two or three features that counted most for the chosen speaker
 * (largest weights among the features it has), each described as a reader would say it.
 */

const KIND: Record<string, string> = {
  name: 'a name',
  pronoun: 'a pronoun',
  description: 'a description',
  capitalized: 'a capitalised name',
  phrase: 'a phrase',
  relative: '“who”',
};

const SIDE: Record<string, string> = {
  before: 'before the quote',
  after: 'after the quote',
  inside: 'inside the quote',
};

const SENTENCE: Record<string, string> = {
  '0': 'in the same sentence',
  '-1': 'in the sentence before',
  '-2': 'two sentences before',
  '1': 'in the next sentence',
  '2': 'two sentences after',
};

const CUE: Record<string, string> = {
  said: '“said”',
  told: '“told”',
  according: '“according to”',
  called: '“called”',
  wrote: '“wrote”',
  asked: '“asked”',
  participle: 'a verb like “saying”',
  other: 'a verb of saying',
};

const RULE: Record<string, string> = {
  'after-cue-speaker': 'the pattern “…,” said X',
  'after-speaker-cue': 'the pattern “…,” X said',
  'after-dash': 'a dash byline after the quote (“…” ― X)',
  'later-speaker-cue': '“X said” later in the sentence',
  'after-cue-phrase': 'a verb of saying and the speaker after the quote',
  'after-phrase-verb': 'the speaker and a verb right after the quote',
  before: '“X said” before the quote',
  'before-participle': 'a participle (“saying”) after the speaker',
  'before-cue-speaker': '“said X” or “according to X” before the quote',
  'later-according': '“according to X” after the quote',
  'possessive-words': 'the speaker’s words named (“X’s claim”)',
  'previous-sentence': 'the sentence before ends with “X said”',
  'headline-subject': 'the headline’s subject',
  label: 'a speaker label (“X: …”)',
  'sentence-subject': 'the subject of the quote’s sentence',
};

const ORDINAL = ['', 'the nearest', 'the second nearest', 'the third nearest', 'a farther'];

/** Plain words for one feature, or null for features too technical to show. */
export function describeFeature(feature: string): string | null {
  const [template = '', a = '', b = '', c = ''] = feature.split('|');
  switch (template) {
    case 'kind-side-sentence':
      return `${KIND[a] ?? 'a phrase'} ${SIDE[b] ?? ''}, ${SENTENCE[c] ?? 'nearby'}`;
    case 'side-rank':
      return `${ORDINAL[Number(b)] ?? 'a'} candidate ${SIDE[a] ?? 'near the quote'}`;
    case 'cue-after':
      return `followed by ${CUE[b] ?? 'a verb of saying'}${a === 'appos' ? ' after a comma phrase' : ''}`;
    case 'cue-after-side':
    case 'cue-after-kind':
      return `followed by a verb of saying`;
    case 'cue-before':
    case 'cue-before-side':
    case 'cue-before-kind':
      return a.startsWith('prep-') ? null : `right after ${CUE[a] ?? CUE[b] ?? 'a verb of saying'}`;
    case 'subject':
    case 'subject-side':
      return 'the subject of its sentence';
    case 'rule':
    case 'rule-side':
      return RULE[a] === undefined ? null : `rule: ${RULE[a]}`;
    case 'cascade':
    case 'cascade-kind':
      return 'the hand-written rules pick it';
    case 'same-as-previous':
      return 'also the previous quote’s speaker';
    case 'previous':
    case 'previous-where':
    case 'previous-where-starts':
    case 'previous-cascade':
    case 'previous-own':
      return 'continues the previous quote (no other speaker nearby)';
    case 'resolved':
      return b === 'true' ? `${KIND[a] ?? 'a phrase'} that refers to a person named in the article` : null;
    case 'pronoun':
      return c === 'true' ? `“${a}” refers to a person named in the article` : null;
    case 'next-word':
    case 'next-word-side':
      return `followed by “${a}”`;
    case 'prev-word':
      return `right after “${a}”`;
    case 'description':
      return c === 'apposition' ? 'a description set beside a name (“X, a former judge,”)' : null;
    case 'label-shape':
      return 'a speaker label (“X: …”)';
    case 'head':
      return a === '' ? null : `a phrase ending in “${a}”`;
    case 'mentions':
      return a === '1' ? null : 'named several times in the article';
    case 'between':
      return b === 'none' ? null : `${CUE[b] ?? 'a verb of saying'} between it and the quote`;
    default:
      return null;
  }
}

/**
 * The evidence for a chosen option: its features with the largest positive weights, described, without
 * repeating a description; at most `count`.
 */
export function evidenceFor(
  features: readonly string[],
  weight: (feature: string) => number,
  count = 3,
): string[] {
  const ranked = features
    .map((f) => ({ f, w: weight(f) }))
    .filter((x) => x.w > 0)
    .sort((x, y) => y.w - x.w || (x.f < y.f ? -1 : 1));
  const out: string[] = [];
  for (const { f } of ranked) {
    const words = describeFeature(f);
    if (words === null || out.includes(words)) continue;
    out.push(words);
    if (out.length === count) break;
  }
  return out;
}
