import { describe, expect, it } from 'vitest';
import { backlinkTitle, describeKinds } from './backlinkLabels';

describe('describeKinds', () => {
  it('names each way in a fixed order, whatever order the notebook sent', () => {
    expect(describeKinds(['mention', 'note'])).toBe('links here · mentions it');
    expect(describeKinds(['speaker', 'mention'])).toBe('mentions it · quotes them');
  });

  it('says "quotes it" once for a quote (or paraphrase) block that also cites its source', () => {
    expect(describeKinds(['citation', 'quote'])).toBe('quotes it');
    expect(describeKinds(['citation'])).toBe('cites it');
    expect(describeKinds(['citation', 'paraphrase'])).toBe('paraphrases it');
  });

  it('ignores kinds it does not know', () => {
    expect(describeKinds(['something-new'])).toBe('');
  });
});

describe('backlinkTitle', () => {
  it('stands in for untitled notes', () => {
    expect(backlinkTitle({ title: '  ' })).toBe('Untitled note');
    expect(backlinkTitle({ title: 'Background' })).toBe('Background');
  });
});
