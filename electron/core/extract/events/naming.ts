/**
 * A name a person would write for an event, built from its parts in headline style: who, what (the
 * verb in the present, or the noun), on whom or what, and where. "Trump meets Rutte at the White
 * House", "Nichols sentenced in Atlanta", "Talks between Putin and Lukashenko at the Kremlin",
 * "Earthquake in Indonesia". Never a copied sentence, never a quote mark or a dangling "…".
 */
import { afterBe, joinedParticiple, type RawMention } from './mentions';
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
    'from with by for against during near across over under about than and or but among between through amid via ' +
    'outside inside behind beyond along toward towards upon'
  ).split(' '),
  ...TIME_WORDS,
]);
const TIME_UNIT = /^(?:years?|decades?|centuries|century|months?|weeks?|days?|hours?|minutes?)$/;
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

/** Words between a subject and its verb: auxiliaries and adverbs ("were later", "had been"). */
const BETWEEN_SUBJECT_AND_VERB =
  /^(?:is|are|was|were|be|been|being|am|has|have|had|get|gets|got|also|later|then|just|already|still|never|once|again|soon|not)$/;
/** Words for a time, which are no subject ("Thursday night, she was taken ..."). */
const TIME_HEAD =
  /^(?:night|morning|afternoon|evening|day|days|week|weeks|weekend|month|months|year|years|time|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const PREPOSITION =
  /^(?:of|in|at|on|for|with|by|from|to|into|onto|against|about|over|under|after|before|during|near|across|through|between|among|without|within|like)$/;
const PRONOUN =
  /^(?:i|you|he|she|it|we|they|someone|somebody|anyone|anybody|nobody|everyone|everybody|something|nothing|me|him|her|us|them|this|that|these|those|who|which|what|there|here|one|some|many|others|all|both|each)$/;

/**
 * The unnamed subject of a verb, as a headline writes it: "Buildings" of "buildings were evacuated in
 * Dunmore", "Three men" of "three men who had been accused", "Fire crews" of "fire crews were
 * dispatched". Up to four words of a noun phrase right before the verb (auxiliaries, adverbs and a
 * "who" between them); "" when there is none, or when it is a pronoun or someone's ("his car": whose?).
 */
function subjectWords(
  words: readonly Word[],
  trigger: number,
  first: number,
  reduced = false,
  apart = false,
  depth = 0,
): string {
  // "Residents of the town were evacuated", "the first film in the series was released": the noun the
  // preposition's phrase hangs on is what a passive befell (before: "Evacuating", "Released"). Only
  // after "was", "were" ... (an active verb's "the attempted murder of a man shot" is no such phrase),
  // and one step back at most.
  const governed = (preposition: number): string => {
    if (reduced || depth > 0 || !afterFiniteBe(words, trigger)) return '';
    const head = subjectWords(words, preposition, first, false, apart, depth + 1);
    // "Hundreds of homes": a count keeps what it counts.
    return COUNT_WORD.test(head) && words[preposition]!.lower === 'of'
      ? `${head} of ${joinWords(words.slice(preposition + 1, j + 1))}`
      : head;
  };
  let j = trigger - 1;
  while (j >= first) {
    const w = words[j]!;
    if (BETWEEN_SUBJECT_AND_VERB.test(w.lower) || (/ly$/.test(w.lower) && !w.capitalized)) j--;
    else break;
  }
  if (j >= first && /^(?:who|that|which)$/.test(words[j]!.lower)) j--;
  const head = words[j];
  if (
    head === undefined ||
    j < first ||
    head.punct ||
    PRONOUN.test(head.lower.replace(/['’].*$/, '')) ||
    TIME_HEAD.test(head.lower)
  )
    return '';
  // "We’ve toyed": a clitic is no word of a name.
  if (!/\p{L}{2}/u.test(head.text) || /^['’]|^(?:ve|ll|re|d|s|m|t)$/.test(head.lower)) return '';
  // The head is a noun: the lexicon says so, or it does not know the word and it is no adverb.
  const nounTag = NOUN_TAG.test(head.tag) || /Actor/.test(head.tag);
  if (!(nounTag || (head.tag === '' && !/ly$/.test(head.lower)))) return '';
  if (VERB_TAG.test(head.tag) && !nounTag) return '';
  // Right before the verb with nothing between, the head must be a noun the lexicon knows (or a word
  // it does not know with a plural's ending: "protesters"), and the verb no noun itself: "a life
  // sentence", "the automatic sentence" are one noun, not who sentenced.
  const noun = nounTag || (head.tag === '' && /[^s']s$/.test(head.lower));
  // (`apart`: a comma or a phrase stands between the subject and its verb, so no noun runs into it.)
  if (!apart && j === trigger - 1 && (!noun || NOUN_TAG.test(words[trigger]!.tag))) return '';
  // (`reduced`: the participle tells of the noun before it, "the death of a teenager shot by police",
  // so a preposition before that noun only ends it.)
  if (j - 1 >= first && PREPOSITION.test(words[j - 1]!.lower) && !reduced) return governed(j - 1);
  let from = j;
  for (let i = j - 1; i >= Math.max(first, j - 3); i--) {
    const w = words[i]!;
    // "accused of theft were released": a noun after a preposition is no subject.
    if (PREPOSITION.test(w.lower)) {
      if (reduced) break;
      return governed(i);
    }
    if (w.punct || STOP_OBJECT.has(w.lower) || HEDGE.test(w.lower) || AUXILIARY.test(w.lower)) break;
    if (/^(?:his|her|their|its|our|my|your)$/.test(w.lower) || /^['’]s$/.test(w.text)) return '';
    if (DETERMINER.test(w.lower)) break;
    if (VERB_TAG.test(w.tag) && !/Adjective|Singular|Plural|Noun|Value|Cardinal/.test(w.tag)) break;
    from = i;
  }
  // What stands before the phrase: "in the Mediterranean Sea", "an anti-gang unit", "31,000 people"
  // written "31 , 000 people" are no subject or only part of one.
  let before = from - 1;
  if (before >= first && DETERMINER.test(words[before]!.lower)) before--;
  if (before >= first && PREPOSITION.test(words[before]!.lower) && !reduced) return governed(before);
  // (One step back, not the last of a list: "Internet service in Egypt, the UAE, India and other
  // countries in the region was interrupted" is no "Other countries interrupted".)
  if (depth > 0 && before >= first && /^(?:and|or|,)$/.test(words[before]!.lower)) return '';
  const previous = words[from - 1];
  if (
    previous !== undefined &&
    (/^[-–]$/.test(previous.text) || (previous.text === ',' && /^\d/.test(words[from]!.text)))
  )
    return '';
  // Across an apposition, a phrase after a preposition anywhere before it is that preposition's ("the
  // boss of another New York Mafia organization, the Lucchese family, testified").
  if (apart && !reduced && words.slice(first, from).some((w) => PREPOSITION.test(w.lower))) return '';
  const phrase = joinWords(words.slice(from, j + 1));
  // A number alone is no subject.
  return /^[\d,.]+$/.test(phrase) ? '' : phrase;
}

/** Words that count what follows their "of". */
const COUNT_WORD = /^(?:dozens|hundreds|thousands|millions|scores|tens|some|many|most|all|several)$/i;

/** A finite "is", "was", "were" ... before the verb, adverbs between ("were severely disrupted"), not "being". */
function afterFiniteBe(words: readonly Word[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const w = words[j]!;
    if (/^(?:is|are|was|were)$/.test(w.lower)) return true;
    if (!/ly$/.test(w.lower) && !BETWEEN_SUBJECT_AND_VERB.test(w.lower)) return false;
  }
  return false;
}

/** Words that open a clause: a subject stretch read back from its verb stops after them. */
const CLAUSE_START =
  /^(?:where|when|while|after|before|because|since|if|though|although|and|but|or|that|who|which)$/;

/** The mark that opens an aside closed by `close`: a comma for a comma, a dash for the same dash. */
const ASIDE_OPENER: Record<string, string> = { ',': ',', '-': '-', '—': '—', '–': '–', ')': '(' };

/**
 * The subject of a verb set apart from it by an apposition, an aside or a participle phrase: "Three
 * people" of "Three people, one of them a pregnant woman, were killed", "Armed robbers" of "Armed
 * robbers - some disguised as women - snatched", "deputy" of "a deputy working with an anti-gang unit
 * was killed" (before: "Killing", "Snatching"). A passive needs its finite "was", "were" ... (not "to be
 * voted", whose subject is elsewhere), and a participle phrase is read only before one; "" when there
 * is no such subject.
 */
function interruptedSubject(words: readonly Word[], trigger: number, passive: boolean): string {
  let j = trigger - 1;
  while (j >= 0 && (BETWEEN_SUBJECT_AND_VERB.test(words[j]!.lower) || /ly$/.test(words[j]!.lower))) j--;
  const finite = words
    .slice(j + 1, trigger)
    .some((w) => /^(?:is|are|was|were|am|has|have|had)$/.test(w.lower));
  if ((passive && !finite) || j < 1) return '';
  // The start of the stretch of words (no punctuation) ending at `end`, looking back at most `reach`;
  // a clause's own start ("where", "when", "and") ends it too, when `clause` is asked for.
  const stretchStart = (end: number, reach: number, clause = false): number => {
    let k = end;
    while (
      k - 1 >= 0 &&
      k - 1 >= end - reach &&
      !words[k - 1]!.punct &&
      !(clause && k <= end && CLAUSE_START.test(words[k - 1]!.lower))
    )
      k--;
    return k;
  };
  const opener = ASIDE_OPENER[words[j]!.text];
  if (opener !== undefined) {
    // ", one of them a pregnant woman,", "- some disguised as women -": its opening mark a few words
    // back, and no clause of its own between ("After the vote was held, two men ...").
    const inner = stretchStart(j - 1, 8);
    const open = inner - 1;
    if (open < 1 || words[open]!.text !== opener || inner >= j) return '';
    // An apposition ("one of them a pregnant woman") or a relative clause (", which was sailing to
    // Oman,").
    const between = words.slice(inner, j);
    const relative = /^(?:who|which)$/.test(between[0]!.lower);
    if (!relative && between.some((w) => AUXILIARY.test(w.lower) || /^(?:who|which|that)$/.test(w.lower)))
      return '';
    // (The whole stretch before it is read, so that "the boss of another Mafia organization, the
    // Lucchese family, testified" finds no subject in "Mafia organization" after "of".)
    return subjectWords(words, open, stretchStart(open - 1, 20, true), false, true);
  }
  if (!finite) return '';
  // "a deputy working with an anti-gang unit": the -ing word right after the subject's noun, the
  // phrase ending in a word of its own (not "who", "to", "of": "the shooting of a deputy who was").
  const last = words[j]!;
  if (last.punct || PREPOSITION.test(last.lower) || PRONOUN.test(last.lower) || DETERMINER.test(last.lower))
    return '';
  const from = stretchStart(j, 7);
  for (let g = j; g > from; g--) {
    if (!/\p{L}ing$/u.test(words[g]!.lower) || words[g]!.capitalized) continue;
    // "a deputy working", "protesters calling": a noun with its article, or a plural; not the
    // compound "Movie making by the big studios has wound down".
    const head = words[g - 1];
    const start = stretchStart(g - 1, 20, true);
    const counted = words.slice(start, g - 1).some((w) => DETERMINER.test(w.lower));
    if (head === undefined || !(counted || /Plural/.test(head.tag) || /[^s]s$/.test(head.lower))) return '';
    return subjectWords(words, g, start, true, true);
  }
  return '';
}

/**
 * What a participle without "be" tells of, "by" its doer: "a Brooklyn teenager" in "the death of a
 * Brooklyn teenager shot and killed by police" (before: "Brooklyn shoots", then "Killing").
 */
function reducedSubject(words: readonly Word[], mention: RawMention): string {
  if (!mention.passive || mention.nominal) return '';
  let at = mention.trigger;
  // "shot and killed": back over the participles joined to this one.
  while (joinedParticiple(words, at)) at -= 2;
  if (afterBe(words, at)) return '';
  return subjectWords(words, at, mention.clause.first, true);
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
    // "three decades ago", "two weeks ago" tell when, not on what.
    if (w.lower === 'ago' || (words[i + 1]?.lower === 'ago' && i + 1 <= last)) break;
    if (words[i + 2]?.lower === 'ago' && TIME_UNIT.test(words[i + 1]?.lower ?? '')) break;
    if (taken.length > 0 && !w.capitalized && VERB_TAG.test(w.tag) && !/Singular|Plural|Noun/.test(w.tag)) {
      // "a security update", "the all-time record": a verb's base form right after a word that
      // modifies a noun is that noun.
      const previous = taken[taken.length - 1]!;
      const modifier =
        DETERMINER.test(previous.lower) ||
        /Adjective|Comparative|Superlative|Singular|Uncountable|Gerund/.test(previous.tag) ||
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
      // "an earlier ruling": a gerund right after an article or an adjective is the noun they wait for.
      const gerundNoun =
        /Gerund/.test(w.tag) &&
        ((DETERMINER.test(previous.lower) && !/^(?:his|her|their|its|our|my|your)$/.test(previous.lower)) ||
          /Adjective|Comparative|Superlative/.test(previous.tag));
      if (!(modifier && (baseForm || gerundModifier || gerundNoun))) break;
    }
    taken.push(w);
  }
  const all = joinWords(taken).replace(QUANTITY, '').split(' ');
  let object = all.slice(0, 4);
  // Cut short, it ends on no first words of a name ("the new Clean Water" of "the new Clean Water
  // Protection Act"), and not on what waited for the noun cut off: "her political", "the 1" (of "the
  // 1,237 delegates"), "the new" once the name is gone. Then it ends on no word that waits for more
  // ("of", "a crew ’s", "her") and on no adverb ("there").
  const cut = all.length > object.length;
  if (cut && /^\p{Lu}/u.test(all[object.length] ?? '')) {
    while (object.length > 1 && /^\p{Lu}/u.test(object[object.length - 1]!)) object = object.slice(0, -1);
    // The first word of a long name alone is no object: "Nichols kills", not "Nichols kills Superior"
    // (of "Superior Court Judge Rowland Barnes").
    if (object.length === 1 && /^\p{Lu}/u.test(object[0]!) && /^\p{Lu}/u.test(all[1] ?? '')) object = [];
  }
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
    // Nor on when, as an adverb the sentence put after the object ("confronts the board recently",
    // "confronts his brother three decades ago"): a name says what happened.
    .replace(
      /(?:\s+(?:\S+\s+)?(?:years?|decades?|months?|weeks?|days?|hours?)\s+ago|\s+(?:recently|earlier|yet|prior|ago|already|instead|meanwhile|nonetheless))+$/i,
      '',
    )
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
    // With no one named, it befell what the text names before it: "Three men released in Dunmore".
    if (np === word.text && people.length === 0 && /[^e]ed$|ied$/.test(word.lower)) {
      const subject = afterBe(words, trigger)
        ? subjectWords(words, trigger, clause.first) || interruptedSubject(words, trigger, true)
        : '';
      if (subject !== '') return tidy(`${subject} ${word.lower}${where}`);
    }
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
    parts.agents.length > 0
      ? parts.agents
      : mention.subjectPlace !== null && !mention.passive
        ? [
            mention.subjectHead === null
              ? mention.subjectPlace
              : `${mention.subjectPlace} ${mention.subjectHead}`,
          ]
        : [];
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
    // Befallen something the text names before the verb: "Buildings evacuated in Dunmore", "Ferry
    // seized near Tallinn" (before: "Evacuating in Dunmore", "Seizing near Tallinn").
    const passive = mention.passive || (/ed$/.test(word.lower) && afterBe(words, trigger));
    const subject =
      passive && particle === ''
        ? subjectWords(words, trigger, clause.first) ||
          reducedSubject(words, mention) ||
          interruptedSubject(words, trigger, true)
        : '';
    if (subject !== '') return tidy(`${subject} ${form('Participle')}${where}`);
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
    // Done by someone the text does not name: "Protesters march in Dunmore", not "Marching in Dunmore".
    // Not for an -ing form without "be" ("cables connecting Europe", "the fatal shooting"): a modifier.
    const progressive = /ing$/.test(word.lower);
    const be = afterBe(words, trigger);
    const doer =
      !progressive || be
        ? subjectWords(words, trigger, clause.first) || interruptedSubject(words, trigger, be)
        : '';
    if (doer !== '') {
      // A past form told with no object keeps its past, whether it is one ("protesters marched") or a
      // passive without its "were" ("three people killed", "polls conducted in Florida").
      const past = (be && !progressive) || (/ed$/.test(word.lower) && object === '');
      const verb = past ? form('Participle') : isPluralNoun(doer) ? plain : form('PresentTense');
      return tidy(`${doer} ${verb}${particle}${object ? ` ${object}` : ''}${where}`);
    }
    const of = object === '' ? '' : particle !== '' ? ` ${object}` : ` of ${object}`;
    return tidy(`${form('Gerund')}${particle}${of}${where}`);
  }
  // "they spotted Kimani", "they" read as Kimani: the one named in the object is who it befell, not
  // also who did it (before: "Kimani spots Kimani").
  if (
    object !== '' &&
    agents.some((a) => new RegExp(`(?:^|\\s)${escapeRegExp(a)}(?:$|[\\s’'])`).test(object))
  )
    return tidy(`${object} ${form('Participle')}${particle}${where}`);
  const verb = agents.length > 1 || isPluralGroup(agents[0]!) ? plain : form('PresentTense');
  return tidy(`${list(agents)} ${verb}${particle}${object ? ` ${object}` : ''}${where}`);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

/** A common noun phrase naming many ("Protesters", "fire crews"): its last word is a plural. */
function isPluralNoun(phrase: string): boolean {
  const last = lastWord(phrase).toLowerCase();
  return (
    /Plural/.test(wordTag(last)) ||
    (/[^s]s$/.test(last) && wordTag(last) === '') ||
    /^(?:police|people)$/.test(last)
  );
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
