/**
 * The speaker ranker's features, shared by training (bench/train/speakers.ts) and extraction, so the
 * two cannot drift. A feature is a string: a template name and its value(s), e.g. "cue-after|said" or
 * "kind-side-sentence|name|after|0". The ranker learns one weight per string; {@link describeFeature}
 * turns the strongest ones into the plain words of a quote's "why".
 */
import { lexiconTag, SPEECH_CUES, TITLES, wordClass } from './lexicon';
import type { Candidate, QuoteCandidates, SpeakerContext } from './speaker-candidates';
import { sentenceOf } from './speaker-candidates';
import { lowerBound } from './text';
import type { Token } from './tokens';

/** Where a candidate stands among the candidates on its side of the quote, nearest first (1 = nearest). */
export interface CandidateRank {
  /** Among all candidates on that side. */
  side: number;
  /** Among those that refer to a named person (0 when this one does not). */
  person: number;
}

/** The quote-level facts every candidate's features are conjoined with. */
export interface QuoteFacts {
  /** Word count bucket of the quoted words. */
  length: string;
  /** The quote opens its paragraph. */
  opensParagraph: boolean;
  /** The quote is its whole paragraph (a continuation of the previous speaker, often). */
  wholeParagraph: boolean;
  /** The last characters inside the closing mark: ",", "?", "!", "." or "" (runs on). */
  ending: string;
  /** Position of the quote's paragraph: headline (0), or later. */
  headline: boolean;
  /** The quoted words start with a capital (a whole sentence rather than a phrase). */
  capitalized: boolean;
  /** The text between the sentence start and the opening mark is empty. */
  startsSentence: boolean;
}

// Single-word cues, lower-cased; "according to" and "told reporters" are matched by their first word.
const CUE_WORDS = new Set(
  SPEECH_CUES.filter((c) => !c.includes(' ') && /^[a-z]+$/.test(c)).concat(['according', 'said', 'says']),
);
// Words that may stand between a speaker and its verb: "Trump later said", "she has repeatedly said".
const BETWEEN_WORDS = new Set(
  'later also then again once earlier has had have would will previously recently still even never just now often always has once first'.split(
    ' ',
  ),
);
const PREPOSITIONS = new Set('of to by with for at in on from about against like than over into'.split(' '));

/** The class of a cue word, few enough to learn weights for each. */
function cueClass(word: string): string {
  if (word === 'said' || word === 'says' || word === 'say' || word === 'saying') return 'said';
  if (word === 'told' || word === 'tells' || word === 'tell' || word === 'telling') return 'told';
  if (word === 'according') return 'according';
  if (word === 'called' || word === 'calls' || word === 'calling' || word === 'dubbed' || word === 'labeled')
    return 'called';
  if (word === 'wrote' || word === 'writes' || word === 'tweeted' || word === 'posted') return 'wrote';
  if (word === 'asked' || word === 'asks' || word === 'asking') return 'asked';
  if (word.endsWith('ing')) return 'participle';
  return 'other';
}

function bucket(n: number, edges: readonly number[]): string {
  for (const edge of edges) if (n <= edge) return String(edge);
  return `${edges[edges.length - 1] ?? 0}+`;
}

/** The quote-level facts of one quote. */
export function quoteFacts(ctx: SpeakerContext, q: QuoteCandidates): QuoteFacts {
  const { text } = ctx;
  const { quote } = q;
  const words = text.slice(quote.span[0], quote.span[1]).split(/\s+/).length;
  const [paraStart, paraEnd] = q.window.paragraph;
  const sentence = ctx.layout.sentences[q.window.openSentence];
  const inner = text.slice(Math.max(quote.span[0], quote.span[1] - 1), quote.span[1]);
  return {
    length: bucket(words, [1, 2, 3, 5, 8, 15, 30]),
    opensParagraph: quote.open === paraStart,
    wholeParagraph: quote.open === paraStart && quote.close >= paraEnd - 2,
    ending: quote.closed ? (/[,?!.:;—–-]/.test(inner) ? inner.replace(/[—–]/, '-') : 'word') : 'open',
    headline: quote.paragraph === 0,
    capitalized: /^\p{Lu}/u.test(text.slice(quote.span[0], quote.span[0] + 1)),
    startsSentence:
      text.slice(Math.max(sentence?.start ?? paraStart, q.window.start), quote.open).trim() === '',
  };
}

