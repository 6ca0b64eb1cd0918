/**
 * GUM news (24 Wikinews articles, CC-BY) as an out-of-domain test of people: the text rebuilt from the
 * CoNLL-U tokens (spaces where the tokens had them, a line per paragraph), and as gold people the names
 * inside person mentions: the run of proper nouns (NNP, hyphenated parts included) around each proper
 * noun that heads a name in the mention's syntax (not a `flat` part of another name, not a title or
 * modifier attached to one), without leading title words and outside any place or organisation nested
 * in the mention ("U.S. President
 * Donald Trump" -> "Donald Trump", "NASA Administrator Charles Bolden" -> "Charles Bolden"). Mentions
 * after an article ("the Taliban", "a Republican") and names made only of titles ("the Minister") are
 * left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TITLES } from '../../electron/core/extract/lexicon';

/** Titles written before a name: the extractor's list and a few it does not strip. */
const TITLE_WORDS = new Set([...TITLES, 'professor', 'emeritus', 'administrator', 'commissioner', 'mp']);

/** One GUM news article. */
export interface GumDoc {
  name: string;
  text: string;
  /** Gold person names as [start, end) character spans. */
  people: Array<[number, number]>;
}

interface Token {
  word: string;
  xpos: string;
  /** Index of the syntactic head in the document's tokens, or -1 for a root. */
  head: number;
  deprel: string;
  start: number;
  end: number;
  /** The mentions covering this token. */
  mentions: Mention[];
}

interface Mention {
  type: string;
  /** Has a Wikipedia identity: a named entity. */
  named: boolean;
  tokens: number[];
}

function parseDoc(name: string, source: string): GumDoc {
  let text = '';
  const tokens: Token[] = [];
  const mentions: Mention[] = [];
  // Entity ids are coreference chains: one id can be open more than once (nested mentions of one chain).
  const open = new Map<number, Mention[]>();
  let spaceAfter = false;
  let sentenceBase = 0;
  let rangeEnd = 0;
  let rangeSpace = true;
  for (const line of source.split('\n')) {
    if (line.startsWith('# newpar')) {
      if (text !== '') text += '\n';
      spaceAfter = false;
      continue;
    }
    if (line.startsWith('# sent_id')) {
      sentenceBase = tokens.length;
      rangeEnd = 0;
    }
    const cols = line.split('\t');
    // A multi-word token ("Warhol's" = "Warhol" + "'s"): no space inside it, its own SpaceAfter at its end.
    const range = /^(\d+)-(\d+)$/.exec(cols[0] ?? '');
    if (range !== null && cols.length >= 10) {
      rangeEnd = Number(range[2]);
      rangeSpace = !/SpaceAfter=No/.test(cols[9] as string);
      continue;
    }
    if (cols.length < 10 || !/^\d+$/.test(cols[0] as string)) continue;
    if (spaceAfter) text += ' ';
    const word = cols[1] as string;
    const misc = cols[9] as string;
    const head = Number(cols[6]);
    const token: Token = {
      word,
      xpos: cols[4] as string,
      head: head === 0 ? -1 : sentenceBase + head - 1,
      deprel: cols[7] as string,
      start: text.length,
      end: 0,
      mentions: [],
    };
    text += word;
    token.end = text.length;
    const id = Number(cols[0]);
    spaceAfter = id < rangeEnd ? false : id === rangeEnd ? rangeSpace : !/SpaceAfter=No/.test(misc);
    const index = tokens.push(token) - 1;
    const entity = /Entity=([^|]*)/.exec(misc)?.[1] ?? '';
    for (const m of entity.matchAll(/\((\d+)-([a-z]+)-([^()]*?)(?=\(|\)|$)/g)) {
      // Fields after the type: infstat, salience, centering, minspan, link, identity.
      const fields = (m[3] as string).split('-');
      const mention: Mention = {
        type: m[2] as string,
        named: fields.length >= 6 && fields[5] !== '',
        tokens: [],
      };
      mentions.push(mention);
      const id = Number(m[1]);
      open.set(id, [...(open.get(id) ?? []), mention]);
    }
    for (const stack of open.values()) {
      for (const mention of stack) {
        mention.tokens.push(index);
        token.mentions.push(mention);
      }
    }
    for (const m of entity.matchAll(/\((\d+)-[^()]*?\)|(\d+)\)/g)) {
      const id = Number(m[1] ?? m[2]);
      const stack = open.get(id) ?? [];
      stack.pop();
      if (stack.length === 0) open.delete(id);
    }
  }
  const people: Array<[number, number]> = [];
  const seen = new Set<string>();
  const isTitle = (t: number): boolean =>
    TITLE_WORDS.has((tokens[t] as Token).word.toLowerCase().replace(/\.$/, ''));
  for (const mention of mentions) {
    if (mention.type !== 'person') continue;
    // The mention's own tokens: none of a place or organisation nested in it.
    const inside = new Set(mention.tokens);
    const own = new Set(
      mention.tokens.filter(
        (t) =>
          !(tokens[t] as Token).mentions.some(
            (other) =>
              other !== mention && other.type !== 'person' && other.tokens.every((u) => inside.has(u)),
          ),
      ),
    );
    for (const h of own) {
      const head = tokens[h] as Token;
      if (head.xpos !== 'NNP' || head.deprel === 'flat' || head.deprel === 'goeswith') continue;
      if ((head.deprel === 'compound' || head.deprel.startsWith('nmod')) && own.has(head.head)) continue;
      if (/^(?:the|a|an)$/i.test(tokens[h - 1]?.word ?? '') && own.has(h - 1)) continue;
      // The run of proper nouns around the head, hyphenated parts included ("Kwok Ka-ki").
      const joined = (a: number, b: number): boolean =>
        (tokens[a] as Token).end === (tokens[b] as Token).start;
      const part = (t: number, from: number): boolean =>
        own.has(t) &&
        ((tokens[t] as Token).xpos === 'NNP' ||
          (joined(Math.min(t, from), Math.max(t, from)) && /^[-\p{L}]+$/u.test((tokens[t] as Token).word)));
      let first = h;
      let last = h;
      while (part(last + 1, last)) last++;
      while (part(first - 1, first)) first--;
      while (first < last && isTitle(first)) first++;
      if (first === last && isTitle(first)) continue;
      const span: [number, number] = [(tokens[first] as Token).start, (tokens[last] as Token).end];
      const key = `${span[0]}:${span[1]}`;
      if (!seen.has(key)) {
        seen.add(key);
        people.push(span);
      }
    }
  }
  return { name, text, people };
}

/** The 24 GUM news articles. */
export function loadGumNews(dataDir: string): GumDoc[] {
  const dir = join(dataDir, 'ner/gum-news/dep');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.conllu'))
    .sort()
    .map((f) => parseDoc(f.replace(/\.conllu$/, ''), readFileSync(join(dir, f), 'utf8')));
}
