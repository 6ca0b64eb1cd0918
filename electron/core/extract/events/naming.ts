/**
 * A name a person would write for an event, built from its parts in headline style: who, what (the
 * verb in the present, or the noun), on whom or what, and where. "Trump meets Rutte at the White
 * House", "Nichols sentenced in Atlanta", "Talks between Putin and Lukashenko at the Kremlin",
 * "Earthquake in Indonesia". Never a copied sentence, never a quote mark or a dangling "…".
 */
import type { RawMention } from './mentions';
import { NOUN_TAG, verbForm, wordTag, type Word } from './words';

/** Who took part, as the name shows them. */
export interface NameParts {
  /** They act together ("A and B meet"), none on another. */
  reciprocal: boolean;
  agents: string[];
  patients: string[];
  others: string[];
  place: string | null;
  placeWord: string | null;
}

const MAX_NAME = 80;
const DETERMINER =
  /^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|any|some|no|every|each)$/;
/** Words that say when ("on Monday", "last week"); "may" is left out, being a modal too. */
const TIME_WORDS = (
  'today yesterday tomorrow tonight last this next monday tuesday wednesday thursday friday saturday ' +
  'sunday january february march april june july august september october november december'
).split(' ');
const STOP_OBJECT = new Set([
  ...(
    'to that which who whom whose when where while after before following as because since if in at on into ' +
    'from with by for against during near across over under about than and or but'
  ).split(' '),
  ...TIME_WORDS,
]);
const AUXILIARY = /^(?:is|are|was|were|be|been|being|am|has|have|had|having|does|did|do)$/;
/** A word after a preposition that makes it a time ("on Monday", "in May", "in 2024"), not a complement. */
const TIME_WORD = new Set([...TIME_WORDS, 'may']);
const isTimeWord = (lower: string): boolean => TIME_WORD.has(lower) || /^\d{4}$/.test(lower);
const HEDGE = /^(?:least|most|more|fewer|less|than|about|nearly|almost|some|roughly|around)$/;
const QUANTITY = /^(?:(?:tens|hundreds|thousands|dozens|millions|scores) of )+/;
const VERB_TAG = /PastTense|PresentTense|Infinitive|Gerund|Participle|Copula|Modal/;

/** "Vladimir Putin" -> "Putin": names in event names are surnames; organisations stay whole. */
export function shortName(name: string, isPerson: boolean): string {
  if (!isPerson) return name;
  const parts = name.split(/\s+/);
  const last = parts[parts.length - 1] ?? name;
  return /^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(last) && parts.length > 2 ? parts[parts.length - 2]! : last;
}

