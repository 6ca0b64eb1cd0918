import { describe, expect, it } from 'vitest';
import type { QuoteMention } from '../../electron/core/extract/types';
import type { PolnearAttribution, PolnearDoc, Span } from './extraction-data';
import { missedGold } from './speaker-figures';

/** An attribution whose content is the first occurrence of `words` in `text`. */
function content(text: string, words: string): PolnearAttribution {
  const start = text.indexOf(words);
  return { source: null, content: { segments: [[start, start + words.length]], text: words } };
}

function quote(text: string, words: string, kind: QuoteMention['kind']): QuoteMention {
  const start = text.indexOf(words);
  const span: Span = [start, start + words.length];
  return {
    span,
    text: words,
    speaker: null,
    speakerSpan: null,
    cue: null,
    confidence: 0,
    rule: 'x',
    kind,
    evidence: [],
  };
}

describe('missed gold direct quotes, by cause', () => {
  const text =
    'Ham explained how cuts left the generals’ hands tied. ' +
    'Trump called him “Little Marco” twice. ' +
    '“We will win,” Rubio said. ' +
    'He said “no” loudly.';
  const doc: PolnearDoc = {
    name: 'test',
    text,
    attributions: [
      content(text, 'how cuts left the generals’ hands tied'),
      content(text, 'Little Marco'),
      content(text, 'We will win,'),
      content(text, 'no'),
    ],
  };

  it('tells a possessive apostrophe, marks never found and marks set aside apart; found quotes are not missed', () => {
    const found = [quote(text, 'Little Marco', 'scare'), quote(text, 'We will win,', 'direct')];
    expect(missedGold(doc, found)).toEqual({ apostrophe: 1, noMarks: 1, setAside: 1 });
  });

  it('counts nothing missed when every gold quote is found', () => {
    const found = ['how cuts left', 'Little Marco', 'We will win,', 'no'].map((w) =>
      quote(text, w, 'direct'),
    );
    expect(missedGold(doc, found)).toEqual({ apostrophe: 0, noMarks: 0, setAside: 0 });
  });
});