function tokenIndex(tokens: readonly Token[], offset: number): number {
  return lowerBound(tokens, offset, (t) => t.start);
}

/** A cue verb right after the candidate ("X said", "X, a former judge, said", "X later told"). */
function cueAfter(ctx: SpeakerContext, c: Candidate): string | null {
  const { text, tokens } = ctx;
  let i = tokenIndex(tokens, c.span[1]);
  let skipped = 0;
  const gap = text.slice(c.span[1], tokens[i]?.start ?? c.span[1]);
  if (/^,\s/.test(gap)) {
    // An apposition: skip to the next comma within a few words.
    const close = text.indexOf(',', c.span[1] + 1);
    if (close === -1 || close - c.span[1] > 90 || /[“”".;:!?]/.test(text.slice(c.span[1] + 1, close)))
      return null;
    i = tokenIndex(tokens, close);
    skipped = 1;
  } else if (!/^\s*$/.test(gap)) return null;
  for (let k = 0; k < 3; k++) {
    const word = tokens[i + k]?.text.toLowerCase() ?? '';
    if (CUE_WORDS.has(word)) return `${skipped > 0 ? 'appos' : k === 0 ? 'adj' : 'aux'}|${cueClass(word)}`;
    if (!(BETWEEN_WORDS.has(word) || word.endsWith('ly'))) return null;
  }
  return null;
}

/** A cue verb right before the candidate ("said X", "according to X", "told X"). */
function cueBefore(ctx: SpeakerContext, c: Candidate): string | null {
  const { text, tokens } = ctx;
  const i = tokenIndex(tokens, c.span[0]) - 1;
  const prev = tokens[i];
  if (prev === undefined || !/^\s*$/.test(text.slice(prev.end, c.span[0]))) return null;
  const word = prev.text.toLowerCase();
  if (word === 'to' && tokens[i - 1]?.text.toLowerCase() === 'according') return 'according';
  if (CUE_WORDS.has(word)) return cueClass(word);
  if (PREPOSITIONS.has(word)) return `prep-${word}`;
  return null;
}

/** Where the candidate stands relative to the quote's marks. */
function sideOf(q: QuoteCandidates, c: Candidate): 'before' | 'after' | 'inside' {
  if (c.span[1] <= q.quote.open) return 'before';
  if (c.span[0] >= q.quote.close) return 'after';
  return 'inside';
}

/** Words (tokens) between the candidate and the nearer mark, as a bucket. */
function tokenGap(ctx: SpeakerContext, q: QuoteCandidates, c: Candidate, side: string): string {
  const [a, b] =
    side === 'before' ? [c.span[1], q.quote.open] : side === 'after' ? [q.quote.close, c.span[0]] : [0, 0];
  if (b <= a) return '0';
  return bucket(tokenIndex(ctx.tokens, b) - tokenIndex(ctx.tokens, a), [0, 1, 2, 4, 8, 16, 32]);
}

/**
 * A long stretch between a candidate and the marks with its middle left out: the words next to either
 * end are what the features read, and one endless sentence would otherwise have every candidate of
 * every quote rescan it (quadratic on a text without full stops).
 */
function clipMiddle(stretch: string): string {
  return stretch.length <= 400 ? stretch : `${stretch.slice(0, 200)} … ${stretch.slice(-200)}`;
}

/** The class of the last cue word in a stretch of text, or "none". */
function cueIn(stretch: string): string {
  const words = stretch.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--)
    if (CUE_WORDS.has(words[i] as string)) return cueClass(words[i] as string);
  return 'none';
}

/** The lower-case word right after (`step` 1) or before (-1) an offset, when only a space separates it. */
function wordAt(ctx: SpeakerContext, offset: number, step: 1 | -1): string | null {
  const { tokens, text } = ctx;
  const i = tokenIndex(tokens, offset) + (step === 1 ? 0 : -1);
  const token = tokens[i];
  if (token === undefined) return null;
  const gap = step === 1 ? text.slice(offset, token.start) : text.slice(token.end, offset);
  if (!/^\s{0,2}$/.test(gap) || !/^\p{L}+$/u.test(token.text)) return null;
  return token.text.toLowerCase();
}

/**
 * The signs between a candidate and the marks when nothing else stands there: "X: “", "X, “", "” — X",
 * a quote paragraph then "- X" on the next line ("¶-"). Null when words stand between them.
 */
function gapSigns(ctx: SpeakerContext, q: QuoteCandidates, c: Candidate, side: string): string | null {
  const [a, b] =
    side === 'before' ? [c.span[1], q.quote.open] : side === 'after' ? [q.quote.close, c.span[0]] : [0, -1];
  if (b < a || b - a > 12) return null;
  const gap = ctx.text.slice(a, b);
  if (/[\p{L}\p{N}]/u.test(gap)) return null;
  return (
    gap
      .replace(/\s*\n\s*/g, '¶')
      .replace(/\s+/g, '')
      .replace(/[―—–-]+/g, '-') || 'space'
  );
}

// Endings of nouns that name a person or a group of people: "pollster", "senator", "economist",
// "spokeswoman", "officials", "supporters".
const AGENT_ENDING = /(?:er|or|ist|ian|man|men|woman|women|person|people|ee|ant|ent|ive|crat|aide|ess)s?$/;

/**
 * What the head word of a description or a capitalised phrase says about it: a title ("the senator"),
 * a word the lexicon knows for a person ("the critic"), a person-like ending ("the pollster"), or the
 * word's class when it reads as a verb or another word ("The fight comes", "Indeed").
 */
function headClass(phrase: string): string {
  const words = phrase.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  // The head is the last word before a verb the phrase ran into ("the judge exclaimed").
  let head = words.length - 1;
  while (head > 0 && /^(?:past|present|verb|ed|ing|adv|ly)$/.test(wordClass(words[head] as string))) head--;
  const word = words[head] ?? '';
  const ranInto = head < words.length - 1 ? '+verb' : '';
  if (TITLES.has(word)) return `title${ranInto}`;
  const tag = lexiconTag(word) ?? '';
  if (/Actor|Person|FirstName|LastName|Honorific/.test(tag)) return `person${ranInto}`;
  if (/Organization|Country|Place|City|Region/.test(tag)) return `org-place${ranInto}`;
  if (AGENT_ENDING.test(word) && !/Verb|Tense|Infinitive|Adjective/.test(tag)) return `agent${ranInto}`;
  return `${wordClass(word)}${ranInto}`;
}

/**
 * "Topic - Name: “…”", "PENCE: “…”": the candidate stands at a line, sentence or dash start and only a
 * colon separates it from the opening mark, the shape of a speaker label.
 */
function labelShape(ctx: SpeakerContext, q: QuoteCandidates, c: Candidate): boolean {
  const { text } = ctx;
  if (c.span[1] > q.quote.open || !/^:\s*$/.test(text.slice(c.span[1], q.quote.open))) return false;
  return /(?:^|[\n.!?]["”’)]?|[-―—–])\s*$/.test(text.slice(Math.max(0, c.span[0] - 4), c.span[0]));
}

/** The quote opens its paragraph and the paragraph above, ending in a colon, holds the candidate. */
function introducedAbove(ctx: SpeakerContext, q: QuoteCandidates, c: Candidate): boolean {
  const above = ctx.layout.paragraphs[q.quote.paragraph - 1];
  return (
    above !== undefined &&
    q.quote.open === q.window.paragraph[0] &&
    c.span[0] >= above[0] &&
    c.span[1] <= above[1] &&
    ctx.text[above[1] - 1] === ':'
  );
}

/** The candidate is the first phrase of its sentence (after a leading "On Monday," or "But"). */
function isSubject(ctx: SpeakerContext, c: Candidate): boolean {
  const sentence = ctx.layout.sentences[sentenceOf(ctx.layout, c.span[0])];
  if (sentence === undefined) return false;
  const before = ctx.text.slice(sentence.start, c.span[0]);
  if (before.trim() === '') return true;
  // Only a short lead-in can end in ", " before a subject; not scanning long ones keeps a text of one
  // endless sentence linear.
  if (before.length >= 120) return false;
  const clause = before.lastIndexOf(', ');
  return clause !== -1 && before.length - clause <= 3 && !/[“”"]/.test(before);
}

/**
 * The features of candidate `c` of quote `q`. `previousPerson` is the speaker chosen for the quote
 * before (null when unknown).
 */
export function candidateFeatures(
  ctx: SpeakerContext,
  q: QuoteCandidates,
  facts: QuoteFacts,
  c: Candidate,
  rank: CandidateRank,
  previousSpeaker: string | null,
): string[] {
  const { text, layout } = ctx;
  const side = sideOf(q, c);
  const anchor = side === 'before' ? q.window.openSentence : q.window.closeSentence;
  const sentenceDelta = Math.max(-2, Math.min(2, sentenceOf(layout, c.span[0]) - anchor));
  const paragraph = layout.sentences[sentenceOf(layout, c.span[0])]?.paragraph ?? q.quote.paragraph;
  const samePara =
    paragraph === q.quote.paragraph ? 'same' : paragraph < q.quote.paragraph ? 'above' : 'below';
  const gap = tokenGap(ctx, q, c, side);
  const after = cueAfter(ctx, c);
  const before = cueBefore(ctx, c);
  const subject = isSubject(ctx, c);
  const kind = c.kind;
  const phrase = text.slice(c.span[0], c.span[1]);
  const next = text.slice(c.span[1], c.span[1] + 2);
  const inWindow = c.span[0] >= q.window.start && c.span[1] <= q.window.end;
  const f: string[] = [
    `kind|${kind}`,
    `kind-side-sentence|${kind}|${side}|${sentenceDelta}`,
    `kind-side-gap|${kind}|${side}|${gap}`,
    `side-rank|${side}|${Math.min(rank.side, 4)}`,
    `side-paragraph|${side}|${samePara}`,
    `kind-window|${kind}|${inWindow}`,
    `side-ending|${side}|${facts.ending}`,
    `side-length|${side}|${facts.length}`,
    `side-starts|${side}|${facts.startsSentence}|${facts.opensParagraph}`,
    `side-capital|${side}|${facts.capitalized}|${kind}`,
  ];
  if (after !== null)
    f.push(
      `cue-after|${after}`,
      `cue-after-side|${after}|${side}`,
      `cue-after-kind|${kind}|${after.split('|')[0]}`,
    );
  if (before !== null)
    f.push(`cue-before|${before}`, `cue-before-side|${before}|${side}`, `cue-before-kind|${kind}|${before}`);
  if (subject) f.push(`subject|${kind}`, `subject-side|${side}|${sentenceDelta}`);
  if (sentenceDelta === 0 && side !== 'inside') {
    // What stands between the candidate and the marks: a verb of saying, "that", other quotes.
    const between = clipMiddle(
      side === 'before' ? text.slice(c.span[1], q.quote.open) : text.slice(q.quote.close, c.span[0]),
    );
    const cue = cueIn(between);
    f.push(`between|${side}|${cue}|${kind}`, `between-that|${side}|${/\bthat\b/.test(between)}`);
    f.push(`between-commas|${side}|${Math.min(2, (between.match(/,/g) ?? []).length)}`);
  }
  const nextWord = wordAt(ctx, c.span[1], 1);
  const prevWord = wordAt(ctx, c.span[0], -1);
  if (nextWord !== null) {
    f.push(`next-class|${wordClass(nextWord)}|${side}|${kind}|${sentenceDelta}`);
  }
  if (prevWord !== null) f.push(`prev-class|${wordClass(prevWord)}|${side}|${kind}`);
  if (kind === 'pronoun') f.push(`pronoun|${phrase.toLowerCase()}|${c.person !== null}`);
  if (kind === 'description' || kind === 'name' || kind === 'capitalized' || kind === 'relative')
    f.push(`resolved|${kind}|${c.person !== null}`);
  if (kind === 'description') f.push(`description|${/s$/.test(phrase) ? 'plural' : 'single'}|${c.via}`);
  // The words around it, so training learns which verbs report speech ("X tweeted", "X joked") and
  // which heads name a source ("the statement", "a spokesman").
  if (nextWord !== null) f.push(`next-word|${nextWord}`, `next-word-side|${nextWord}|${side}`);
  if (prevWord !== null) f.push(`prev-word|${prevWord}`);
  if (kind === 'description' || kind === 'capitalized' || kind === 'phrase')
    f.push(`head|${(/[\p{L}]+$/u.exec(phrase)?.[0] ?? '').toLowerCase()}`);
  if (/^[’']s/.test(next)) f.push('possessive');
  else if (/^\s*\(/.test(next)) f.push('parenthesis-after');
  if (c.person !== null) {
    f.push(`mentions|${bucket(c.person.mentionCount, [1, 2, 4, 8])}`);
    f.push(`salience|${Math.min(c.person.salience, 3)}|${kind}`);
    f.push(`person-rank|${side}|${Math.min(rank.person, 3)}|${sentenceDelta}`);
  }
  const signs = gapSigns(ctx, q, c, side);
  if (signs !== null) f.push(`gap|${side}|${signs}`, `gap-kind|${side}|${signs}|${kind}`);
  if (kind === 'description' || kind === 'capitalized' || kind === 'phrase') {
    const head = headClass(phrase);
    f.push(`head-class|${kind}|${head}`, `head-class-side|${head}|${side}`);
  }
  if (introducedAbove(ctx, q, c)) f.push(`intro-colon|${kind}|${subject}`);
  if (labelShape(ctx, q, c)) f.push('label-shape', `label-shape|${kind}`);
  for (const rule of c.rules) f.push(`rule|${rule}`, `rule-side|${rule}|${side}`);
  for (const rule of c.nearRules) f.push(`near-rule|${rule}`);
  if (c.cascade) f.push('cascade', `cascade-kind|${kind}`);
  if (c.rules.length === 0 && c.nearRules.length === 0) f.push(`no-rule|${kind}`);
  if (previousSpeaker !== null && c.speaker === previousSpeaker)
    f.push('same-as-previous', `same-as-previous|${side}|${sentenceDelta}`);
  return f;
}

/** Features of the "no speaker" choice: what makes a quote nobody's (a title, a scare quote). */
export function noSpeakerFeatures(facts: QuoteFacts, q: QuoteCandidates): string[] {
  return [
    'none',
    `none-length|${facts.length}`,
    `none-ending|${facts.ending}`,
    `none-cascade|${q.proposals.cascade === null ? 'silent' : q.proposals.cascade.rule}`,
    `none-starts|${facts.startsSentence}|${facts.opensParagraph}`,
    `none-headline|${facts.headline}`,
  ];
}

/** Features of "the previous quote's speaker", offered when the rules find none nearby. */
export function previousSpeakerFeatures(
  ctx: SpeakerContext,
  facts: QuoteFacts,
  q: QuoteCandidates,
  previous: { quote: QuoteCandidates; kind: string; probability: number },
): string[] {
  const sameSentence = sentenceOf(ctx.layout, previous.quote.quote.open) === q.window.openSentence;
  const where = sameSentence
    ? 'sentence'
    : bucket(q.quote.paragraph - previous.quote.quote.paragraph, [0, 1, 2]);
  // Names or descriptions in the quote's own sentence compete with a continuation.
  const own = q.candidates.filter(
    (c) => c.kind !== 'pronoun' && c.span[0] >= q.window.start && c.span[1] <= q.window.end,
  ).length;
  const confident = previous.probability >= 0.8 ? 'sure' : previous.probability >= 0.5 ? 'likely' : 'unsure';
  const cascade = q.proposals.cascade === null ? 'silent' : 'rule';
  return [
    'previous',
    `previous-where|${where}`,
    `previous-where-starts|${where}|${facts.opensParagraph}|${facts.wholeParagraph}`,
    `previous-cascade|${cascade}|${where}`,
    `previous-length|${facts.length}`,
    `previous-own|${Math.min(own, 2)}|${cascade}`,
    `previous-confidence|${confident}`,
    `previous-kind|${previous.kind}`,
    `previous-capital|${facts.capitalized}|${facts.startsSentence}`,
  ];
}
