/**
 * The hand-written speaker rules, each proposing who said a quote: after-cue-speaker ("…,” said Putin,
 * a former …), after-speaker-cue ("…,” Putin said / he said), before (Trump later said … “very
 * promising”; according to X, “…”), sentence-subject, headline-subject, label ("PENCE: …") and more.
 * They no longer decide: every rule's proposal, and which one the old cascade (rules tried in order,
 * first answer wins) would have taken, are features of the trained ranker (speakers.ts).
 */
import { CUE_PATTERN, lexiconTag, NON_NAME_WORDS, PRONOUNS } from './lexicon';
import type { QuotedSpan } from './quote-marks';
import { sentenceAt, type TextLayout } from './text';
import type { Span } from './types';

// Words that open with a capital, or with a letter of a script without capitals (习近平, محمد).
const NAME = String.raw`(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*){0,4}(?:\s\([^()]{1,20}\))?`;
const PRONOUN = String.raw`\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)(?![\p{L}'’])`;
// A determiner, a quantifier ("another critic", "several groups", "one questioner") or a number
// ("63 percent"), then up to four words.
const DESCRIPTION = String.raw`(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Aa]nother|[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther|[Oo]ne|[Tt]wo|[Tt]hree|[Bb]oth|[Mm]ost|[Oo]nly(?:\s\d[\d,.]*)?)|(?<![\p{L}\p{N},.])\d[\d,.]*)(?:\s+(?!(?:that|who|which|and|or|said|says|was|were|is|are|been|be)\b)[\p{L}\p{M}\p{N}'’-]+){1,4}?`;
const SPEAKER = `(?<sp>${NAME}|${PRONOUN}|${DESCRIPTION})`;
const APPOSITION = String.raw`(?:,\s[^,“”"]{2,80},)?`;
const AUX = String.raw`(?:\s+(?:\p{Ll}+ly|later|also|then|again|once|earlier|has|had|have|would|will|previously|recently|still|even|never|just|now|often|always|in\s\d{4}))*`;
const CUE = `(?<cue>${CUE_PATTERN})`;
const LEAD = String.raw`^[\s,.;:!?—–-]*`;

/** "…,” said Putin" / "…,” says the president" */
const AFTER_CUE_SPEAKER = new RegExp(`${LEAD}${CUE}\\s+(?<sp>${NAME}|${DESCRIPTION}(?=[\\s,.;:]|$))`, 'u');
/** "…,” Putin said" / "…,” he said" / "…,” Putin, a former spy, said" */
const AFTER_SPEAKER_CUE = new RegExp(`${LEAD}(?:as\\s+)?${SPEAKER}${APPOSITION}${AUX}\\s+${CUE}\\b`, 'u');
/** "…” ― Jorge Falcon": a dash and a name after the closing mark. */
const AFTER_DASH = new RegExp(`^[\\s,.]*[―—–]\\s*(?<sp>${NAME})`, 'u');
/**
 * "…,” White House press secretary Josh Earnest said" / "…,” the letter reads": any short phrase
 * (up to 16 words, appositions and a parenthesis allowed) and a verb, when the quote ended in , ? or !.
 */
