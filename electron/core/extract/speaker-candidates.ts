/**
 * Who might have said a quote: every name, pronoun, description ("the senator") and capitalised phrase
 * ("NBC News") outside quotation marks in the quote's sentence and the sentences on either side, plus
 * every phrase a hand-written rule proposes (speaker-rules.ts). The ranker (speakers.ts) picks one.
 * Each candidate carries what the rules and coreference know about it; speaker-features.ts turns that
 * into the ranker's features.
 */
import type { Coreference } from './coref';
import { lexiconTag, NON_NAME_WORDS, PRONOUNS, wordClass } from './lexicon';
import type { PeopleIndex, Person } from './people';
import type { QuotedSpan } from './quote-marks';
import {
  antecedentOf,
  proposeSpeakers,
  quoteWindow,
  type Proposal,
  type Proposals,
  type QuoteWindow,
} from './speaker-rules';
import { lowerBound, sentenceAt, SpanIndex, type TextLayout } from './text';
import { capitalizedRuns, type Token } from './tokens';
import type { Span } from './types';

/** What a candidate is. */
export type CandidateKind = 'name' | 'pronoun' | 'description' | 'capitalized' | 'phrase' | 'relative';

/** One possible speaker of one quote. */
export interface Candidate {
  kind: CandidateKind;
  /** Where it is named: the evidence a user sees. */
  span: Span;
  /** The person it refers to, through the article's names and coreference, or null. */
  person: Person | null;
  /** The speaker name the result shows: the person's name, else the phrase (null for a lone pronoun). */
  speaker: string | null;
  /** How coreference read it ('name', 'pronoun', 'description'), or a name in apposition to it. */
  via: 'name' | 'pronoun' | 'description' | 'apposition';
  /** Rules whose proposed phrase is exactly this one, and their cue. */
  rules: string[];
  /** Rules whose proposal overlaps this phrase without being it. */
  nearRules: string[];
  /** The cascade's own answer is this phrase. */
  cascade: boolean;
  cue: string | null;
}

/** Everything the candidates of one article are read from. */
export interface SpeakerContext {
  text: string;
  layout: TextLayout;
  tokens: readonly Token[];
  quotes: readonly QuotedSpan[];
  people: PeopleIndex;
  coref: Coreference;
}

/** One quote with its candidates (the ranker adds "the previous speaker" and "no speaker"). */
export interface QuoteCandidates {
  quote: QuotedSpan;
  index: number;
  window: QuoteWindow;
  proposals: Proposals;
  candidates: Candidate[];
  /** The span candidates were collected from. */
  region: Span;
}

