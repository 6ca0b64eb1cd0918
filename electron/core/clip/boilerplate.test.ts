import { describe, expect, it } from 'vitest';
import { clipHtml } from './clip-html';

const PROSE = `<p>${'Ministers met on Friday to agree on the budget for the coming year, officials said. '.repeat(6)}</p>`;
const PAGE = `<html><body><article>
<p>5 April 2013 Last updated at 13:25 GMT</p>
${PROSE}
<p>Continue reading the main story</p>
<p>The report was published in the Brooklyn Daily Eagle and last updated at noon, the editor said.</p>
${PROSE}
</article></body></html>`;

describe('furniture clean-up', () => {
  it('removes stand-alone datelines by default and keeps prose that uses the same words', () => {
    const text = clipHtml({ html: PAGE }).text;
    expect(text).not.toContain('Last updated at 13:25');
    expect(text).toContain('Continue reading the main story');
    expect(text).toContain('published in the Brooklyn Daily Eagle and last updated at noon');
  });

  it('removes prompts too at level "all", and nothing when off', () => {
    const all = clipHtml({ html: PAGE }, { boilerplate: 'all' }).text;
    expect(all).not.toMatch(/Continue reading|Last updated at 13:25/);
    expect(all).toContain('Brooklyn Daily Eagle');
    const off = clipHtml({ html: PAGE }, { boilerplate: 'off' }).text;
    expect(off).toContain('Continue reading the main story');
    expect(off).toContain('Last updated at 13:25');
  });
});
