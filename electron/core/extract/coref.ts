/**
 * Who a speaker phrase means: a name, a pronoun ("he") or a description ("the president"). Pronouns go
 * to the subject of the nearest earlier sentence that names someone of a fitting gender, not simply to
 * the nearest name: in "Putin said he might call Trump. “...,” he said." the speaker is Putin.
 */
import type { PeopleIndex, Person, PersonMention } from './people';
import { PRONOUNS, TITLES } from './lexicon';
import { sentenceAt, type Sentence } from './text';
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
  constructor(
    private readonly text: string,
    private readonly people: PeopleIndex,
    private readonly sentences: readonly Sentence[],
    /** Spans inside quotation marks: names there are not antecedents. */
    private readonly quoted: readonly Span[],
  ) {}

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
    return this.quoted.some(([a, b]) => offset >= a && offset < b);
  }

  /** The person a name phrase names: a mention inside it, else its last word as a surname. */
  named(span: Span): Person | null {
    const inside = this.people.mentions.find((m) => m.span[0] < span[1] && span[0] < m.span[1]);
    if (inside !== undefined) return this.people.people[inside.person] ?? null;
    const last = /([\p{L}\p{M}'’-]+)\W*$/u.exec(this.text.slice(span[0], span[1]))?.[1];
    if (last === undefined) return null;
    const key = nameKey(last);
    return this.people.people.find((p) => p.surnameKey === key) ?? null;
  }

  private mentionsBetween(start: number, end: number): PersonMention[] {
    return this.people.mentions.filter(
      (m) => m.span[0] >= start && m.span[1] <= end && !this.isQuoted(m.span[0]),
    );
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
    for (let m = this.people.mentions.length - 1; m >= 0; m--) {
      const mention = this.people.mentions[m] as PersonMention;
      if (mention.span[0] >= offset || this.isQuoted(mention.span[0])) continue;
      const person = this.people.people[mention.person] as Person;
      if (person.titles.has(head)) return person;
    }
    return null;
  }
}