// Words that open a description: "the senator", "a spokesman", "two officials", "his wife".
const DETERMINERS = new Set(
  'the a an another several many some other one two three four five both most only his her their its'.split(
    ' ',
  ),
);
// Words a description does not run through: verbs of saying, function words, relative pronouns.
const DESCRIPTION_STOPS = new Set(
  (
    'that who which whom whose and or but said says say told tells wrote writes added adds asked is are ' +
    'was were be been being has have had will would can could should may might must do does did to of in ' +
    'on at for with by from as about than if when while after before into over under against during ' +
    'also not'
  ).split(' '),
);
const OPENS_QUOTE = /^\s?["“‘]/;
const QUANTIFIERS = new Set('another one some many both several most others'.split(' '));
const PRONOUN_CANDIDATES = new Set([...PRONOUNS, 'it', 'you', 'his', 'her', 'their', 'its']);
/** How far from the marks candidates are collected, whatever the sentences say (long lines). */
const MAX_REACH = 700;
/**
 * At most this many candidates per quote, the nearest kept (by CV on train, 30 and 40 gave the same
 * speaker accuracy, 0.899, 20 lost 0.002; fewer candidates is less work on dense text).
 */
const MAX_CANDIDATES = 30;

const lower = (token: Token): string => token.text.toLowerCase();
const NOT_A_NAME_START = new Set([...DETERMINERS, ...PRONOUN_CANDIDATES, ...NON_NAME_WORDS]);

/** The lexicon knows the word as something other than a name ("Ask", "Hastily", "Frustrations"). */
function isCommonWord(word: string): boolean {
  const tag = lexiconTag(word);
  return tag !== undefined && !/Name|Person/.test(tag);
}

/** Whether only white space, an opening mark or a bullet stands between the line/sentence end and `offset`. */
function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 3), offset);
  return offset === 0 || /(?:^|[.!?:\n]["”’)]?)\s*[“"‘(-]?\s*$/.test(before);
}

/** A word a description does not run into: a verb in a tense, a modal, an adverb, "didn’t". */
function endsDescription(word: string): boolean {
  return /n['’]t$/.test(word) || /^(?:past|present|copula|modal|adv|ly|ing)$/.test(wordClass(word));
}

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  return lowerBound(tokens, offset, (t) => t.start);
}

/** The span around the quote whose phrases are candidates: one sentence before to one after. */
function regionOf(ctx: SpeakerContext, quote: QuotedSpan, window: QuoteWindow): Span {
  const sentences = ctx.layout.sentences;
  const before = sentences[Math.max(0, window.openSentence - 1)];
  const after = sentences[window.closeSentence + 1];
  const start = Math.max(before?.start ?? window.start, quote.open - MAX_REACH, 0);
  const end = Math.min(after?.end ?? window.end, quote.close + MAX_REACH, ctx.text.length);
  return [Math.min(start, quote.open), Math.max(end, quote.close)];
}

/**
 * The person a description stands in apposition with: "Another critic, Laurence Tribe, said" or
 * "Brennan, a former judge, said" name one person twice.
 */
function appositionOf(ctx: SpeakerContext, span: Span): Person | null {
  const { text } = ctx;
  const { mentions, people } = ctx.people;
  const after = /^,\s+/.exec(text.slice(span[1], span[1] + 4));
  if (after !== null) {
    const start = span[1] + after[0].length;
    const m = mentions[lowerBound(mentions, start, (x) => x.aliasStart)];
    if (m !== undefined && m.aliasStart === start && /^\s*[,;.]/.test(text.slice(m.span[1], m.span[1] + 2)))
      return people[m.person] ?? null;
  }
  if (text.slice(span[0] - 2, span[0]) === ', ') {
    const i = lowerBound(mentions, span[0] - 1, (x) => x.span[0]) - 1;
    const m = mentions[i];
    if (m !== undefined && m.span[1] === span[0] - 2) return people[m.person] ?? null;
  }
  return null;
}

function addCandidate(
  found: Map<string, Candidate>,
  ctx: SpeakerContext,
  kind: CandidateKind,
  span: Span,
): Candidate {
  const key = `${span[0]}:${span[1]}`;
  const known = found.get(key);
  if (known !== undefined) return known;
  const resolved = ctx.coref.resolve(span);
  const apposed = kind === 'description' && resolved.person === null ? appositionOf(ctx, span) : null;
  const referent = apposed === null ? resolved : { person: apposed, via: 'apposition' as const };
  const phrase = ctx.text.slice(span[0], span[1]);
  const speaker =
    referent.person?.name ??
    (kind === 'pronoun' || kind === 'relative' || referent.via === 'pronoun' ? null : phrase);
  const candidate: Candidate = {
    kind,
    span,
    person: referent.person,
    speaker,
    via: referent.via,
    rules: [],
    nearRules: [],
    cascade: false,
    cue: null,
  };
  found.set(key, candidate);
  return candidate;
}

/** Names, pronouns, descriptions and capitalised phrases in `region`, outside every quotation. */
function phrasesIn(
  ctx: SpeakerContext,
  region: Span,
  quoted: SpanIndex,
  found: Map<string, Candidate>,
): void {
  const { text, tokens } = ctx;
  const first = tokenAt(tokens, region[0]);
  let last = first;
  while (last < tokens.length && (tokens[last] as Token).end <= region[1]) last++;
  const outside = (span: Span): boolean => !quoted.overlapsAny(span[0], span[1]);
  // People the name rules found.
  const mentions = ctx.people.mentions;
  for (let m = lowerBound(mentions, region[0], (x) => x.span[0]); m < mentions.length; m++) {
    const mention = mentions[m];
    if (mention === undefined || mention.span[0] >= region[1]) break;
    const span: Span = [mention.aliasStart, mention.span[1]];
    if (outside(span)) addCandidate(found, ctx, 'name', span);
  }
  const slice = tokens.slice(first, last);
  // Organisations and unrecognised names: runs of capitalised words, sentence-initial function words off.
  for (const [i, j] of capitalizedRuns(text, slice)) {
    let a = i;
    while (a <= j && NOT_A_NAME_START.has(lower(slice[a] as Token))) a++;
    if (a > j) continue;
    // A lone capitalised word opening a sentence is usually just that ("Ask", "Hastily").
    const head = slice[a] as Token;
    if (a === j && isCommonWord(head.text) && startsSentence(text, head.start)) continue;
    const span: Span = [(slice[a] as Token).start, (slice[j] as Token).end];
    if (outside(span) && !found.has(`${span[0]}:${span[1]}`) && !overlapsName(found, span))
      addCandidate(found, ctx, 'capitalized', span);
  }
  // The last description found, for a "who" right after it ("the groups who wrote").
  let lastDescription: Candidate | null = null;
  for (let k = 0; k < slice.length; k++) {
    const token = slice[k] as Token;
    const word = lower(token);
    if (!outside([token.start, token.end])) continue;
    if (PRONOUN_CANDIDATES.has(word) && (word !== 'i' || token.text === 'I')) {
      addCandidate(found, ctx, 'pronoun', [token.start, token.end]);
    } else if ((word === 'who' || word === 'which') && k > 0) {
      // "Beck, who has described Trump as “…”": the relative pronoun stands for the name before it.
      const relative = addCandidate(found, ctx, 'relative', [token.start, token.end]);
      const antecedent = antecedentOf(text, token.start);
      if (antecedent !== null && relative.person === null) {
        const referent = ctx.coref.resolve(antecedent);
        relative.person = referent.person;
        relative.speaker = referent.person?.name ?? text.slice(...antecedent);
      } else if (
        relative.speaker === null &&
        lastDescription !== null &&
        /^,?\s$/.test(text.slice(lastDescription.span[1], token.start))
      ) {
        // "the groups who wrote to her": no name before it, but a description is.
        relative.person = lastDescription.person;
        relative.speaker = lastDescription.speaker;
      }
    }
    if (!DETERMINERS.has(word) && !QUANTIFIERS.has(word) && !/^\d/.test(word)) continue;
    // A description: the determiner and up to five words, stopping at punctuation or a function word.
    let end = k;
    for (let n = k + 1; n < slice.length && n <= k + 5; n++) {
      const next = slice[n] as Token;
      if (text.slice((slice[n - 1] as Token).end, next.start) !== ' ' || DESCRIPTION_STOPS.has(lower(next)))
        break;
      // "The council voted", "the crowd loudly reprised": the description ends before its verb (a
      // word right after the determiner is left alone: "the elected", "the judge").
      if (n >= k + 2 && endsDescription(lower(next))) break;
      end = n;
      if (next.possessive) break;
    }
    // "the so-called “reform”": a phrase running into an opening mark describes the quoted words.
    if (end > k && !OPENS_QUOTE.test(text.slice((slice[end] as Token).end, (slice[end] as Token).end + 3)))
      lastDescription = addCandidate(found, ctx, 'description', [token.start, (slice[end] as Token).end]);
    // "Another said", "one wrote", "some argue": a quantifier standing alone for people.
    else if (QUANTIFIERS.has(word))
      lastDescription = addCandidate(found, ctx, 'description', [token.start, token.end]);
  }
}

function overlapsName(found: Map<string, Candidate>, span: Span): boolean {
  for (const c of found.values())
    if (c.kind === 'name' && c.span[0] < span[1] && span[0] < c.span[1]) return true;
  return false;
}

function kindOfProposal(ctx: SpeakerContext, proposal: Proposal): CandidateKind {
  const phrase = ctx.text.slice(...proposal.speakerSpan).trim();
  const word = phrase.toLowerCase();
  if (/^(?:who|which)$/.test(word)) return 'relative';
  if (PRONOUN_CANDIDATES.has(word)) return 'pronoun';
  if (DETERMINERS.has(word.split(/\s/)[0] ?? '') || /^\d/.test(word)) return 'description';
  return /^\p{Lu}/u.test(phrase) ? 'capitalized' : 'phrase';
}

/** The rules' proposals become candidates (or mark the candidates they name). */
function addProposals(ctx: SpeakerContext, proposals: Proposals, found: Map<string, Candidate>): void {
  for (const proposal of proposals.all) {
    const span = proposal.speakerSpan;
    const kind = kindOfProposal(ctx, proposal);
    const candidate = found.get(`${span[0]}:${span[1]}`) ?? addCandidate(found, ctx, kind, span);
    if (proposal.antecedent !== null && candidate.person === null) {
      const referent = ctx.coref.resolve(proposal.antecedent);
      candidate.person = referent.person;
      candidate.speaker = referent.person?.name ?? ctx.text.slice(...proposal.antecedent);
    }
    if (!candidate.rules.includes(proposal.rule)) candidate.rules.push(proposal.rule);
    candidate.cue ??= proposal.cue === '' ? null : proposal.cue;
    if (proposal === proposals.cascade) candidate.cascade = true;
  }
  for (const candidate of found.values()) {
    for (const proposal of proposals.all) {
      const [a, b] = proposal.speakerSpan;
      const same = a === candidate.span[0] && b === candidate.span[1];
      if (
        !same &&
        a < candidate.span[1] &&
        candidate.span[0] < b &&
        !candidate.nearRules.includes(proposal.rule)
      )
        candidate.nearRules.push(proposal.rule);
    }
  }
}

/** Distance in characters from a candidate to the quote's marks. */
function distance(quote: QuotedSpan, span: Span): number {
  if (span[1] <= quote.open) return quote.open - span[1];
  if (span[0] >= quote.close) return span[0] - quote.close;
  return 0;
}

/** The candidates of every quote of an article, in quote order. */
export function speakerCandidates(ctx: SpeakerContext): QuoteCandidates[] {
  const quoted = new SpanIndex(ctx.quotes.map((q) => [q.open, q.close] as Span));
  return ctx.quotes.map((quote, index) => {
    const window = quoteWindow(ctx.text, ctx.layout, ctx.quotes, index);
    const proposals = proposeSpeakers(ctx.text, ctx.layout, ctx.quotes, index, window);
    const region = regionOf(ctx, quote, window);
    const found = new Map<string, Candidate>();
    phrasesIn(ctx, region, quoted, found);
    addProposals(ctx, proposals, found);
    const candidates = [...found.values()]
      .filter((c) => c.span[1] > c.span[0])
      .sort((a, b) => distance(quote, a.span) - distance(quote, b.span) || a.span[0] - b.span[0])
      .slice(0, MAX_CANDIDATES);
    return { quote, index, window, proposals, candidates, region };
  });
}

/** Index of the sentence holding `offset` (the nearest earlier one between sentences). */
export function sentenceOf(layout: TextLayout, offset: number): number {
  const at = sentenceAt(layout.sentences, offset);
  if (at !== -1) return at;
  return Math.max(0, lowerBound(layout.sentences, offset + 1, (s) => s.start) - 1);
}