const AFTER_PHRASE_VERB = new RegExp(
  String.raw`${LEAD}(?<sp>(?!(?:and|but|or|in|on|at|to|for|of|with|as|that|which|because|when|while|from|by|than|if|so|is|was|are|were)\b)(?!\p{Ll}+ing\b)(?!\.)[^\s!?;:“”"]+(?:\s+(?!(?:said|says)\b)[^\s!?;:“”"]+){0,15}?)${AUX}\s+(?<cue>${CUE_PATTERN}|\p{Ll}{3,}ed|read|reads)(?=[\s,.;:!?]|$)`,
  'u',
);
/** A phrase of 1 to 12 words up to a comma, a period or the end: the object of "according to". */
const ANY_PHRASE = /^\s+(?<sp>[^\s,.;:!?“”"]+(?:\s+[^\s,;:!?“”"]+){0,19}?)(?=\s*[,.;:!?]|\s*$)/u;
/** "…,” said 9/11 widow Terry Strada": an inverting cue, then any short phrase. */
const AFTER_CUE_PHRASE = new RegExp(
  String.raw`${LEAD}(?<cue>said|says|added|asked|wrote|continued)\s+(?<sp>[^\s,.;:!?“”"]+(?:\s+[^\s,;:!?“”"]+){0,11}?)(?=\s*[,.;:!?]|\s*$)`,
  'u',
);
/** The last "X said" (or "according to X") before an opening mark. */
const BEFORE_CUES = new RegExp(`\\b${CUE}\\b`, 'gu');
const SUBJECT_AT_END = new RegExp(
  `(?<sp>${NAME}|${PRONOUN}|${DESCRIPTION}|\\b(?:who|which))${APPOSITION}${AUX}(?:\\s+\\p{Ll}{3,}ed\\s+and)?\\s*$`,
  'u',
);
const OBJECT_AT_START = new RegExp(`^\\s+(?<sp>${NAME}|${DESCRIPTION}(?=[\\s,.;:]|$))`, 'u');

const NAME_AT_END = new RegExp(`(?:^|\\s)(?<sp>${NAME})\\s+$`, 'u');
/** "…” is held accountable, Warren said." / "…” to drive up the price, she said, referencing …" */
const LATER_SPEAKER_CUE = new RegExp(
  `,\\s(?<sp>${NAME}|${PRONOUN}|${DESCRIPTION})${AUX}\\s+(?<cue>${CUE_PATTERN})\\b(?=[\\s,.;:!?]|$)`,
  'u',
);
/** "…”, according to the event organizer Alliance …" / "…,” per the party’s bylaws." */
const LATER_ACCORDING =
  /(?:^|[,\s])(?<cue>according to|per)\s+(?<sp>[^\s,.;:!?“”"]+(?:\s+[^\s,;:!?“”"]+){0,19}?)(?=\s*[,.;:!?]|\s*$)/u;
/** "Trump’s claim that …", "Ivana Trump's brief said": what a named person's words are called. */
const POSSESSIVE_WORDS = new RegExp(
  `(?<sp>${NAME})['’]s\\s+(?:\\p{Ll}+\\s+)?(?:claims?|statements?|comments?|remarks?|words|assertions?|arguments?|promises?|pledges?|warnings?|descriptions?|suggestions?|tweets?|posts?|answers?|responses?|replies|reply|messages?|speech|letters?|brief|testimony|memo|reports?|message)\\b`,
  'gu',
);

/** A sentence ending in "X said." or "he told reporters:", which introduces the quote after it. */
const SAID_AT_END = new RegExp(`${CUE_PATTERN}(?:\\s+[^\\s.!?]+){0,4}[.:]$`, 'u');

/** Cues that may come before their speaker: "according to X", "said X:", "wrote X". */
const INVERTING_CUES = new Set(
  'according to|said|says|say|added|adds|asked|asks|wrote|writes|reported|reports|continued|tweeted'.split(
    '|',
  ),
);

