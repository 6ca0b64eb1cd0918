/**
 * Event mentions of one sentence: the words the trigger model takes for happenings, each with who took
 * part, where and when. For a verb: the subject before it in its clause (the main clause's for a
 * dependent one) acts, or is acted on when the verb is passive; an entity after it is acted on, "by X"
 * acts, "with X" takes part. For a noun: "X's visit", "talks with X", "attack on X", "arrest of X".
 * What is not a happening is left out: light verbs carrying a noun ("struck a deal": the deal),
 * frames around one ("a proposal for a ceasefire": the ceasefire), negated and unreal ones ("did not
 * mention", "in an attempt to divert", "would agree").
 */
import type { DateMention, Span } from '../types';
import { clauseAt, clausesOf, type Clause } from './clauses';
import {
  ASPECTUAL,
  FRAMES,
  isKnownKind,
  kindOf,
  LIGHT_VERBS,
  NOT_EVENTS,
  phrasalKind,
  phrasalOf,
  STANCES,
} from './kinds';
import { AUXILIARIES, triggerProbability, type TriggerModel } from './trigger-model';
import { NOUN_TAG, wordsOf, type Word } from './words';

/** A named person, organisation or place occurring in the text. */
export interface EntitySpan {
  start: number;
  end: number;
  name: string;
  kind: 'person' | 'org' | 'place';
}

/** What one sentence offers the event rules. */
export interface SentenceInput {
  text: string;
  start: number;
  end: number;
  /** Entities inside the sentence, in text order, none inside quotes (except posts). */
  entities: readonly EntitySpan[];
  /** Dates inside the sentence that place something on the calendar, in text order. */
  dates: readonly DateMention[];
  /** Whether [start, end) lies inside quoted words (a post's text does not count). */
  quoted(start: number, end: number): boolean;
  /** The person a "he"/"she"/"they" at this offset most likely is, or null. */
  pronoun(offset: number, word: string): EntitySpan | null;
  /** The author of the post holding this offset ("I", "me" and "we" in it are them), or null. */
  author(offset: number): EntitySpan | null;
}

/** A participant as the sentence shows it. */
export interface Role {
  entity: EntitySpan;
  role: 'agent' | 'patient' | 'other';
}

/** One mention of a happening. */
export interface RawMention {
  /** The trigger word (with a verb particle: "checks into"). */
  span: Span;
  sentence: Span;
  lemma: string;
  kind: string;
  /** Named by a noun ("talks", "the attack") rather than a verb. */
  nominal: boolean;
  passive: boolean;
  probability: number;
  /** The sentence's words (capitals of a headline lowered), for naming. */
  words: Word[];
  trigger: number;
  clause: Clause;
  roles: Role[];
  place: EntitySpan | null;
  /** The preposition before the place ("at", "in", "into"), or null. */
  placeWord: string | null;
  date: DateMention | null;
  /** The date came from this mention's own clause (not from elsewhere in the sentence). */
  ownDate: boolean;
  /** A place standing as the subject ("Ukraine smashed into ..."), or null. */
  subjectPlace: string | null;
  /**
   * The word for a person the subject place modifies ("man" of "A Perth man has survived"): the
   * subject is that person, whom the text does not name, so the name says "Perth man". Null otherwise.
   */
  subjectHead: string | null;
  /** A frame noun around it ("proposal" of "a ceasefire proposal"), or null. */
  frame: string | null;
  /** Tied by the text to another dated happening ("hours after ..."). */
  anchored: boolean;
  /** Lemmas of other words naming the same happening here ("smashed ..., the biggest attack"). */
  also: string[];
  /** A verb of phase whose subject this noun is ("deliveries had resumed": "resume"), or null. */
  aspect: string | null;
  /** A verb this noun is the subject of ("the earthquake struck Indonesia"): its place is the noun's. */
  absorbed?: RawMention;
}

/** Particles that always belong to the verb before them. */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'back', 'away']);
/** Verbs for which "in", "into" and "over" are particles too ("checked into", "took over"). */
const PREPOSITION_PARTICLES = new Set([
  'check',
  'move',
  'break',
  'sign',
  'log',
  'turn',
  'hand',
  'step',
  'take',
  'fill',
  'walk',
]);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);

/**
 * Whether word `i` is a past participle after a form of "be" (or "get"): "was arrested", "were
 * previously treated", "was later shot"; up to two adverbs may stand between them. (Counting past
 * forms the lexicon does not know, "was remanded", lost in cross-validation of event matching on the
 * training topics: 0.906 -> 0.900.)
 */
function isPassive(words: readonly Word[], i: number, isName: (w: Word) => boolean = () => false): boolean {
  if (!/PastTense|Participle/.test(words[i]!.tag)) return false;
  if (afterBe(words, i)) return true;
  // "was shot and killed": a participle joined to a passive one is passive too (before: "Ortiz kills").
  if (joinedParticiple(words, i) && isPassive(words, i - 2, isName)) return true;
  return reducedPassive(words, i, isName);
}

/** Whether word `i` follows a past form by "and" or "or": "killed" in "shot and killed". */
export function joinedParticiple(words: readonly Word[], i: number): boolean {
  return i >= 2 && /^(?:and|or)$/.test(words[i - 1]!.lower) && /PastTense|Participle/.test(words[i - 2]!.tag);
}

/**
 * A participle right after the noun it tells of, with its doer after "by": "a teenager shot and killed
 * by police", "the man arrested by FBI agents" (before: the noun's place did it, "Brooklyn shoots").
 */
