/**
 * Who a speaker phrase means: a name, a pronoun ("he") or a description ("the president"). Pronouns go
 * to the subject of the nearest earlier sentence that names someone of a fitting gender, not simply to
 * the nearest name: in "Putin said he might call Trump. “...,” he said." the speaker is Putin.
 */
import type { PeopleIndex, Person, PersonMention } from './people';
import { PRONOUNS, TITLES } from './lexicon';
import { lowerBound, sentenceAt, SpanIndex, type Sentence } from './text';
import { nameKey } from './tokens';
import type { Span } from './types';

/** The person a phrase refers to, or null when the rules cannot tell. */
export interface Referent {
  person: Person | null;
  /** 'name', 'pronoun' or 'description': how the phrase was read. */
  via: 'name' | 'pronoun' | 'description';
}

/** Resolves speaker phrases against the people of one article. */
export class Coreference {
  private readonly quotedIndex: SpanIndex;

  constructor(
    private readonly text: string,
    private readonly people: PeopleIndex,
    private readonly sentences: readonly Sentence[],
    /** Spans inside quotation marks: names there are not antecedents. */
    quoted: readonly Span[],
  ) {
    this.quotedIndex = new SpanIndex(quoted);
  }

  /** Resolves the phrase at `span`. */
  resolve(span: Span): Referent {
    const phrase = this.text.slice(span[0], span[1]).trim();
    const lower = phrase.toLowerCase();
    if (PRONOUNS.has(lower)) {
      const gender = lower === 'he' ? 'male' : lower === 'she' ? 'female' : null;
      return { person: gender === null ? null : this.subjectBefore(span[0], gender), via: 'pronoun' };
    }
    const description = /^(?:the|a|an|his|her|its|their)\s/i.test(phrase);
    if (description) return { person: this.describedBefore(span[0], lower), via: 'description' };
    return { person: this.named(span), via: 'name' };
  }

  private isQuoted(offset: number): boolean {
    return this.quotedIndex.overlapsAny(offset, offset + 1);
  }

  /** The person a name phrase names: a mention inside it, else its last word as a surname. */
  named(span: Span): Person | null {
    const mentions = this.people.mentions;
    // Mentions are sorted and short: the first one that can overlap starts at most ~200 chars before.
    let inside: PersonMention | undefined;
    for (let i = lowerBound(mentions, span[0] - 200, (m) => m.span[0]); i < mentions.length; i++) {
      const m = mentions[i] as PersonMention;
      if (m.span[0] >= span[1]) break;
      if (span[0] < m.span[1]) {
        inside = m;
        break;
      }
    }
    if (inside !== undefined) return this.people.people[inside.person] ?? null;
    const last = /([\p{L}\p{M}'’-]+)\W*$/u.exec(this.text.slice(span[0], span[1]))?.[1];
    if (last === undefined) return null;
    const key = nameKey(last);
    return this.people.people.find((p) => p.surnameKey === key) ?? null;
  }

  private mentionsBetween(start: number, end: number): PersonMention[] {
    const mentions = this.people.mentions;
    const found: PersonMention[] = [];
    for (let i = lowerBound(mentions, start, (m) => m.span[0]); i < mentions.length; i++) {
      const m = mentions[i] as PersonMention;
      if (m.span[0] >= end) break;
      if (m.span[1] <= end && !this.isQuoted(m.span[0])) found.push(m);
    }
    return found;
  }

  /** First person named (outside quotes) in the closest sentence before `offset` that names one. */
  private subjectBefore(offset: number, gender: 'male' | 'female'): Person | null {
    let index = sentenceAt(this.sentences, offset);
    if (index === -1) index = this.sentences.length - 1;
    for (let s = index; s >= 0 && s >= index - 6; s--) {
      const sentence = this.sentences[s] as Sentence;
      const end = s === index ? offset : sentence.end;
      for (const mention of this.mentionsBetween(sentence.start, end)) {
        const person = this.people.people[mention.person] as Person;
        if (person.gender === 'unknown' || person.gender === gender) return person;
      }
    }
    return null;
  }

  /** "the president": the latest person before `offset` who carried that title. */
  private describedBefore(offset: number, phrase: string): Person | null {
    const head = phrase.split(/\s+/).pop() ?? '';
    if (!TITLES.has(head)) return null;
    const mentions = this.people.mentions;
    const from = lowerBound(mentions, offset, (x) => x.span[0]) - 1;
    // A title is looked for among the last few hundred mentions only: long texts stay linear.
    for (let m = from; m >= 0 && m > from - 500; m--) {
      const mention = mentions[m] as PersonMention;
      if (this.isQuoted(mention.span[0])) continue;
      const person = this.people.people[mention.person] as Person;
      if (person.titles.has(head)) return person;
    }
    return null;
  }
}
