/**
 * GUM news (24 Wikinews articles, CC-BY) as an out-of-domain test of people: the text rebuilt from the
 * CoNLL-U tokens (spaces where the tokens had them, a line per paragraph), and as gold people the names
 * inside person mentions that have a Wikipedia identity: the run of singular proper nouns (NNP) of the
 * mention, without a leading title word and without a nested place or organisation ("U.S. President
 * Donald Trump" -> "Donald Trump"). Groups with a name ("the Taliban") are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TITLES } from '../../electron/core/extract/lexicon';

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
  for (const line of source.split('\n')) {
    if (line.startsWith('# newpar')) {
      if (text !== '') text += '\n';
      spaceAfter = false;
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0] as string)) continue;
    if (spaceAfter) text += ' ';
    const word = cols[1] as string;
    const misc = cols[9] as string;
    const token: Token = { word, xpos: cols[4] as string, start: text.length, end: 0, mentions: [] };
    text += word;
    token.end = text.length;
    spaceAfter = !/SpaceAfter=No/.test(misc);
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
  for (const mention of mentions) {
    if (mention.type !== 'person' || !mention.named) continue;
    // The mention's own tokens that no place or organisation nested in it covers.
    const inside = new Set(mention.tokens);
    const own = mention.tokens.filter(
      (t) =>
        !(tokens[t] as Token).mentions.some(
          (other) => other !== mention && other.type !== 'person' && other.tokens.every((u) => inside.has(u)),
        ),
    );
    const proper = own.filter((t) => (tokens[t] as Token).xpos === 'NNP');
    if (proper.length === 0 || own.some((t) => /^the$/i.test((tokens[t] as Token).word))) continue;
    if (own.some((t) => (tokens[t] as Token).xpos === 'NNPS')) continue;
    // Tokens written without a space between them belong together ("Kwok Ka-ki" is five tokens).
    const joined = (a: number): boolean =>
      (tokens[a] as Token).end === (tokens[a + 1] as Token | undefined)?.start;
    const inName = (t: number): boolean =>
      own.includes(t) && ((tokens[t] as Token).xpos === 'NNP' || joined(t - 1) || joined(t));
    const last = proper[proper.length - 1] as number;
    let first = last;
    while (inName(first - 1)) first--;
    while (first < last && TITLES.has((tokens[first] as Token).word.toLowerCase().replace(/\.$/, '')))
      first++;
    const span: [number, number] = [(tokens[first] as Token).start, (tokens[last] as Token).end];
    const key = `${span[0]}:${span[1]}`;
    if (!seen.has(key)) {
      seen.add(key);
      people.push(span);
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