const LEADING_ADVERBIAL = String.raw`^(?:(?:At|In|On|During|After|Before|Since|As|When|While|Later|Earlier|Meanwhile|But|And|Yet|So|Still|Then|Now|Instead|Also|Although|Though|Following|Despite|Amid|Under|With|For|If|Because|However|Last|This|Twenty|Thirty|Forty|Fifty|\p{Lu}\p{Ll}+\s(?:years?|months?|weeks?|days?)\sago)\b[^“”"]{0,120}?,\s*|(?:But|And|Yet|So|Still|Then|Now|Instead|Also)\s+|(?:On|In|At)\s[^,“”"]{1,40}?\s(?=(?:he|she|they|we|I|it)\s))?`;
/** "Aaron Kall, the director of debate at …, compared …": a name, an apposition, then the verb. */
const SUBJECT_APPOSITION = String.raw`(?:,\s(?:(?:[^,“”"]{2,120}?),\s)?(?:[^,“”"]{2,120}?),)?`;
/** "Trump tweeted that Machado was “…”": the sentence's subject when no cue verb links it to the quote. */
const SENTENCE_SUBJECT = new RegExp(
  `${LEADING_ADVERBIAL}(?<sp>${DESCRIPTION}|${PRONOUN}|${NAME})(?:\\s+(?:\\p{Ll}|\\()|(?=,\\s)${SUBJECT_APPOSITION}\\s+\\p{Ll})`,
  'u',
);
/** "PENCE: Well, …" or a paragraph opening "Pat Caddell: …": a speaker label. */
const LABEL = new RegExp(`^(?<sp>${NAME}):\\s`, 'u');

/** How far before the opening mark and after the closing one a speaker is looked for. */
const MAX_WINDOW = 600;

interface Attribution {
  speakerSpan: Span;
  cue: string;
  rule: string;
}

// Descriptions are matched lazily; cut them where a preposition starts a new phrase.
function trimPhrase(text: string, start: number, phrase: string): Span {
  const cut = /\s(?:at|in|on|to|during|after|before|with|when|while|as|from|for)\s/.exec(phrase);
  const kept = (cut === null ? phrase : phrase.slice(0, cut.index)).replace(/[\s,.;:]+$/, '');
  return [start, start + kept.length];
}

/** Whether an attribution's speaker span holds at least one character. */
function namesSomething(attribution: Attribution): boolean {
  const [start, end] = attribution.speakerSpan;
  return start >= 0 && end > start;
}

/**
 * Every after-quote pattern that matches, in the cascade's order (the first is what the cascade took):
 * "…,” said X", "…,” X said", "…” ― X", "…, X said." later on, "…,” said <phrase>", "…,” <phrase> <verb>".
 */