function reducedPassive(words: readonly Word[], i: number, isName: (w: Word) => boolean): boolean {
  const before = words[i - 1];
  if (before === undefined || before.punct || VERB_TAG.test(before.tag)) return false;
  if (!NOUN_TAG.test(before.tag) && !/Actor|ProperNoun|Person/.test(before.tag) && !isName(before))
    return false;
  if (/^(?:he|she|they|it|we|i|you|who|which|that)$/.test(before.lower)) return false;
  for (let j = i + 1; j < Math.min(words.length, i + 4); j++) {
    const w = words[j]!;
    // "by" before its doer; not "drove by on his way", "stopped by."
    if (w.lower === 'by') {
      const doer = words[j + 1];
      return doer !== undefined && !doer.punct && !/Preposition|Adverb|Conjunction/.test(doer.tag);
    }
    // "shot and killed by police": a second participle may come first.
    if (!/^(?:and|or)$/.test(w.lower) && !/PastTense|Participle/.test(w.tag)) return false;
  }
  return false;
}

/** Whether a form of "be" (or "get") stands before word `i`, up to two adverbs between ("was later"). */
export function afterBe(words: readonly Word[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const w = words[j]!;
    if (PASSIVE_AUX.has(w.lower)) return true;
    if (!/ly$/.test(w.lower) && !PASSIVE_ADVERBS.has(w.lower)) return false;
  }
  return false;
}