function list(names: readonly string[]): string {
  const unique = [...new Set(names)].slice(0, 3);
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Words as the text writes them: together where they touch ("the senator's car", not "senator 's"). */
function joinWords(words: readonly Word[]): string {
  return words
    .map((w, k) => (k > 0 && w.start === words[k - 1]!.end ? w.text : ` ${w.text}`))
    .join('')
    .trim()
    .replace(/ - /g, '-');
}

/** The noun phrase of a nominal trigger: up to three modifiers before it ("US 30-day ceasefire proposal"). */
function nounPhrase(words: readonly Word[], trigger: number, first: number): string {
  let from = trigger;
  for (let i = trigger - 1; i >= Math.max(first, trigger - 3); i--) {
    const w = words[i]!;
    if (w.punct || DETERMINER.test(w.lower) || /^['’]s$/i.test(w.text) || STOP_OBJECT.has(w.lower)) break;
    // "Tom Reed was injured": a noun phrase never reaches back over a form of "be" or "have".
    if (AUXILIARY.test(w.lower)) break;
    if (VERB_TAG.test(w.tag) && !/Adjective|Singular|Plural|Noun/.test(w.tag) && !/s$/.test(w.lower)) break;
    from = i;
  }
  // "at least 70 people injured": the phrase starts at the number, not at what qualifies it.
  while (from < trigger && HEDGE.test(words[from]!.lower)) from++;
  return joinWords(words.slice(from, trigger + 1));
}

/** A short complement after a nominal trigger ("on Russian territory", "of Ukraine"). */
function complement(words: readonly Word[], trigger: number, last: number): string {
  const prep = words[trigger + 1];
  if (prep === undefined || !/^(?:of|on|against|for|to)$/.test(prep.lower) || trigger + 1 > last) return '';
  // "on Monday", "in March" tell when, not what.
  if (isTimeWord(words[trigger + 2]?.lower ?? '')) return '';
  const taken: Word[] = [];
  for (let i = trigger + 2; i <= Math.min(last, trigger + 5); i++) {
    const w = words[i]!;
    if (w.punct || (STOP_OBJECT.has(w.lower) && taken.length > 0)) break;
    taken.push(w);
  }
  if (taken.length === 0 || (taken.length === 1 && DETERMINER.test(taken[0]!.lower))) return '';
  return `${prep.lower} ${joinWords(taken)}`;
}

/** "the " when the text writes the place with it ("visiting the Kursk region"). */
function article(words: readonly Word[], mention: RawMention): string {
  const place = mention.place;
  if (place === null) return '';
  const i = words.findIndex((w) => w.start >= place.start);
  return i > 0 && words[i - 1]!.lower === 'the' ? 'the ' : '';
}

/** The object words after a verb trigger ("troops" of "sent tens of thousands of troops into ..."). */
function objectWords(words: readonly Word[], from: number, last: number, mention: RawMention): string {
  const taken: Word[] = [];
  for (let i = from; i <= Math.min(last, from + 6); i++) {
    const w = words[i]!;
    // The object stops where a named place or the place phrase begins.
    if (mention.place !== null && w.end > mention.place.start && w.start < mention.place.end) break;
    if (w.punct || (STOP_OBJECT.has(w.lower) && !(w.lower === 'of' && taken.length > 0))) break;
    if (taken.length > 0 && !w.capitalized && VERB_TAG.test(w.tag) && !/Singular|Plural|Noun/.test(w.tag)) {
      // "a security update", "the all-time record": a verb's base form right after a word that
      // modifies a noun is that noun.
      const previous = taken[taken.length - 1]!;
      const modifier =
        DETERMINER.test(previous.lower) ||
        /Adjective|Singular|Uncountable|Gerund/.test(previous.tag) ||
        (previous.tag === '' && !/(?:ed|ing|ly)$/.test(previous.lower));
      const baseForm = /Infinitive|PresentTense/.test(w.tag) && !/(?:ed|ing|s)$/.test(w.lower);
      // "the all-time scoring record": a gerund between a modifier and a noun modifies the noun.
      const next = words[i + 1];
      const gerundModifier =
        /Gerund/.test(w.tag) &&
        i + 1 <= last &&
        next !== undefined &&
        !next.punct &&
        !next.capitalized &&
        !STOP_OBJECT.has(next.lower) &&
        (NOUN_TAG.test(next.tag) || (/Infinitive/.test(next.tag) && !/(?:ed|ing|s)$/.test(next.lower)));
      if (!(modifier && (baseForm || gerundModifier))) break;
    }
    taken.push(w);
  }
  const all = joinWords(taken).replace(QUANTITY, '').split(' ');
  let object = all.slice(0, 4);
  // Cut short, it may end on what waited for the noun cut off: "her political", "the 1" (of "the
  // 1,237 delegates"). Then it ends on no word that waits for more ("of", "a crew ’s", "her") and on
  // no adverb ("there").
  const cut = all.length > object.length;
  while (cut && object.length > 1 && lostItsNoun(object[object.length - 1]!, object[object.length - 2]!)) {
    object = object.slice(0, -1);
  }
  while (object.length > 0 && dangles(object[object.length - 1]!)) object = object.slice(0, -1);
  const text = object.join(' ');
  return /^(?:him|her|them|it|himself|herself|themselves|itself|me|us|you)$/i.test(text) ? '' : text;
}

/** Whether an object's last word waits for more: a preposition, an article, a possessive, an adverb. */
function dangles(word: string): boolean {
  return /^(?:of|the|a|an|and|or|to|for|in|on|at|by|with|from|['’]s|his|her|their|its|our|my|your|there|here|then|now|afterwards|later|again)$/i.test(
    word,
  );
}

/**
 * Whether the last word of an object cut short waited for the noun cut off: a number after an article
 * ("the 1"), an adjective after an article or another adjective ("her political"); after a verb or
 * "not" an adjective is the verb's complement ("pleads not guilty").
 */
function lostItsNoun(word: string, before: string): boolean {
  if (/^\d/.test(word)) return DETERMINER.test(before.toLowerCase());
  const lower = word.toLowerCase();
  const tag = wordTag(lower);
  if (!/Adjective/.test(tag) || NOUN_TAG.test(tag) || word !== lower) return false;
  const previous = wordTag(before.toLowerCase());
  return DETERMINER.test(before.toLowerCase()) || (/Adjective/.test(previous) && !NOUN_TAG.test(previous));
}

function placePhrase(parts: NameParts): string {
  if (parts.place === null) return '';
  const word =
    parts.placeWord !== null && /^(?:in|at|into|near|outside|from|to|across)$/.test(parts.placeWord)
      ? parts.placeWord
      : 'in';
  const the =
    /^(?:White House|Kremlin|Pentagon|Vatican|Hague|Netherlands|Philippines|United States|UK|US|U\.S\.?|U\.K\.?)$/.test(
      parts.place,
    )
      ? 'the '
      : '';
  return ` ${word} ${the}${parts.place}`;
}

/** A name ending on an abbreviation, whose period belongs to it: "U.S.", "D.C.", "Jr.", "Inc.". */
const ABBREVIATION_END = /(?:\b\p{Lu}\.\p{Lu}\.|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros|St)\.)$/u;

function tidy(name: string): string {
  let out = name
    .replace(/[“”"‘’«»]/g, (c) => (c === '’' ? '’' : ''))
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/…/g, '')
    .trim()
    // No closing punctuation, but the period of an abbreviation stays ("in the U.S.", "Jr.").
    .replace(/[,;:.\-–—]+$/, (end, at: number, all: string) =>
      end === '.' && ABBREVIATION_END.test(all.slice(0, at + 1)) ? '.' : '',
    )
    .trim()
    // A name never opens on a preposition left over from the sentence ("Of further violence").
    .replace(/^(?:of|in|at|to|on|for|with|and|or|by|from)\s+(?!least\b|most\b|first\b|last\b)(?=\S)/i, '')
    // Nor ends on a word that waits for more ("on the eve of a", "North Carolina's"); "in" and "on"
    // may end a verb ("checks in").
    .replace(/(?:\s+(?:of|the|a|an|and|or|to|for|with|by|from|at)|\s*['’]s)+$/i, '')
    // A small word said twice where two phrases met ("Protest of of their own"; "checked in in
    // Los Angeles" keeps both).
    .replace(/\b(of|the|a|an|to|for|with|by|and)\s+\1\b/gi, '$1');
  if (out.length > MAX_NAME) {
    const cut = out.lastIndexOf(' ', MAX_NAME);
    out = out
      .slice(0, cut > 20 ? cut : MAX_NAME)
      .replace(/\s+(?:of|in|at|to|and|the|a|an|on|for|with)$/i, '');
  }
  return capitalize(out);
}

/** The event's name from its best mention and its participants. */
export function eventName(mention: RawMention, parts: NameParts): string {
  const { words, trigger, clause } = mention;
  const word = words[trigger]!;
  const triggerWords = words.filter((w) => w.start >= mention.span[0] && w.end <= mention.span[1]);
  // "checked herself in": the particle, not the pronoun, goes into the name.
  const particle = triggerWords.length > 1 ? ` ${triggerWords[triggerWords.length - 1]!.lower}` : '';
  const people = [...parts.agents, ...parts.others, ...parts.patients];
  if (mention.nominal) {
    const np = nounPhrase(words, trigger, clause.first);
    if (mention.aspect !== null) {
      const plural = /s$/.test(word.lower) && !/ss$/.test(word.lower);
      return tidy(
        `${np} ${plural ? mention.aspect : verbForm(mention.aspect, 'PresentTense')}${placePhrase(parts)}`,
      );
    }
    if (mention.frame !== null) {
      const where = parts.place === null ? '' : ` for ${parts.place}`;
      return tidy(`${np} ${mention.frame}${where}`);
    }
    // "an Indiana rally": a place the noun phrase names already is not said again.
    const where = parts.place !== null && np.includes(parts.place) ? '' : placePhrase(parts);
    // A participle standing alone ("Injured") says what befell its one participant: "Bush injured".
    if (np === word.text && people.length === 1 && /[^e]ed$|ied$/.test(word.lower))
      return tidy(`${people[0]} ${word.lower}${where}`);
    // A headline's "Lindsay Lohan checks into …" read as a noun phrase names Lohan already.
    const named = new Set(np.toLowerCase().split(/\s+/));
    const others = people.filter((p) => !named.has(lastWord(p).toLowerCase()));
    if (others.length < people.length) {
      const rest = others.length === 0 ? '' : ` with ${list(others)}`;
      return tidy(`${np}${rest}${where}`);
    }
    if (people.length >= 2) return tidy(`${np} between ${list(people)}${where}`);
    if (parts.agents.length === 1 && !parts.reciprocal)
      return tidy(`${parts.agents[0]}’s ${lowerFirst(np)}${where}`);
    if (people.length === 1)
      return tidy(`${np} ${parts.patients.length === 1 ? 'of' : 'with'} ${people[0]}${where}`);
    const rest = parts.place === null ? complement(words, trigger, clause.last) : '';
    return tidy(`${np}${rest ? ` ${rest}` : ''}${where}`);
  }
  const where = placePhrase(parts);
  const after = trigger + triggerWords.length;
  // Past forms the lexicon reads as adjectives or misreads keep their verb ("lefts", "hanges").
  const lemma = VERB_OF_PAST[word.lower] ?? word.lemma;
  // A form the lexicon could not take back to its base ("extradited", "eked", "feuding") is written as
  // the text has it: "Lazar extradited", not "Lazar extraditeds". ("feed", "bring", "shed" are base
  // forms: before their -ed or -ing comes no vowel, or an e.)
  const baseless = lemma === word.lower && /[aeiouy][^aeiouy]*(?:[^e]ed|ing)$/.test(word.lower);
  const form = (f: 'PresentTense' | 'Participle' | 'Gerund'): string =>
    baseless ? word.lower : verbForm(lemma, f);
  const plain = baseless ? word.lower : lemma;
  if (parts.reciprocal && people.length >= 2) {
    return tidy(`${list(people)} ${plain}${particle}${where}`);
  }
  if (mention.passive || (parts.agents.length === 0 && parts.patients.length > 0)) {
    const who = list(parts.patients.length > 0 ? parts.patients : parts.others);
    if (who !== '') return tidy(`${who} ${form('Participle')}${particle}${where}`);
  }
  const agents =
    parts.agents.length > 0 ? parts.agents : mention.subjectPlace !== null ? [mention.subjectPlace] : [];
  // "visiting the Kursk region": the place is what the verb acts on.
  const placeObject =
    parts.place !== null &&
    parts.placeWord === null &&
    mention.place !== null &&
    mention.place.start > mention.span[1];
  if (placeObject && parts.patients.length === 0 && agents.length > 0) {
    const verb = agents.length > 1 ? plain : form('PresentTense');
    return tidy(`${list(agents)} ${verb}${particle} ${article(words, mention)}${parts.place}`);
  }
  const object =
    parts.patients.length > 0 ? list(parts.patients) : objectWords(words, after, clause.last, mention);
  if (agents.length === 0) {
    // With no one to name, a word that is a noun names it as one: "Attack on a police station",
    // "Death", not "Attacking of a police station", "Deathing".
    if (isNoun(lemma)) {
      const of = object === '' ? '' : ` ${NOUN_PREPOSITION[lemma] ?? 'of'} ${object}`;
      return tidy(`${lemma}${of}${where}`);
    }
    // What it befell, headline style: "Five people injured", "Two safes cracked near Nice", not
    // "Injuring of five people". Not for "his hotel room" (whose?) nor a pronoun.
    const thing = object.replace(/^(?:the|a|an)\s+/i, '');
    if (
      thing !== '' &&
      particle === '' &&
      !/^(?:his|her|their|its|our|my|your|him|them|it|us|me)\b/i.test(thing) &&
      // "leaving a man wounded" is no "Man wounded left".
      !/ed$/i.test(thing)
    )
      return tidy(`${thing} ${form('Participle')}${where}`);
    const of = object === '' ? '' : particle !== '' ? ` ${object}` : ` of ${object}`;
    return tidy(`${form('Gerund')}${particle}${of}${where}`);
  }
  const verb = agents.length > 1 || isPluralGroup(agents[0]!) ? plain : form('PresentTense');
  return tidy(`${list(agents)} ${verb}${particle}${object ? ` ${object}` : ''}${where}`);
}

/**
 * A name for many people, which takes a plural verb: "Senate Democrats block", "Republicans win",
 * "Socialists vote", "Muslims pray". Only endings of parties and peoples, in words of seven letters
 * or more the lexicon does not know as a surname ("Evans", "Keats" stay one person); "Starbucks",
 * "Reuters", "Goldman Sachs" and "the Times" are one company each.
 */
function isPluralGroup(name: string): boolean {
  const word = lastWord(name);
  if (!/^\p{Lu}\p{Ll}{2,}(?:ans|ats|ists)$|^Muslims$/u.test(word) || word.length < 7) return false;
  return !/LastName|FirstName|MaleName|FemaleName|Person/.test(wordTag(word.toLowerCase()));
}

const lastWord = (name: string): string => name.split(/\s+/).pop() ?? name;

/** Past forms whose lemma the lexicon does not give (it reads "left" and "lost" as adjectives). */
const VERB_OF_PAST: Record<string, string> = {
  left: 'leave',
  lost: 'lose',
  hanged: 'hang',
  biding: 'bide',
  bided: 'bide',
};

/** Nouns a named happening takes "on" after rather than "of" ("Attack on a police station"). */
const NOUN_PREPOSITION: Record<string, string> = { attack: 'on', strike: 'on', raid: 'on', assault: 'on' };

/** Verbs whose noun names the happening ("Arrest", "Attack on …"), written as the verb is. */
const HAPPENING_NOUNS = new Set(
  'attack strike raid assault murder arrest visit protest crash collapse fire blast escape rescue vote release fight battle search'.split(
    ' ',
  ),
);

/**
 * A word that names a happening as a noun: one of those, or a noun by an ending no verb has ("death",
 * "election"; not "-ure" or "-ment", which "injure" and "implement" have).
 */
function isNoun(lemma: string): boolean {
  return HAPPENING_NOUNS.has(lemma) || /(?:tion|sion|th)$/.test(lemma);
}

const lowerFirst = (text: string): string =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
