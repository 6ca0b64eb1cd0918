/**
 * Word lists the rules share: titles, words that open no name, pronouns, verbs of saying, and
 * compromise's lexicon as a Map for the speaker rules. The entity tagger carries its own copy of these
 * lists and of the lexicon's classes in its model file (bench/train/ner/lexicons.ts).
 */
import type nlp from 'compromise';
import { lazyModule } from '../lazy-module';

/** compromise, loaded on first use (see lazy-module.ts: it takes over a second to load). */
const compromise = lazyModule<typeof nlp>('compromise');

/** What compromise's lexicon says a lower-case word or phrase is, e.g. "MaleName" or "Country". */
export type LexiconTag = string;

/** Lower-cased word or phrase -> its compromise tags; built once, on first use. */
let lexicon: ReadonlyMap<string, LexiconTag> | undefined;

/** compromise's lexicon as a Map (its own object has a prototype, so `in` would find `constructor`). */
export function lexiconTag(word: string): LexiconTag | undefined {
  if (lexicon === undefined) {
    const raw = (compromise().model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
    const map = new Map<string, string>();
    for (const [key, tag] of Object.entries(raw)) map.set(key, Array.isArray(tag) ? tag.join(',') : tag);
    lexicon = map;
  }
  return lexicon.get(word.toLowerCase());
}

/** {@link wordClass} of the words seen so far (the rules ask it of the same words again and again). */
const classes = new Map<string, string>();
const CLASS_CACHE_LIMIT = 100_000;

/** A coarse word class from the lexicon, else from the ending: what follows a subject is a verb. */
export function wordClass(word: string): string {
  let found = classes.get(word);
  if (found === undefined) {
    found = classOf(word);
    if (classes.size >= CLASS_CACHE_LIMIT) classes.clear();
    classes.set(word, found);
  }
  return found;
}

function classOf(word: string): string {
  const tag = lexiconTag(word) ?? '';
  if (/PastTense/.test(tag)) return 'past';
  if (/Copula/.test(tag)) return 'copula';
  if (/Modal/.test(tag)) return 'modal';
  if (/PresentTense/.test(tag)) return 'present';
  if (/Verb|Infinitive/.test(tag)) return 'verb';
  if (/Preposition/.test(tag)) return 'prep';
  if (/Determiner/.test(tag)) return 'det';
  if (/Conjunction/.test(tag)) return 'conj';
  if (/Adverb/.test(tag)) return 'adv';
  if (/Adjective/.test(tag)) return 'adj';
  if (/Pronoun/.test(tag)) return 'pron';
  if (/Noun|Singular|Plural/.test(tag)) return 'noun';
  if (/ed$/.test(word)) return 'ed';
  if (/ly$/.test(word)) return 'ly';
  if (/ing$/.test(word)) return 'ing';
  if (/s$/.test(word)) return 's';
  return 'word';
}

/** Titles and roles written before a name; stripped from the canonical name, kept in aliases. */
export const TITLES = new Set(
  (
    'mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady president vice prime minister premier chancellor ' +
    'senator sen sen. representative rep rep. congressman congresswoman governor gov gov. mayor king queen prince ' +
    'princess pope judge justice general gen gen. lt lt. lieutenant colonel col col. captain capt capt. major ' +
    'admiral commander sergeant sgt sgt. cardinal archbishop bishop rev rev. reverend father sister rabbi imam ' +
    'sheikh ambassador secretary chairman chairwoman chair ceo chief leader spokesman spokeswoman spokesperson ' +
    'envoy director coach manager striker midfielder defender goalkeeper captain foreign defence defense ' +
    'attorney speaker minority majority whip deputy state home finance interior former first'
  ).split(' '),
);

/**
 * Capitalised words that start a run but are never part of a name: function words, days, months.
 * A run like "On Thursday Putin" starts after them.
 */
export const NON_NAME_WORDS = new Set(
  (
    'the a an in on at for of and but or if when while after before as by from to with without he she it ' +
    'they we i you his her their its our my this that these those there here then so yet also still just ' +
    'meanwhile however although though because since until during despite according asked told said says ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december today yesterday tomorrow mr mrs ms dr no yes not all some ' +
    'many most every each both other another one two three four five six seven eight nine ten what who why ' +
    'how where which whose whom do does did is are was were be been has have had will would can could should ' +
    'must might shall let new later earlier now instead once even only'
  ).split(' '),
);

/** Personal pronouns that can be a speaker; they are never listed as mentions. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * Verbs of saying, in the forms news uses, longest first so "told reporters" beats "told". The
 * PolNeAR dev cues (said, says, told, wrote, saying, added, according to ...) cover most attributions.
 * Entries are regex fragments: only "According to" may open a sentence capitalised.
 */
export const SPEECH_CUES: readonly string[] = [
  'told reporters',
  'put it',
  'told the',
  '[Aa]ccording to',
  'went on',
  'pointed out',
  'Said',
  'Says',
  ...(
    'said says say saying told tells tell telling added adds adding wrote writes writing asked asks ' +
    'explained explains noted notes argued argues arguing claimed claims stated states declared declares ' +
    'insisted insists warned warns recalled recalls continued continues replied replies responded responds ' +
    'tweeted tweets posted posts announced announces called calls calling acknowledged admitted conceded ' +
    'suggested suggests predicted vowed promised joked quipped boasted complained countered remarked ' +
    'observed emphasized stressed contended maintained reiterated confirmed chanted chanting shouted yelled ' +
    'wondered testified urged thundered blasted mused cautioned conceded lamented described describes ' +
    'describing reports reported report sings sang cited cites asking mocked criticized dismissed accused ' +
    'praised denounced slammed labeled dubbed branded scoffed retorted recounted explaining insisting ' +
    'warning noting claiming declaring concluded concludes yells shouts demanded demands scolded pleaded ' +
    'agreed agrees announcing ruled rules'
  ).split(' '),
];

/** One regex alternative for {@link SPEECH_CUES} (case matters: "States" is no cue). */
export const CUE_PATTERN = `(?<![-\\p{L}])(?:${SPEECH_CUES.map((cue) => cue.replace(/ /g, '\\s+')).join('|')})`;
