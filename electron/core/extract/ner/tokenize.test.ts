import { describe, expect, it } from 'vitest';
import { nerTokenize } from './tokenize';

const words = (text: string): string[] => nerTokenize(text).map((t) => t.text);

describe('the tagger tokenizer', () => {
  it('cuts as the training text is cut: punctuation apart, clitics split, abbreviations whole', () => {
    expect(words('Sen. Ada Moreno’s aide said the U.S. didn’t sign, per AT&T (Dallas).')).toEqual([
      'Sen.',
      'Ada',
      'Moreno',
      '’s',
      'aide',
      'said',
      'the',
      'U.S.',
      'did',
      'n’t',
      'sign',
      ',',
      'per',
      'AT&T',
      '(',
      'Dallas',
      ')',
      '.',
    ]);
  });

  it('keeps dates, numbers, hyphenated words and initials whole, and offsets exact', () => {
    const text = 'On 2025-03-13 J. R. Okafor paid 1,250.50 for a state-owned "Kyiv" flat';
    const tokens = nerTokenize(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'On',
      '2025-03-13',
      'J.',
      'R.',
      'Okafor',
      'paid',
      '1,250.50',
      'for',
      'a',
      'state-owned',
      '"',
      'Kyiv',
      '"',
      'flat',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('reads a range of the text with offsets into the whole', () => {
    const text = 'Skip this. Read Oslo now.';
    expect(nerTokenize(text, 11, 25).map((t) => [t.text, t.start])).toEqual([
      ['Read', 11],
      ['Oslo', 16],
      ['now', 21],
      ['.', 24],
    ]);
  });

  it('cuts other scripts, emoji and lone surrogates without losing offsets', () => {
    const text = 'Володимир Зеленський 🎉 \uD83D قال';
    const tokens = nerTokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Володимир', 'Зеленський', '🎉', '\uD83D', 'قال']);
  });
});
