/**
 * Words an article uses as organisations: "Magna International Inc", "the news agency Tanjug",
 * "Interfax news agency said", "Ruch 's shares", "Cofinec CEO Stephen Frater". A name found only from
 * weak context ("Interfax said") is not a person when the same article treats it like this.
 */
import { TITLES } from './lexicon';
import { nameKey, type Token } from './tokens';

// Words after a name that make it a company or institution ("Ruch SA", "Commerce Department").
const SUFFIXES = new Set(
  (
    'inc inc. corp corp. corporation co co. ltd ltd. plc llc sa s.a. spa ag nv bv gmbh ab asa oyj group ' +
    'holdings international ministry department agency bank company association union council committee ' +
    'federation party institute foundation authority commission daily newspaper weekly'
  ).split(' '),
);

// Lower-case nouns before a name that make it an organisation ("news agency Tanjug", "chain Ruch").
const NOUNS_BEFORE = new Set(
  (
    'agency company firm group maker producer carrier newspaper daily weekly magazine club team bank ' +
    'insurer retailer broker airline chain distributor consortium manufacturer conglomerate station ' +
    'network channel operator exporter importer utility subsidiary publisher brewer miner automaker'
  ).split(' '),
);

// What an organisation has and a person rarely does: "Ruch 's shares", "Comelf 's output".
const OWNED = new Set(
  (
    'shares share stock output profit profits revenue revenues sales earnings subsidiary subsidiaries ' +
    'unit units plant plants factory factories products board shareholders customers'
  ).split(' '),
);

/** Name keys ({@link nameKey}) of the capitalised words this text uses as organisations. */
export function organizationKeys(text: string, tokens: readonly Token[]): Set<string> {
  const keys = new Set<string>();
  const joined = (a: Token, b: Token): boolean => /^ ?$/.test(text.slice(a.end, b.start));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!token.capitalized) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const lowerNext = next?.text.toLowerCase() ?? '';
    let org = false;
    if (next !== undefined && joined(token, next)) {
      if (token.possessive) org = OWNED.has(lowerNext);
      else if (SUFFIXES.has(lowerNext)) org = true;
      else if (lowerNext === 'news' && tokens[i + 2]?.text.toLowerCase() === 'agency') org = true;
      // "Ericsson spokesman Per Zetterquist", "Hong Kong Financial Secretary Donald Tsang".
      else if (TITLES.has(lowerNext) && !next.capitalized) org = true;
      else if (next.capitalized && TITLES.has(tokens[i + 2]?.text.toLowerCase() ?? '') && !token.possessive) {
        const after = tokens[i + 2] as Token;
        org = joined(next, after) && !TITLES.has(lowerNext) && /^(?:secretary|minister)$/i.test(after.text);
      }
    }
    if (!org && prev !== undefined && !prev.capitalized && joined(prev, token))
      org = NOUNS_BEFORE.has(prev.text.toLowerCase());
    if (org) keys.add(nameKey(token.text));
  }
  return keys;
}
