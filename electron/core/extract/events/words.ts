/**
 * Words as the event rules see them: each word of a sentence with its lemma and compromise's lexicon tag
 * (PastTense, Gerund, Plural, Singular ...), plus punctuation as tokens of its own (clauses end at it).
 * Lemmas and verb forms come from compromise's conjugation tables (irregulars included: "met" -> "meet",
 * "fled" -> "flee"), cached per word; compromise's full tagger is not run (it costs ~100 ms an article).
 */
import type nlp from 'compromise';
import { lazyModule } from '../../lazy-module';

const compromise = lazyModule<typeof nlp>('compromise');

/** A word or punctuation mark of a sentence. */
export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Base form: infinitive for verb forms, singular for plurals, the lower-cased word otherwise. */
  lemma: string;
  /** compromise's lexicon tag of the lower-cased word ("PastTense", "Plural" ...), or "" when unknown. */
  tag: string;
  /** Not a word: a comma, quote mark, dash, bracket, full stop. */
  punct: boolean;
  capitalized: boolean;
}

interface Tables {
  lexicon: ReadonlyMap<string, string>;
  toInfinitive: (word: string, model: unknown, tense: string) => string;
  toSingular: (word: string, model: unknown) => string;
  conjugate: (word: string, model: unknown) => Record<string, string>;
  model: unknown;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables !== undefined) return tables;
  const lib = compromise() as unknown as {
    model(): { one: { lexicon: Record<string, string | string[]> } };
    methods(): {
      two: {
        transform: {
          verb: Pick<Tables, 'toInfinitive' | 'conjugate'>;
          noun: Pick<Tables, 'toSingular'>;
        };
      };
    };
  };
  const model = lib.model();
  const transform = lib.methods().two.transform;
  const lexicon = new Map<string, string>();
  for (const [key, tag] of Object.entries(model.one.lexicon)) {
    if (!key.includes(' ')) lexicon.set(key, Array.isArray(tag) ? tag.join(',') : tag);
  }
  tables = {
    lexicon,
    toInfinitive: transform.verb.toInfinitive,
    conjugate: transform.verb.conjugate,
    toSingular: transform.noun.toSingular,
    model,
  };
  return tables;
}

/** Lexicon tags of a noun ("Singular", "Plural", "Uncountable" ...). */
export const NOUN_TAG = /Singular|Plural|Noun|Uncountable/;

/** compromise's lexicon tag of a lower-cased word, "" when it has none. */
export function wordTag(lower: string): string {
  return load().lexicon.get(lower) ?? '';
}

/** Past participles compromise leaves as they are. */
const PARTICIPLES: Record<string, string> = Object.fromEntries(
  (
    'fallen:fall taken:take given:give driven:drive written:write spoken:speak broken:break chosen:choose ' +
    'stolen:steal frozen:freeze forgotten:forget gotten:get hidden:hide bitten:bite ridden:ride risen:rise ' +
    'shaken:shake eaten:eat seen:see known:know grown:grow thrown:throw blown:blow flown:fly drawn:draw ' +
    'withdrawn:withdraw overtaken:overtake undertaken:undertake beaten:beat sworn:swear torn:tear worn:wear ' +
    'born:bear begun:begin sung:sing rung:ring sunk:sink swum:swim'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const lemmas = new Map<string, string>();
const MAX_CACHE = 200_000;

/** Base form of a lower-cased word (see {@link Word.lemma}). */
export function lemmaOf(lower: string): string {
  const cached = lemmas.get(lower);
  if (cached !== undefined) return cached;
  const t = load();
  const tag = t.lexicon.get(lower) ?? '';
  let lemma = lower;
  try {
    if (
      /PastTense|Participle/.test(tag) ||
      ((tag === '' || tag === 'Adjective') && lower.length >= 5 && /[^e]ed$|ied$|eed$/.test(lower))
    ) {
      lemma = t.toInfinitive(lower, t.model, 'PastTense');
    } else if (/Gerund/.test(tag) || (tag === '' && lower.length > 5 && lower.endsWith('ing'))) {
      lemma = t.toInfinitive(lower, t.model, 'Gerund');
    } else if (/PresentTense/.test(tag) && lower.endsWith('s')) {
      lemma = t.toInfinitive(lower, t.model, 'PresentTense');
    } else if (/Plural/.test(tag) || (tag === '' && /[^su]s$/.test(lower) && lower.length > 3)) {
      lemma = t.toSingular(lower, t.model);
    }
  } catch {
    lemma = lower;
  }
  if (typeof lemma !== 'string' || lemma === '') lemma = lower;
  lemma = PARTICIPLES[lemma] ?? lemma;
  if (lemmas.size > MAX_CACHE) lemmas.clear();
  lemmas.set(lower, lemma);
  return lemma;
}

/**
 * A form of a verb's lemma: "meets" (PresentTense), "met" (PastTense), "meeting" (Gerund), "stolen"
 * (Participle; the past tense where the two are alike, "injured").
 */
export function verbForm(
  lemma: string,
  form: 'PresentTense' | 'PastTense' | 'Gerund' | 'Participle',
): string {
  const t = load();
  try {
    const forms = t.conjugate(lemma, t.model);
    const made =
      form === 'Participle' ? (forms.Participle ?? forms.PastTense ?? lemma) : (forms[form] ?? lemma);
    // The lexicon conjugates a verb it does not know in -ow or -ew like "know": "disavow" stays
    // "disavow", "snow" becomes "snew". Those take -ed ("Trump disavowed", not "Trump disavow").
    if (
      (form === 'Participle' || form === 'PastTense') &&
      /[aeo]w$/.test(lemma) &&
      !IRREGULAR_W.test(lemma) &&
      made !== `${lemma}ed`
    )
      return `${lemma}ed`;
    return made;
  } catch {
    return lemma;
  }
}

/** Verbs in -w whose past is not -ed: knew, grew, threw, blew, showed/shown, drew, sewn ... */
const IRREGULAR_W = /(?:know|grow|throw|blow|show|sow|mow|draw|sew|hew|strew)$/;

const WORD =
  /[\p{L}\p{M}\p{N}]+(?:[-.][\p{L}\p{M}\p{N}]+)*(?:['’](?![sS]\b)\p{L}+)?|['’][sS]\b|[^\s\p{L}\p{M}\p{N}]/gu;

/** What {@link wordsOf} reads of a word by itself (everything but its offsets), kept per word. */
type WordReading = Omit<Word, 'start' | 'end'>;

const readings = new Map<string, WordReading>();

function readWord(raw: string): WordReading {
  let reading = readings.get(raw);
  if (reading === undefined) {
    const punct = !/[\p{L}\p{N}]/u.test(raw);
    const lower = raw.toLowerCase();
    const isWord = !punct && !/^['’]s$/i.test(raw);
    reading = {
      text: raw,
      lower,
      lemma: isWord ? lemmaOf(lower) : lower,
      tag: isWord ? wordTag(lower) : '',
      punct,
      capitalized: /^\p{Lu}/u.test(raw),
    };
    if (readings.size > MAX_CACHE) readings.clear();
    readings.set(raw, reading);
  }
  return reading;
}

/** The words and punctuation of `text` between `start` and `end`, with offsets into `text`. */
export function wordsOf(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    const r = readWord(m[0]);
    const at = start + m.index;
    words.push({
      start: at,
      end: at + r.text.length,
      text: r.text,
      lower: r.lower,
      lemma: r.lemma,
      tag: r.tag,
      punct: r.punct,
      capitalized: r.capitalized,
    });
  }
  return words;
}
