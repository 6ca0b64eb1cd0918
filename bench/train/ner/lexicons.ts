/**
 * The tables a NER model carries besides its weights (see features.ts): word classes from compromise's
 * lexicon and the extractor's own word lists, a gazetteer of the training entities, and word clusters.
 */
import nlp from 'compromise';
import { ENTITY_TYPES, isInside, typeOf } from '../../../electron/core/extract/ner/decode';
import { WORD_CLASSES, type NerLexicons } from '../../../electron/core/extract/ner/features';
import { hash1, KeyTable, phraseKey } from '../../../electron/core/extract/ner/hash';
import {
  DIRECTIONS,
  ORG_NOUNS,
  ORG_SUFFIXES,
  PARTICLES,
  PLACE_HEADS,
} from '../../../electron/core/extract/ner/word-lists';
import { NON_NAME_WORDS, SPEECH_CUES, TITLES } from '../../../electron/core/extract/lexicon';
import type { ConllDocument } from './conll';

/** The longest phrase the tables hold, in words. */
export const MAX_PHRASE_WORDS = 4;

const bit = (name: (typeof WORD_CLASSES)[number]): number => 1 << WORD_CLASSES.indexOf(name);

/** compromise tags -> word classes. */
const TAG_CLASSES: Array<[RegExp, number]> = [
  [/MaleName/, bit('male-name') | bit('first-name')],
  [/FemaleName/, bit('female-name') | bit('first-name')],
  [/FirstName/, bit('first-name')],
  [/LastName|Person/, bit('last-name')],
  [/Country/, bit('country')],
  [/City/, bit('city')],
  [/Place|Region/, bit('place')],
  [/Organization|SportsTeam/, bit('organization')],
  [/Demonym/, bit('demonym')],
  [/Honorific|Actor/, bit('honorific')],
  [/Adjective|Comparative|Superlative/, bit('adjective')],
  [/Singular|Plural|Uncountable|Noun/, bit('noun')],
  [/Tense|Infinitive|Gerund|Verb|Participle/, bit('verb')],
  [/WeekDay|Month|Date|Duration/, bit('date')],
  [
    /Determiner|Preposition|Conjunction|Pronoun|Modal|Copula|QuestionWord|Possessive|Reflexive/,
    bit('function-word'),
  ],
  [/Adverb/, bit('adverb')],
  [/Abbreviation/, bit('abbreviation')],
  [/Currency|Unit|Value|Cardinal|Ordinal/, bit('value')],
];

/** Lower-case word or phrase -> word-class bits. */
export function wordClasses(): Map<string, number> {
  const classes = new Map<string, number>();
  const add = (phrase: string, bits: number): void => {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > MAX_PHRASE_WORDS || bits === 0) return;
    const key = words.join(' ');
    classes.set(key, (classes.get(key) ?? 0) | bits);
  };
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const word of Object.keys(lexicon).sort()) {
    const raw = lexicon[word] as string | string[];
    const tags = Array.isArray(raw) ? raw.join(',') : raw;
    let bits = 0;
    for (const [re, b] of TAG_CLASSES) if (re.test(tags)) bits |= b;
    add(word, bits);
  }
  for (const title of TITLES) add(title, bit('title'));
  for (const cue of SPEECH_CUES) if (/^[a-z ]+$/.test(cue)) add(cue, bit('speech-verb'));
  for (const w of ORG_SUFFIXES) add(w, bit('org-suffix'));
  for (const w of ORG_NOUNS) add(w, bit('org-noun'));
  for (const w of PLACE_HEADS) add(w, bit('place-head'));
  for (const w of PARTICLES) add(w, bit('name-particle'));
  for (const w of NON_NAME_WORDS) add(w, bit('non-name'));
  for (const w of DIRECTIONS) add(w, bit('direction'));
  return classes;
}

/** Lower-case entity phrase -> bits of the types (1 << type index) the documents annotate it as. */
export function gazetteerOf(docs: readonly ConllDocument[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const doc of docs) {
    for (const { words, labels } of doc.sentences) {
      for (let i = 0; i < words.length; i++) {
        const label = labels[i] as number;
        if (label === 0 || isInside(label)) continue;
        let j = i + 1;
        while (j < words.length && isInside(labels[j] as number)) j++;
        if (j - i <= MAX_PHRASE_WORDS) {
          const key = words
            .slice(i, j)
            .map((w) => w.toLowerCase())
            .join(' ');
          found.set(key, (found.get(key) ?? 0) | (1 << typeOf(label)));
        }
      }
    }
  }
  return found;
}

/** A phrase table as the model stores it. */
export function phraseTable(entries: Map<string, number>): KeyTable {
  return KeyTable.build([...entries].map(([phrase, bits]) => [phraseKey(phrase), bits] as const));
}

/** A word table (cluster ids) as the model stores it. */
export function wordTable(entries: Map<string, number>): KeyTable {
  return KeyTable.build([...entries].map(([word, value]) => [hash1(0, word), value] as const));
}

/** The lexicons for given word classes, gazetteer and clusters. */
export function lexiconsOf(
  classes: KeyTable,
  gazetteer: Map<string, number>,
  clusters: KeyTable,
): NerLexicons {
  return { words: classes, gazetteer: phraseTable(gazetteer), clusters, maxPhraseWords: MAX_PHRASE_WORDS };
}

export const GAZETTEER_TYPES = ENTITY_TYPES;