/** Adverbs without -ly that stand between "was" and its participle ("was also arrested"). */
const PASSIVE_ADVERBS = new Set(
  'also later then since just already still not never soon once again subsequently'.split(' '),
);
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'into',
  'near',
  'to',
  'from',
  'across',
  'outside',
  'inside',
  'on',
  'off',
]);
const DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|any|no|every|each)$/;
const MODAL = /^(?:would|could|might|may|should|must|can|cannot|shall|will|['’]ll|wo)$/;
const NEGATION = /^(?:not|never|n['’]t|no)$/;
const UNREAL =
  /\b(?:attempts?|efforts?|bids?|trying|tried|tries|try|plans?|planned|planning|hopes?|hoped|hoping|wants?|wanted|aims?|aimed|order|seeks?|sought|threat(?:en(?:s|ed)?)?|refused?|failed|vowed?|promised?|intends?|intended)\s+to\b|\b(?:set|due|expected|likely|about|poised|going|scheduled)\s+to\b|\bin\s+order\s+to\b|\bso\s+as\s+to\b/i;
const VERB_TAG = /PastTense|PresentTense|Infinitive|Gerund|Participle/;
/** Trigger probability a noun of a known kind needs (the model says little about rare nouns). */
const KNOWN_NOUN_FLOOR = 0.02;
/** How many words apart a date may be from the trigger it dates. */
const DATE_REACH = 12;

const overlapping = (w: { start: number; end: number }, e: { start: number; end: number }): boolean =>
  w.start < e.end && e.start < w.end;

/** Whether most words are capitalised: a headline, whose capitals say nothing about names. */
function isHeadline(words: readonly Word[]): boolean {
  const real = words.filter((w) => !w.punct && /\p{L}/u.test(w.text));
  if (real.length < 3) return false;
  // "Lohan Checks Into Rehab", "Earthquake In Indonesia": small words capitalised inside the line.
  if (
    real
      .slice(1)
      .some(
        (w) =>
          w.capitalized &&
          /^(?:in|on|at|of|to|for|with|and|into|by|from|the|a|an|after|over|out)$/.test(w.lower),
      )
  ) {
    return true;
  }
  return real.filter((w) => w.capitalized).length / real.length >= 0.8;
}

function isNominal(words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  const prev = words[i - 1];
  // After "a" and a capitalised modifier, a base form is a noun ("an MSNBC interview"). Tried and
  // dropped by cross-validation of event matching on the training topics: after any one modifier
  // ("a 52-month sentence"): 0.906 -> 0.902.
  const afterDeterminer =
    prev !== undefined &&
    (DETERMINER.test(prev.lower) || /^['’]s$/i.test(prev.text) || afterNamedModifier(words, i));
  if (VERB_TAG.test(word.tag) && !NOUN_TAG.test(word.tag)) return afterDeterminer;
  // "attack" after "to", a pronoun or a modal is a verb; after a determiner or adjective, a noun.
  if (
    prev !== undefined &&
    (/^(?:to|they|we|he|she|i|you|did|didn['’]t|had|has|have)$/.test(prev.lower) || MODAL.test(prev.lower))
  ) {
    return false;
  }
  // A participle read as an adjective is a verb when an object follows it: "Washington proposed a
  // ceasefire" (not "the proposed ceasefire").
  const next = words[i + 1];
  if (
    !NOUN_TAG.test(word.tag) &&
    /ed$/.test(word.lower) &&
    next !== undefined &&
    DETERMINER.test(next.lower)
  ) {
    return false;
  }
  if (NOUN_TAG.test(word.tag) || /Adjective/.test(word.tag)) return true;
  // Unknown to the lexicon: "-ed" and "-ing" words are verbs, the rest nouns.
  return afterDeterminer || !/(?:ed|ing)$/.test(word.lower);
}

/**
 * "in an MSNBC interview", "a Friday interview with Univision": a base form after "a"/"an" and a
 * capitalised word modifying it is a noun (the name is no subject there).
 */
function afterNamedModifier(words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  const modifier = words[i - 1];
  const article = words[i - 2];
  if (modifier === undefined || article === undefined || modifier.punct || !modifier.capitalized)
    return false;
  if (!/^(?:a|an)$/.test(article.lower)) return false;
  return !/PastTense|Participle|Gerund/.test(word.tag) && !/(?:ed|ing|s)$/.test(word.lower);
}

/** What a mention knows when its trigger is found; roles, place and date are read into it afterwards. */
type FoundTrigger = Pick<
  RawMention,
  | 'span'
  | 'sentence'
  | 'lemma'
  | 'kind'
  | 'nominal'
  | 'passive'
  | 'probability'
  | 'words'
  | 'trigger'
  | 'clause'
  | 'aspect'
>;

/** A mention of a found trigger, with nothing read around it yet. */
function newMention(trigger: FoundTrigger): RawMention {
  // Written out rather than spread: a spread of eleven fields was a few percent of all extraction.
  return {
    span: trigger.span,
    sentence: trigger.sentence,
    lemma: trigger.lemma,
    kind: trigger.kind,
    nominal: trigger.nominal,
    passive: trigger.passive,
    probability: trigger.probability,
    words: trigger.words,
    trigger: trigger.trigger,
    clause: trigger.clause,
    aspect: trigger.aspect,
    roles: [],
    place: null,
    placeWord: null,
    date: null,
    ownDate: false,
    subjectPlace: null,
    subjectHead: null,
    frame: null,
    anchored: false,
    also: [],
  };
}

/** Mentions of happenings in one sentence. */
export function sentenceMentions(input: SentenceInput, model: TriggerModel): RawMention[] {
  const all = wordsOf(input.text, input.start, input.end);
  const headline = isHeadline(all);
  const words = headline ? all.map((w) => ({ ...w, capitalized: false })) : all;
  const clauses = clausesOf(words);
  const entityAt = (w: { start: number; end: number }): EntitySpan | undefined =>
    input.entities.find((e) => overlapping(w, e));
  const unreal = unrealClauses(words, clauses);
  let found: RawMention[] = [];
  words.forEach((word, i) => {
    if (word.punct || word.text.length < 3 || /^\d/.test(word.text)) return;
    // "took over", "set off": a verb that names nothing alone, with the particle that makes it a
    // happening (a verb that is one alone, "check", keeps its own reading: "a check in March").
    const nothingAlone = NOT_EVENTS.has(word.lemma);
    const phrasal = nothingAlone ? phrasalOf(word.lemma, words[i + 1]?.lower) : undefined;
    if (nothingAlone && phrasal === undefined) return;
    // "don’t", "can’t": an auxiliary with its "not", never a happening ("Clinton don’ts totally").
    if (/n['’]t$/.test(word.lower)) return;
    if (entityAt(word) !== undefined || input.quoted(word.start, word.end)) return;
    if (input.dates.some((d) => word.start < d.span[1] && d.span[0] < word.end)) return;
    if (!headline && all[i]!.capitalized && i > 0 && !words[i - 1]!.punct) return;
    const kind = phrasal ?? kindOf(word.lemma);
    const probability = triggerProbability(model, words, i);
    // A word of a known kind ("ceasefire", "earthquake") needs less evidence than any other word, and
    // little as a noun: the trigger model learned from TimeBank, where some of these words are rare.
    const known = isKnownKind(kind);
    const floor = known ? (isNominal(words, i) ? KNOWN_NOUN_FLOOR : model.threshold * 0.3) : model.threshold;
    if (probability < floor) return;
    const clause = clauses[clauseAt(clauses, i)]!;
    // A headline's "Lohan Checks Into Rehab": a word right after a name is its verb.
    // A word with its particle ("set off", "took over") is a verb.
    const nominal =
      phrasal !== undefined || (headline && i > 0 && entityAt(words[i - 1]!) !== undefined)
        ? false
        : isNominal(words, i);
    if (!nominal && (unreal.has(clause) || negatedOrModal(words, i, clause))) return;
    // "called the bloodbath" is saying; "called Trump" a call. "Deal with" is no deal.
    if (word.lemma === 'call' && !nominal && !startsWithEntity(words, i + 1, entityAt)) return;
    if (word.lemma === 'deal' && !nominal) return;
    const passive = !nominal && isPassive(words, i, (w) => entityAt(w) !== undefined);
    let end = word.end;
    let particle: string | null = null;
    if (!nominal) {
      // "checked into", "stepped down", "checked herself in".
      let j = i + 1;
      if (/^(?:himself|herself|themselves|itself)$/.test(words[j]?.lower ?? '')) j++;
      const next = words[j];
      if (
        next !== undefined &&
        (PARTICLES.has(next.lower) ||
          (PREPOSITION_PARTICLES.has(word.lemma) && /^(?:in|into|over)$/.test(next.lower)))
      ) {
        end = next.end;
        particle = next.lower;
      }
    }
    found.push(
      newMention({
        span: [word.start, end],
        sentence: [input.start, input.end],
        lemma: word.lemma,
        kind: particle === null ? kind : phrasalKind(word.lemma, particle, kind),
        nominal,
        passive,
        probability,
        words,
        trigger: i,
        clause,
        aspect: null,
      }),
    );
  });
  found.push(...phaseSubjects(words, clauses, found, input, entityAt));
  found.sort((a, b) => a.trigger - b.trigger);
  for (const mention of found) attachRoles(mention, words, clauses, input, entityAt);
  found = carried(found, words, clauses);
  stances(found, words, clauses, input, entityAt);
  authors(found, words, input);
  attachPlaces(found, words, clauses, input);
  attachDates(found, words, clauses, input);
  return found;
}

function startsWithEntity(
  words: readonly Word[],
  from: number,
  entityAt: (w: Word) => EntitySpan | undefined,
): boolean {
  for (let i = from; i < Math.min(words.length, from + 3); i++) {
    const w = words[i]!;
    if (entityAt(w) !== undefined) return true;
    if (!DETERMINER.test(w.lower)) return false;
  }
  return false;
}

/** "US arms deliveries had resumed": the noun a verb of phase speaks of is the happening. */
function phaseSubjects(
  words: readonly Word[],
  clauses: readonly Clause[],
  found: readonly RawMention[],
  input: SentenceInput,
  entityAt: (w: Word) => EntitySpan | undefined,
): RawMention[] {
  const made: RawMention[] = [];
  words.forEach((word, i) => {
    if (word.punct || !ASPECTUAL.has(word.lemma) || !VERB_TAG.test(word.tag)) return;
    let j = i - 1;
    while (
      j >= 0 &&
      /^(?:had|has|have|was|were|is|are|been|be|also|now|finally|quickly)$/.test(words[j]!.lower)
    )
      j--;
    const noun = words[j];
    if (
      noun === undefined ||
      noun.punct ||
      entityAt(noun) !== undefined ||
      input.quoted(noun.start, noun.end)
    )
      return;
    if (!(NOUN_TAG.test(noun.tag) || (noun.tag === '' && /s$/.test(noun.lower))) || VERB_TAG.test(noun.tag))
      return;
    if (NOT_EVENTS.has(noun.lemma) || /^(?:it|they|this|that|which|who)$/.test(noun.lower)) return;
    const existing = found.find((m) => m.trigger === j);
    if (existing !== undefined) {
      existing.aspect = word.lemma;
      return;
    }
    made.push(
      newMention({
        span: [noun.start, noun.end],
        sentence: [input.start, input.end],
        lemma: noun.lemma,
        kind: kindOf(noun.lemma),
        nominal: true,
        passive: false,
        probability: 0.6,
        words: words as Word[],
        trigger: j,
        clause: clauses[clauseAt(clauses, j)]!,
        aspect: word.lemma,
      }),
    );
  });
  return made;
}

/**
 * Whoever takes a position on a happening takes part in it: "Putin says Russia agrees with US proposals
 * for a ceasefire" (Putin), "he hoped the Kremlin would agree to the US proposal" (the speaker).
 */
function stances(
  found: readonly RawMention[],
  words: readonly Word[],
  clauses: readonly Clause[],
  input: SentenceInput,
  entityAt: (w: Word) => EntitySpan | undefined,
): void {
  for (const mention of found) {
    if (
      !mention.nominal ||
      !isKnownKind(mention.kind) ||
      mention.roles.some((r) => r.entity.kind === 'person')
    )
      continue;
    const index = clauses.indexOf(mention.clause);
    const reach = clauses.slice(Math.max(0, index - 1), index + 1);
    const before = reach
      .flatMap((c) => words.slice(c.first, c.last + 1))
      .filter((w) => w.start < mention.span[0])
      .map((w) => w.lower)
      .join(' ');
    if (!STANCES.test(before)) continue;
    const main =
      mainSubject(words, clauses, entityAt, input, mention.clause) ??
      subjectOf(mention, words, clauses, input, entityAt);
    if (main !== null && main.kind === 'person') mention.roles.push({ entity: main, role: 'other' });
  }
}

/** In a post, "me" and "we" are its author: they take part in what the sentence tells. */
function authors(found: readonly RawMention[], words: readonly Word[], input: SentenceInput): void {
  const firstPerson = words.find((w) => /^(?:i|me|my|we|us|our)$/.test(w.lower) && w.text !== 'US');
  if (firstPerson === undefined) return;
  const author = input.author(firstPerson.start);
  if (author === null) return;
  for (const mention of found) {
    if (!mention.roles.some((r) => r.entity.name === author.name))
      mention.roles.push({ entity: author, role: 'other' });
  }
}

/** Clauses that tell of what was only tried, planned or hoped ("in an attempt to divert ..."). */
function unrealClauses(words: readonly Word[], clauses: readonly Clause[]): Set<Clause> {
  const unreal = new Set<Clause>();
  let previous = false;
  for (const clause of clauses) {
    const text = words
      .slice(clause.first, clause.last + 1)
      .map((w) => w.lower)
      .join(' ');
    const firstIndex = words.slice(clause.first, clause.last + 1).findIndex((w) => !w.punct) + clause.first;
    const first = words[firstIndex];
    const next = words[firstIndex + 1];
    // "..., gain a bargaining chip and embarrass Putin": a clause opening on a bare verb goes on with
    // the one before.
    const bareVerb =
      first !== undefined &&
      !first.capitalized &&
      (/Infinitive|PresentTense/.test(first.tag) || (next !== undefined && DETERMINER.test(next.lower)));
    const continues = previous && bareVerb;
    if (UNREAL.test(text) || continues) unreal.add(clause);
    previous = unreal.has(clause) || (previous && clause.last - clause.first < 1);
  }
  return unreal;
}

function negatedOrModal(words: readonly Word[], i: number, clause: Clause): boolean {
  for (let j = i - 1; j >= Math.max(clause.first, i - 3); j--) {
    const w = words[j]!;
    if (NEGATION.test(w.lower) || MODAL.test(w.lower)) return true;
    if (w.punct) break;
  }
  return false;
}

/**
 * Light verbs hand their subject to the noun they carry ("Trump struck a deal": Trump's deal); frame
 * nouns hand their mention to the happening they frame ("the US proposal for a ceasefire").
 */
function carried(found: RawMention[], words: readonly Word[], clauses: readonly Clause[]): RawMention[] {
  const dropped = new Set<RawMention>();
  // "Ukraine smashed into Kursk ..., the biggest attack on Russian territory": the noun phrase after
  // the comma names the same happening.
  for (const noun of found) {
    if (!noun.nominal) continue;
    const index = clauses.indexOf(noun.clause);
    const opener = words[noun.clause.first];
    if (index === 0 || opener === undefined || !/^(?:the|a|an)$/.test(opener.lower)) continue;
    const clauseWords = words.slice(noun.clause.first, noun.clause.last + 1);
    if (clauseWords.some((w) => VERB_TAG.test(w.tag) && !NOUN_TAG.test(w.tag) && !/Adjective/.test(w.tag)))
      continue;
    const verb = found.find((m) => !m.nominal && m.clause === clauses[index - 1] && !dropped.has(m));
    if (verb === undefined) continue;
    verb.also.push(noun.lemma, ...noun.also);
    dropped.add(noun);
  }
  const within = (a: RawMention, b: RawMention, gap: number): boolean =>
    a.clause === b.clause && b.trigger > a.trigger && b.trigger - a.trigger <= gap;
  const onlyModifiers = (from: number, to: number): boolean =>
    words.slice(from, to).every((w) => isModifier(w) || (!w.punct && /^(?:of|for|to)$/.test(w.lower)));
  for (const verb of found) {
    if (verb.nominal || dropped.has(verb)) continue;
    const noun = found.find(
      (n) => n.nominal && !dropped.has(n) && within(verb, n, 4) && onlyModifiers(verb.trigger + 1, n.trigger),
    );
    if (noun === undefined) continue;
    if (LIGHT_VERBS.has(verb.lemma)) {
      for (const role of verb.roles) {
        if (!noun.roles.some((r) => r.entity.name === role.entity.name)) noun.roles.push({ ...role });
      }
      dropped.add(verb);
    } else if (noun.roles.length === 0) {
      // "ordered the swift defeat of ...": the object names what the verb's event is about.
      verb.also.push(noun.lemma);
      dropped.add(noun);
    }
  }
  // "A magnitude 6.1 earthquake struck Indonesia", "the fire broke out": the noun is the happening and
  // the verb only tells what it did.
  for (const verb of found) {
    if (verb.nominal || dropped.has(verb)) continue;
    const noun = found.find(
      (n) =>
        n.nominal &&
        !dropped.has(n) &&
        isKnownKind(n.kind) &&
        n.clause === verb.clause &&
        n.trigger < verb.trigger &&
        verb.trigger - n.trigger <= 3 &&
        words
          .slice(n.trigger + 1, verb.trigger)
          .every((w) => /^(?:has|have|had|was|were|is|are|also|then|later)$/.test(w.lower)),
    );
    if (noun === undefined) continue;
    noun.also.push(verb.lemma);
    for (const role of verb.roles) {
      if (role.role !== 'agent' && !noun.roles.some((r) => r.entity.name === role.entity.name))
        noun.roles.push({ ...role });
    }
    noun.absorbed = verb;
    dropped.add(verb);
  }
  for (const frame of found) {
    if (!frame.nominal || !FRAMES.has(frame.lemma) || dropped.has(frame)) continue;
    // "ceasefire proposal" (the happening just before) or "proposal for a 30-day ceasefire" (after).
    const inner =
      found.find(
        (n) => n !== frame && n.nominal && n.clause === frame.clause && n.trigger === frame.trigger - 1,
      ) ??
      found.find(
        (n) =>
          n !== frame &&
          n.nominal &&
          within(frame, n, 4) &&
          /^(?:for|of|to)$/.test(words[frame.trigger + 1]?.lower ?? '') &&
          onlyModifiers(frame.trigger + 1, n.trigger),
      );
    if (inner === undefined) continue;
    inner.frame = frame.lemma;
    for (const role of frame.roles) {
      if (!inner.roles.some((r) => r.entity.name === role.entity.name)) inner.roles.push({ ...role });
    }
    dropped.add(frame);
  }
  return found.filter((m) => !dropped.has(m));
}

function attachRoles(
  mention: RawMention,
  words: readonly Word[],
  clauses: readonly Clause[],
  input: SentenceInput,
  entityAt: (w: Word) => EntitySpan | undefined,
): void {
  const { clause, trigger } = mention;
  const roles: Role[] = [];
  const add = (entity: EntitySpan, role: Role['role']): void => {
    if (entity.kind === 'place') return;
    if (!roles.some((r) => r.entity.name === entity.name)) roles.push({ entity, role });
  };
  if (mention.nominal) {
    // "Putin held talks with Lukashenko": a light verb hands its subject to the noun it carries, also
    // when the verb is not itself taken for a happening (carried() does it when it is).
    const light = lightVerbBefore(words, trigger, clause.first);
    if (light >= 0) {
      const subject = subjectOf(
        { ...mention, trigger: light, nominal: false },
        words,
        clauses,
        input,
        entityAt,
      );
      if (subject !== null && subject.kind !== 'place') {
        for (const other of coordinated(subject, words, entityAt)) add(other, 'agent');
        add(subject, 'agent');
      }
    }
    // "Putin's visit", "the NATO summit": an entity just before the noun and its modifiers.
    for (let i = trigger - 1; i >= Math.max(clause.first, trigger - 4); i--) {
      const w = words[i]!;
      const entity = entityAt(w);
      if (entity !== undefined) {
        add(entity, words[i + 1] !== undefined && /^['’]s$/i.test(words[i + 1]!.text) ? 'agent' : 'other');
        break;
      }
      if (
        w.punct ||
        (!/^['’]s$/i.test(w.text) && !/Adjective|Singular|Value/.test(w.tag) && !/^[\d-]/.test(w.text))
      )
        break;
    }
  } else {
    const subject = subjectOf(mention, words, clauses, input, entityAt);
    if (subject?.kind === 'place') {
      mention.subjectPlace = subject.name;
      mention.subjectHead = personAfter(words, subject, trigger);
    } else if (subject) {
      const role = mention.passive ? 'patient' : 'agent';
      for (const other of coordinated(subject, words, entityAt)) add(other, role);
      add(subject, role);
    }
  }
  // After the trigger in its clause: the acted-on ("met Rutte", "the arrest of X"), "by X" (the agent),
  // "with X" (takes part).
  let preposition = '';
  for (let i = trigger + 1; i <= clause.last; i++) {
    const w = words[i]!;
    if (/^(?:by|with|between|of|on|against|for|from|to|at|in|into|and|during|after|before)$/.test(w.lower)) {
      if (w.lower !== 'and') preposition = w.lower;
      continue;
    }
    const entity = entityAt(w);
    if (entity === undefined) {
      // A new verb ends the trigger's phrase ("met Rutte at the White House, while ...").
      if (i > trigger + 1 && VERB_TAG.test(w.tag) && !NOUN_TAG.test(w.tag) && !/Adjective/.test(w.tag)) break;
      continue;
    }
    while (i + 1 <= clause.last && overlapping(words[i + 1]!, entity)) i++;
    if (entity.kind === 'place') continue;
    // "on the Richter scale": a name modifying a common noun takes no part.
    if (headsPhrase(words, i + 1, trigger)) continue;
    if (preposition === 'by') add(entity, 'agent');
    else if (preposition === 'with' || preposition === 'between') add(entity, 'other');
    else if (preposition === '' || preposition === 'of' || preposition === 'on' || preposition === 'against')
      add(entity, mention.nominal && preposition === '' ? 'other' : 'patient');
    else if (preposition === 'to' && !mention.nominal) add(entity, 'patient');
  }
  // "following talks with Lukashenko": a meeting's other side is the main clause's subject.
  if (
    mention.nominal &&
    roles.length > 0 &&
    roles.every((r) => r.role === 'other') &&
    isKnownKind(mention.kind)
  ) {
    const main = mainSubject(words, clauses, entityAt, input, clause);
    if (main !== null && main.kind !== 'place') add(main, 'other');
  }
  mention.roles = roles;
}

/**
 * The index of a light verb ("held", "struck") that carries the noun at `trigger` across nothing but its
 * modifiers ("held talks", "struck a new trade deal"), or -1.
 */
function lightVerbBefore(words: readonly Word[], trigger: number, first: number): number {
  for (let i = trigger - 1; i >= Math.max(first, trigger - 4); i--) {
    const w = words[i]!;
    if (LIGHT_VERBS.has(w.lemma) && VERB_TAG.test(w.tag)) return i;
    if (!isModifier(w)) return -1;
  }
  return -1;
}

/** A word that may stand between a verb or frame and the noun it carries: "a", "new", "trade", "30-day". */
function isModifier(w: Word): boolean {
  return (
    !w.punct && (DETERMINER.test(w.lower) || /Adjective|Singular|Value/.test(w.tag) || /^[\d-]/.test(w.text))
  );
}

/** Entities joined to `entity` by "and" or commas before it ("Mendes and Vogel met"). */
function coordinated(
  entity: EntitySpan,
  words: readonly Word[],
  entityAt: (w: Word) => EntitySpan | undefined,
): EntitySpan[] {
  const found: EntitySpan[] = [];
  let i = words.findIndex((w) => overlapping(w, entity));
  while (i > 1) {
    const joiner = words[i - 1]!;
    if (joiner.lower !== 'and' && joiner.text !== ',') break;
    const before = entityAt(words[i - 2]!);
    if (before === undefined || before.kind === 'place') break;
    found.push(before);
    i = words.findIndex((w) => overlapping(w, before));
  }
  return found;
}

/** The verb's subject: the nearest entity (or pronoun) before it in its clause, else the main clause's. */
function subjectOf(
  mention: RawMention,
  words: readonly Word[],
  clauses: readonly Clause[],
  input: SentenceInput,
  entityAt: (w: Word) => EntitySpan | undefined,
): EntitySpan | null {
  const { clause, trigger } = mention;
  // Tried and dropped by cross-validation of event matching on the ECB+ training topics: a common
  // noun right before the verb as its subject ("the agency pushed" naming no one) took B-cubed from
  // 0.902 to 0.890; skipping people after a preposition in mainSubject, from 0.906 to 0.902.
  for (let i = trigger - 1; i >= clause.first; i--) {
    const w = words[i]!;
    const entity = entityAt(w);
    if (entity !== undefined) {
      let first = i;
      while (first - 1 >= clause.first && overlapping(words[first - 1]!, entity)) first--;
      const before = words[first - 1];
      // "from Ukraine", "to the US": a modifier or object of something else; but "footage of Putin
      // visiting" has Putin visit.
      const gerund = /Gerund/.test(words[trigger]!.tag) || words[trigger]!.lower.endsWith('ing');
      const marker = gerund
        ? /^(?:from|for|against|to|with|into|in|at|on)$/
        : /^(?:of|from|for|against|to|with|into|in|at|on)$/;
      if (before !== undefined && marker.test(before.lower)) {
        i = first;
        continue;
      }
      // "the Richter scale jolted", "the AFP news agency": a name modifying a common noun is not the
      // subject; the noun is.
      if (i + 1 < trigger && headsPhrase(words, i + 1, trigger)) {
        i = first;
        continue;
      }
      return entity;
    }
    if (/^(?:he|she|they)$/.test(w.lower)) return input.pronoun(w.start, w.lower);
    if (/^(?:i|we|you|it)$/.test(w.lower)) return null;
  }
  if (clause.dependent || isBareVerbClause(words, clause))
    return mainSubject(words, clauses, entityAt, input, clause);
  // "Putin, dressed in fatigues, has ordered ...", "LaRue, rumoured to be Deep Throat, has died": a
  // clause opening on its verb has the sentence's subject, ahead of the asides between them.
  if (opensOnVerb(words, clause)) {
    const subject = leaningSubject(words, clauses, entityAt, input, clause);
    if (subject !== undefined) return subject;
    for (let i = clause.first - 1; i >= 0; i--) {
      const w = words[i]!;
      if (input.quoted(w.start, w.end)) break;
      const entity = entityAt(w);
      if (entity !== undefined) return entity;
    }
  }
  return null;
}

/**
 * The lower-case word for a person right after a place, before the verb ("man" of "A Perth man has
 * survived", "teenager" of "a Sydney teenager was"), or null.
 */
function personAfter(words: readonly Word[], place: EntitySpan, trigger: number): string | null {
  let last = -1;
  for (let i = 0; i < trigger; i++) if (overlapping(words[i]!, place)) last = i;
  const next = words[last + 1];
  if (last === -1 || last + 1 >= trigger || next === undefined) return null;
  return !next.capitalized && !next.punct && /Actor/.test(next.tag) && !VERB_TAG.test(next.tag)
    ? next.lower
    : null;
}

/** Words that say when, which may stand between a name and its verb ("Microsoft today issued"). */
const TIME_ADVERB =
  /^(?:today|yesterday|tonight|tomorrow|now|then|earlier|later|also|still|already|again|once)$/;

/** A lower-case common noun ("scale", "news", "officials"). */
function modifiesNoun(w: Word): boolean {
  return (
    !w.punct &&
    !w.capitalized &&
    // Only what the lexicon knows as a noun: taking unknown words for nouns too ("agency") cost more
    // subjects than it mended ("Putin visits the Kursk region" lost Putin).
    NOUN_TAG.test(w.tag) &&
    !VERB_TAG.test(w.tag) &&
    !/Adverb|Pronoun|Determiner|Conjunction|Preposition/.test(w.tag) &&
    !TIME_ADVERB.test(w.lower) &&
    !/ly$/.test(w.lower)
  );
}

/**
 * A clause set between a subject and its verb: "who starred in ...", ", 33,", ", a former aide,",
 * ", dressed in fatigues,", a title in quotes.
 */
function isAside(words: readonly Word[], clause: Clause, input: SentenceInput): boolean {
  const inside = words.slice(clause.first, clause.last + 1).filter((w) => !w.punct);
  const first = inside[0];
  if (first === undefined) return true;
  if (inside.every((w) => input.quoted(w.start, w.end))) return true;
  return (
    /^(?:who|which|whose|whom|a|an|the|one|now|then|once|formerly|himself|herself|itself|themselves)$/.test(
      first.lower,
    ) ||
    /^\d/.test(first.text) ||
    (!first.capitalized && /Participle|Gerund|PastTense/.test(first.tag) && !NOUN_TAG.test(first.tag))
  );
}

/**
 * Whether words[k] is a common noun heading the phrase a name before it modifies ("the Richter scale
 * jolted", "the AFP news agency", "gang members seized"): a noun followed by the trigger, another
 * noun, an auxiliary or a past form. "Putin vows to punish" is no such phrase ("vows" goes on to "to").
 */
function headsPhrase(words: readonly Word[], k: number, trigger: number): boolean {
  const w = words[k];
  const next = words[k + 1];
  if (w === undefined || next === undefined || !modifiesNoun(w)) return false;
  return (
    k + 1 === trigger ||
    modifiesNoun(next) ||
    // A word the lexicon does not know, with no verb's or adverb's ending ("news agency", "gang member").
    (next.tag === '' && /^[a-z]{3,}$/.test(next.text) && !/(?:ed|ing|ly|s)$/.test(next.text)) ||
    AUXILIARIES.has(next.lower) ||
    (!next.capitalized && (/PastTense|Participle/.test(next.tag) || /^[a-z]{3,}ed$/.test(next.lower)))
  );
}

/**
 * The subject a clause opening on its verb leans on: the nearest clause before it that is no aside
 * ({@link isAside}), read from its start for its first person or organisation not after a preposition
 * ("Word comes from People magazine that Tara Reid, 33, who starred in ..., has entered" has Tara
 * Reid); a clause naming no one is passed over for the one before. Undefined when none names anyone.
 */
function leaningSubject(
  words: readonly Word[],
  clauses: readonly Clause[],
  entityAt: (w: Word) => EntitySpan | undefined,
  input: SentenceInput,
  until: Clause,
): EntitySpan | null | undefined {
  const at = clauses.indexOf(until);
  const dateline = datelineEnd(words, input);
  // A pronoun subject ("he") is resolved by the caller's coreference, which may know no one (null).
  for (let c = at - 1; c >= 0; c--) {
    const clause = clauses[c]!;
    if (isAside(words, clause, input) || clause.last < dateline) continue;
    for (let i = clause.first; i <= clause.last; i++) {
      const w = words[i]!;
      if (input.quoted(w.start, w.end)) continue;
      const entity = entityAt(w);
      if (entity === undefined) {
        if (/^(?:he|she|they)$/.test(w.lower)) return input.pronoun(w.start, w.lower);
        continue;
      }
      let last = i;
      while (last + 1 <= clause.last && overlapping(words[last + 1]!, entity)) last++;
      const before = words[i - 1];
      if (
        entity.kind === 'place' ||
        (before !== undefined && /^(?:of|from|for|against|to|with|into|in|at|on|by)$/.test(before.lower)) ||
        headsPhrase(words, last + 1, -1)
      ) {
        i = last;
        continue;
      }
      return entity;
    }
  }
  return undefined;
}

/**
 * Where a paragraph's dateline ends ("LOS ANGELES (AP) — ", "WASHINGTON — ", "Kyiv (Reuters) - "): the
 * index of the first word after its dash, or 0 when the sentence has none. A dateline says where the
 * report was filed; it is nobody's subject. Without an agency in brackets it is a place in capitals
 * ("NATO — the alliance — said" keeps NATO).
 */
function datelineEnd(words: readonly Word[], input: SentenceInput): number {
  const before = input.text.slice(Math.max(0, input.start - 2), input.start);
  if (input.start > 0 && !/\n\s*$/.test(before)) return 0;
  let i = 0;
  while (i < words.length && i < 4 && !words[i]!.punct && /\p{Lu}/u.test(words[i]!.text)) i++;
  if (i === 0) return 0;
  let bracket = false;
  if (words[i]?.text === '(' && words[i + 2]?.text === ')') {
    bracket = true;
    i += 3;
  }
  if (!/^(?:—|–|-|--)$/.test(words[i]?.text ?? '')) return 0;
  const first = words[0]!;
  const place = input.entities.find((e) => e.start <= first.start && first.end <= e.end);
  const capitals = words.slice(0, bracket ? i - 3 : i).every((w) => w.text === w.text.toUpperCase());
  return bracket || (capitals && place?.kind === 'place') ? i + 1 : 0;
}

function opensOnVerb(words: readonly Word[], clause: Clause): boolean {
  const first = words.slice(clause.first, clause.last + 1).find((w) => !w.punct);
  return (
    first !== undefined &&
    (/^(?:has|have|had|was|were|is|are|will|would|did)$/.test(first.lower) || /PastTense/.test(first.tag))
  );
}

function isBareVerbClause(words: readonly Word[], clause: Clause): boolean {
  const first = words.slice(clause.first, clause.last + 1).find((w) => !w.punct);
  return first !== undefined && VERB_TAG.test(first.tag) && !NOUN_TAG.test(first.tag);
}

/** The subject of the sentence's first independent clause (the one a dependent clause leans on). */
function mainSubject(
  words: readonly Word[],
  clauses: readonly Clause[],
  entityAt: (w: Word) => EntitySpan | undefined,
  input: SentenceInput,
  not: Clause,
): EntitySpan | null {
  const dateline = datelineEnd(words, input);
  for (const clause of clauses) {
    if (clause === not || clause.dependent || clause.last < dateline) continue;
    for (let i = clause.first; i <= clause.last; i++) {
      const w = words[i]!;
      if (input.quoted(w.start, w.end)) break;
      const entity = entityAt(w);
      if (entity !== undefined) {
        // "The mayor of Tarno told ...": a place after a preposition is where, not who.
        const before = words[i - 1];
        if (
          entity.kind === 'place' &&
          before !== undefined &&
          /^(?:of|from|in|at|near|around)$/.test(before.lower)
        ) {
          while (i + 1 <= clause.last && overlapping(words[i + 1]!, entity)) i++;
          continue;
        }
        return entity;
      }
      if (/^(?:he|she|they)$/.test(w.lower)) return input.pronoun(w.start, w.lower);
      // The clause's verb comes after its subject: "The tremor struck ... Dargahan" has none named.
      if (i > clause.first && !w.capitalized && VERB_TAG.test(w.tag) && !NOUN_TAG.test(w.tag)) return null;
    }
  }
  return null;
}

/** The place of each mention: one after a preposition or the trigger in its clause, else the sentence's. */
function attachPlaces(
  mentions: RawMention[],
  words: readonly Word[],
  clauses: readonly Clause[],
  input: SentenceInput,
): void {
  const places: { entity: EntitySpan; index: number; preposition: string | null }[] = [];
  for (const entity of input.entities) {
    if (entity.kind !== 'place') continue;
    const index = words.findIndex((w) => overlapping(w, entity));
    let last = index;
    while (last + 1 < words.length && overlapping(words[last + 1]!, entity)) last++;
    const after = words[last + 1];
    // "the US proposal", "the US 30-day plan": a place naming a thing, not where something is.
    if (
      after !== undefined &&
      !after.punct &&
      !after.capitalized &&
      !VERB_TAG.test(after.tag) &&
      !/^(?:and|or|but|of|in|on|at|to|for|from|with|by|as|that|which|who|where|when|is|are|was|were|has|have|had|will|would|since|after|before|during|while|the|a|an|last|this|next)$/.test(
        after.lower,
      )
    ) {
      continue;
    }
    let preposition: string | null = null;
    for (let j = index - 1; j >= Math.max(0, index - 3); j--) {
      const w = words[j]!;
      if (PLACE_PREPOSITIONS.has(w.lower)) preposition = w.lower;
      if (preposition !== null || w.punct || !/^(?:the|a|an)$/.test(w.lower)) break;
    }
    places.push({ entity, index, preposition });
  }
  if (places.length === 0) return;
  const triggerClauses = new Set(mentions.map((m) => m.clause));
  for (const mention of mentions) {
    const own = places.filter((p) => clauseAt(clauses, p.index) === clauses.indexOf(mention.clause));
    const direct = own.find(
      (p) => p.index > mention.trigger && p.index - mention.trigger <= 2 && !mention.nominal,
    );
    // The place where something was said is not where what was said of happened ("said in the White
    // House that he hoped ... the proposal"): a "that" clause takes no place from outside.
    const reported = words[mention.clause.first]?.lower === 'that';
    const chosen =
      own.find((p) => p.preposition !== null && p.index > mention.trigger) ??
      direct ??
      own.find((p) => p.preposition !== null) ??
      (reported
        ? undefined
        : places.find(
            (p) =>
              p.preposition !== null &&
              /^(?:in|at|near|outside|inside)$/.test(p.preposition) &&
              !triggerClauses.has(clauses[clauseAt(clauses, p.index)]!),
          ));
    if (chosen === undefined || chosen.entity.name === mention.subjectPlace) continue;
    mention.place = chosen.entity;
    mention.placeWord = chosen.preposition;
  }
  for (const mention of mentions) {
    const verb = mention.absorbed;
    if (verb === undefined) continue;
    const hit = places.find(
      (p) =>
        p.index > verb.trigger &&
        p.index - verb.trigger <= 3 &&
        clauseAt(clauses, p.index) === clauses.indexOf(verb.clause),
    );
    if (hit !== undefined) {
      mention.place = hit.entity;
      mention.placeWord = hit.preposition ?? 'in';
    }
  }
}

/** Each date to the nearest trigger of its clause; the others take the sentence's main date. */
function attachDates(
  mentions: RawMention[],
  words: readonly Word[],
  clauses: readonly Clause[],
  input: SentenceInput,
): void {
  if (input.dates.length === 0 || mentions.length === 0) return;
  const wordIndex = (offset: number): number => {
    const i = words.findIndex((w) => w.end > offset);
    return i === -1 ? words.length - 1 : i;
  };
  const claimedBy = new Map<DateMention, RawMention>();
  for (const date of input.dates) {
    const at = wordIndex(date.span[0]);
    const clause = clauses[clauseAt(clauses, at)];
    let best: RawMention | undefined;
    let bestDistance = Infinity;
    for (const mention of mentions) {
      if (mention.clause !== clause) continue;
      // A trigger before the date wins a tie ("met on Thursday", "the invasion of 1941").
      const distance = Math.abs(mention.trigger - at) + (mention.trigger > at ? 0.5 : 0);
      if (distance < bestDistance && distance <= DATE_REACH) {
        best = mention;
        bestDistance = distance;
      }
    }
    if (best !== undefined) claimedBy.set(date, best);
  }
  // The sentence's date for triggers without their own: one that no noun elsewhere claimed.
  const free = input.dates.find((d) => {
    const owner = claimedBy.get(d);
    return owner === undefined || !owner.nominal;
  });
  for (const mention of mentions) {
    const own = input.dates.find((d) => claimedBy.get(d) === mention);
    if (own !== undefined) {
      mention.date = own;
      mention.ownDate = true;
    } else if (free !== undefined) {
      mention.date = free;
    }
  }
}