function afterQuote(text: string, quote: QuotedSpan, windowEnd: number): Attribution[] {
  const found: Attribution[] = [];
  const window = text.slice(quote.close, windowEnd);
  for (const [pattern, rule] of [
    [AFTER_CUE_SPEAKER, 'after-cue-speaker'],
    [AFTER_SPEAKER_CUE, 'after-speaker-cue'],
    [AFTER_DASH, 'after-dash'],
  ] as const) {
    const m = pattern.exec(window);
    const sp = m?.groups?.sp;
    const cue = rule === 'after-dash' ? '―' : m?.groups?.cue;
    if (m === null || sp === undefined || cue === undefined) continue;
    const offset =
      quote.close + m.index + m[0].indexOf(sp, rule === 'after-cue-speaker' ? m[0].indexOf(cue) : 0);
    found.push({ speakerSpan: trimPhrase(text, offset, sp), cue: cue.replace(/\s+/g, ' '), rule });
  }
  const later = LATER_SPEAKER_CUE.exec(window);
  const lp = later?.groups?.sp;
  if (
    later !== null &&
    lp !== undefined &&
    later.groups?.cue !== undefined &&
    !/[“”"]/.test(window.slice(0, later.index))
  ) {
    const at = quote.close + later.index + later[0].indexOf(lp, 1);
    found.push({ speakerSpan: trimPhrase(text, at, lp), cue: later.groups.cue, rule: 'later-speaker-cue' });
  }
  // Only a quote that ends like a direct quotation ("…,” / "…?”") takes any phrase + verb after it.
  const inner = text.slice(Math.max(0, quote.close - 4), quote.close);
  if (!/[,?!—–-]\s*["”’']{0,2}$/.test(inner) && !/^\s*,/.test(window)) return found;
  const inverted = AFTER_CUE_PHRASE.exec(window);
  const ip = inverted?.groups?.sp;
  if (inverted !== null && ip !== undefined && inverted.groups?.cue !== undefined) {
    // "…,” said 9/11 widow Terry Strada.": the phrase after the cue, up to a comma or the end, and
    // before a preposition that starts another phrase ("… Terry Strada at a rally in New York").
    const start = quote.close + inverted.index + inverted[0].lastIndexOf(ip);
    found.push({
      speakerSpan: trimPhrase(text, start, ip),
      cue: inverted.groups.cue,
      rule: 'after-cue-phrase',
    });
  }
  const m = AFTER_PHRASE_VERB.exec(window);
  const sp = m?.groups?.sp;
  const cue = m?.groups?.cue;
  if (m !== null && sp !== undefined && cue !== undefined) {
    // The phrase's head is before its first comma: "Scott Pruitt, the Republican attorney general, said".
    const head = sp.split(/,\s/)[0] ?? sp;
    const offset = quote.close + m.index + m[0].indexOf(sp);
    found.push({ speakerSpan: trimPhrase(text, offset, head), cue, rule: 'after-phrase-verb' });
  }
  return found;
}

/** How many cue verbs before a quote are read, nearest first. */
const BEFORE_CUES_READ = 3;

/** The speaker each of the last few cue verbs before the opening mark points to, nearest first. */
function beforeQuote(text: string, windowStart: number, windowEnd: number): Attribution[] {
  const found: Attribution[] = [];
  const window = text.slice(windowStart, windowEnd);
  const cues = [...window.matchAll(BEFORE_CUES)];
  for (let c = cues.length - 1; c >= 0 && found.length < BEFORE_CUES_READ; c--) {
    const m = cues[c] as RegExpExecArray;
    const one = speakerOfCue(text, windowStart, window, m);
    if (one !== null) found.push(one);
  }
  return found;
}

function speakerOfCue(
  text: string,
  windowStart: number,
  window: string,
  m: RegExpExecArray,
): Attribution | null {
  const cue = (m.groups?.cue ?? '').replace(/\s+/g, ' ').toLowerCase();
  const nameBefore = cue.endsWith('ing') ? NAME_AT_END.exec(window.slice(0, m.index)) : null;
  const np = nameBefore?.groups?.sp;
  if (
    nameBefore !== null &&
    np !== undefined &&
    !NON_NAME_WORDS.has(np.split(/\s/)[0]?.toLowerCase() ?? '')
  ) {
    // "footage of Hillary Clinton asking, “…”": the participle belongs to the name right before it.
    const at = windowStart + nameBefore.index + nameBefore[0].indexOf(np);
    return { speakerSpan: [at, at + np.length], cue, rule: 'before-participle' };
  }
  if (cue.endsWith('ing')) {
    // "Clinton spoke out …, arguing that …": a participle's speaker is the sentence's subject.
    const subject = subjectOf(text, windowStart, windowStart + m.index);
    if (subject !== null) return { ...subject, cue, rule: 'before-participle' };
  }
  const subject = cue === 'according to' ? null : SUBJECT_AT_END.exec(window.slice(0, m.index));
  const sp = subject?.groups?.sp;
  if (subject !== null && sp !== undefined && plausibleSpeaker(sp)) {
    return {
      speakerSpan: [windowStart + subject.index, windowStart + subject.index + sp.length],
      cue,
      rule: 'before',
    };
  }
  // After "told" or "called" comes the listener or the thing named, not the speaker.
  if (!INVERTING_CUES.has(cue)) return null;
  const object = OBJECT_AT_START.exec(window.slice(m.index + m[0].length));
  const op = object?.groups?.sp;
  if (object !== null && op !== undefined) {
    const start = windowStart + m.index + m[0].length + object[0].indexOf(op);
    return { speakerSpan: trimPhrase(text, start, op), cue, rule: 'before-cue-speaker' };
  }
  // "according to conservative talk radio host Rush Limbaugh, …": the phrase up to the comma.
  const phrase = cue === 'according to' ? ANY_PHRASE.exec(window.slice(m.index + m[0].length)) : null;
  const pp = phrase?.groups?.sp;
  if (phrase !== null && pp !== undefined) {
    const start = windowStart + m.index + m[0].length + phrase[0].indexOf(pp);
    return { speakerSpan: [start, start + pp.length], cue, rule: 'before-cue-speaker' };
  }
  return null;
}

function laterAccording(text: string, from: number, to: number): Attribution | null {
  const m = LATER_ACCORDING.exec(text.slice(from, to));
  const sp = m?.groups?.sp;
  if (m === null || sp === undefined || m.groups?.cue === undefined) return null;
  const at = from + m.index + m[0].lastIndexOf(sp);
  return { speakerSpan: trimPhrase(text, at, sp), cue: m.groups.cue, rule: 'later-according' };
}

function possessiveWords(text: string, windowStart: number, windowEnd: number): Attribution | null {
  let last: RegExpExecArray | null = null;
  const window = text.slice(windowStart, windowEnd);
  POSSESSIVE_WORDS.lastIndex = 0;
  for (let m = POSSESSIVE_WORDS.exec(window); m !== null; m = POSSESSIVE_WORDS.exec(window)) last = m;
  const sp = last?.groups?.sp;
  if (last === null || sp === undefined || NON_NAME_WORDS.has(sp.split(/\s/)[0]?.toLowerCase() ?? ''))
    return null;
  const at = windowStart + last.index;
  return { speakerSpan: [at, at + sp.length], cue: '', rule: 'possessive-words' };
}

const DESCRIBING =
  /^(?:the|a|an|his|her|their|its|another|several|many|some|other|one|two|three|both|most|only|\d[\d,.]*)\s/i;

/**
 * Whether a phrase the patterns took for a subject can be one: not a capitalised function word
 * ("After", "Meanwhile"), participle ("Following") or adjective ("Republican") opening a sentence.
 */
function plausibleSpeaker(sp: string): boolean {
  const words = sp.split(/\s+/);
  const first = words[0]?.toLowerCase() ?? '';
  if (words.length === 1 && /^(?:he|she|they|we|i|it|who|which)$/.test(first)) return true;
  if (DESCRIBING.test(sp)) return true;
  if (NON_NAME_WORDS.has(first) || PRONOUNS.has(first) || /^\p{Lu}\p{Ll}+ing$/u.test(words[0] ?? ''))
    return false;
  const tag = words.length === 1 ? (lexiconTag(sp) ?? '') : '';
  return !/Adjective|Demonym|Verb|Tense|Infinitive|Gerund/.test(tag);
}

function subjectOf(text: string, windowStart: number, windowEnd: number): Attribution | null {
  const window = text.slice(windowStart, windowEnd);
  // "He concluded: “…”" is short but complete; other two-word windows are too thin to read.
  if (window.trim().split(/\s+/).length < 3 && !/:\s*$/.test(window)) return null;
  const m = SENTENCE_SUBJECT.exec(window);
  const sp = m?.groups?.sp;
  if (m === null || sp === undefined) return null;
  if (!plausibleSpeaker(sp)) return null;
  const start = windowStart + m[0].indexOf(sp);
  return { speakerSpan: trimPhrase(text, start, sp), cue: '', rule: 'sentence-subject' };
}

/** The first one or two words of a headline, a determiner skipped: its subject's head. */
const HEADLINE_SUBJECT = /^(?:(?:The|A|An)\s)?(?<sp>\p{Lu}[\p{L}\p{M}'’.-]*(?:\s\p{Lu}[\p{L}\p{M}'’.-]*)?)/u;

/**
 * A quote in a title-case headline ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’") is
 * what the headline's subject said ("…, X Says." at its end is read by the after-quote rules).
 */
function headlineSpeaker(text: string, start: number, end: number): Attribution | null {
  const line = text.slice(start, end);
  if (line.length > 200) return null;
  const long = line.match(/\p{L}{4,}/gu) ?? [];
  if (long.length < 3 || long.filter((w) => /^\p{Lu}/u.test(w)).length < long.length * 0.6) return null;
  const m = HEADLINE_SUBJECT.exec(line);
  const sp = m?.groups?.sp;
  if (m === null || sp === undefined || NON_NAME_WORDS.has(sp.split(' ')[0]?.toLowerCase() ?? ''))
    return null;
  const at = start + m[0].indexOf(sp);
  return { speakerSpan: [at, at + sp.length], cue: '', rule: 'headline-subject' };
}

function labelAt(text: string, start: number, end: number): Attribution | null {
  const m = LABEL.exec(text.slice(start, end));
  const sp = m?.groups?.sp;
  if (m === null || sp === undefined) return null;
  return { speakerSpan: [start, start + sp.length], cue: ':', rule: 'label' };
}

const ANTECEDENT = new RegExp(`(?<sp>${NAME})(?:,\\s[^,“”"]{2,120},)?\\s*,?\\s*$`, 'u');

/** The name a relative "who"/"which" at `offset` refers to: the one right before it, if any. */
export function antecedentOf(text: string, offset: number): Span | null {
  const from = Math.max(0, offset - 200);
  const m = ANTECEDENT.exec(text.slice(from, offset));
  const sp = m?.groups?.sp;
  if (m === null || sp === undefined || !plausibleSpeaker(sp)) return null;
  return [from + m.index, from + m.index + sp.length];
}

/** One rule's answer to "who said this quote": the phrase naming the speaker, the cue and the rule. */
export interface Proposal {
  /** Where the speaker is named (a name, pronoun, description or "who"). */
  speakerSpan: Span;
  /** For "who"/"which", the name it refers to; otherwise null. */
  antecedent: Span | null;
  cue: string;
  rule: string;
}

/** Where a quote's speaker is looked for: its sentence(s), cut at neighbouring quotes. */
export interface QuoteWindow {
  /** From the start of the quote's sentence (or the previous quote's end) to the opening mark. */
  start: number;
  /** From the closing mark to the end of its sentence (or the next quote's start). */
  end: number;
  paragraph: Span;
  openSentence: number;
  closeSentence: number;
}

/** The part of the text around quote `q` where its speaker is looked for. */
export function quoteWindow(
  text: string,
  layout: TextLayout,
  quotes: readonly QuotedSpan[],
  q: number,
): QuoteWindow {
  const quote = quotes[q] as QuotedSpan;
  const sentences = layout.sentences;
  const openIndex = sentenceAt(sentences, quote.open);
  const closeIndex = sentenceAt(sentences, Math.max(quote.open, quote.close - 1));
  const openSentence = sentences[openIndex];
  const closeSentence = sentences[closeIndex];
  const previous = quotes[q - 1];
  const next = quotes[q + 1];
  const paragraph = layout.paragraphs[quote.paragraph] as Span;
  const [paraStart, paraEnd] = paragraph;
  // Windows stop at the neighbouring quotes so "“A,” he said, “B.”" gives both halves the same cue.
  let end = Math.min(closeSentence?.end ?? paraEnd, paraEnd);
  if (next !== undefined && next.paragraph === quote.paragraph) end = Math.min(end, next.open);
  // "“Why not?” Vitter demanded.": a quote ending in ? or ! ends its sentence, but the short
  // sentence after it names the speaker.
  const following = sentences[closeIndex + 1];
  if (
    following !== undefined &&
    closeSentence !== undefined &&
    closeSentence.end <= quote.close + 1 &&
    following.paragraph === quote.paragraph &&
    /[?!]\s*["”’]?$/.test(text.slice(Math.max(0, quote.close - 3), quote.close)) &&
    (next === undefined || next.open >= following.end)
  ) {
    end = Math.max(end, Math.min(following.end, paraEnd));
  }
  // Text without sentence ends would make every window the whole paragraph: cap them.
  end = Math.min(end, quote.close + MAX_WINDOW);
  let start = Math.max(openSentence?.start ?? paraStart, paraStart, quote.open - MAX_WINDOW);
  if (previous !== undefined && previous.paragraph === quote.paragraph)
    start = Math.max(start, previous.close);
  return { start, end, paragraph, openSentence: openIndex, closeSentence: closeIndex };
}

/** The rules' proposals for one quote, and which one the old cascade of rules would have taken. */
export interface Proposals {
  /** Every rule's answer, each rule at most a few times, in the cascade's order. */
  all: Proposal[];
  /** The first answer in the cascade's order (what the hand-written rules alone decided), or null. */
  cascade: Proposal | null;
}

/**
 * Runs every speaker rule on quote `q` independently. The cascade (rules tried in a fixed order, the
 * first answer wins) is kept as one more signal: a trained ranker weighs all of them.
 */
export function proposeSpeakers(
  text: string,
  layout: TextLayout,
  quotes: readonly QuotedSpan[],
  q: number,
  window: QuoteWindow,
): Proposals {
  const quote = quotes[q] as QuotedSpan;
  const sentences = layout.sentences;
  const previous = quotes[q - 1];
  const [paraStart, paraEnd] = window.paragraph;
  // Groups in cascade order; the cascade takes the first group that answers.
  const groups: Attribution[][] = [];
  const add = (...found: Array<Attribution | null>): void => {
    groups.push(found.filter((a): a is Attribution => a !== null && namesSomething(a)));
  };
  add(labelAt(text, quote.span[0], quote.span[1]));
  if (quote.closed) groups.push(afterQuote(text, quote, window.end).filter(namesSomething));
  groups.push(beforeQuote(text, window.start, quote.open).filter(namesSomething));
  add(quote.closed ? laterAccording(text, quote.close, window.end) : null);
  add(possessiveWords(text, window.start, quote.open));
  if (previous !== undefined && previous.paragraph === quote.paragraph) {
    // The second half of a split quote: "“A,” he said, “B.”"
    groups.push(afterQuote(text, previous, quote.open).filter(namesSomething));
  }
  const above = layout.paragraphs[quote.paragraph - 1];
  if (quote.open === paraStart && above !== undefined && text[above[1] - 1] === ':') {
    // "He said:" closing the paragraph above introduces this one.
    const last = sentences[sentenceAt(sentences, above[1] - 1)];
    const start = Math.max(last?.start ?? above[0], above[0], above[1] - MAX_WINDOW);
    add(...beforeQuote(text, start, above[1]).slice(0, 1), subjectOf(text, start, above[1]));
  }
  const prior = sentences[window.openSentence - 1];
  if (
    prior !== undefined &&
    prior.paragraph === quote.paragraph &&
    prior.end <= quote.open &&
    text.slice(window.start, quote.open).trim() === '' &&
    SAID_AT_END.test(text.slice(Math.max(prior.start, prior.end - 60), prior.end))
  ) {
    // "…, Schiff said. “The other factor …”": the sentence before the quote names its speaker.
    const found = beforeQuote(text, Math.max(prior.start, prior.end - MAX_WINDOW), prior.end)[0];
    add(found === undefined ? null : { ...found, rule: 'previous-sentence' });
  }
  add(quote.paragraph === 0 ? headlineSpeaker(text, paraStart, paraEnd) : null);
  add(
    labelAt(text, paraStart, Math.min(quote.open, paraStart + 200)),
    subjectOf(text, window.start, quote.open),
  );
  const all = groups.flat().map((a): Proposal => {
    // "Marc Morial, the chief executive …, who said": the relative pronoun is the evidence, the name
    // before it the speaker.
    const antecedent = /^(?:who|which)$/.test(text.slice(...a.speakerSpan))
      ? antecedentOf(text, a.speakerSpan[0])
      : null;
    return { speakerSpan: a.speakerSpan, antecedent, cue: a.cue, rule: a.rule };
  });
  return { all, cascade: all[0] ?? null };
}
