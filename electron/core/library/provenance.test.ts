/**
 * Issue 19: a page on any site could post a clip claiming to be another site's article. The library
 * keeps where a clip really came from (the origin the browser reported), marks a URL on another origin
 * as a claim, and never lets such a page's own canonical URL match, or replace, a stored article.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipPasteInput, ClipResult } from '../../../shared/areas/library';
import type { ClipProvenance } from '../context';
import { Notebook } from '../notebook';
import { makeTempDir } from '../testing/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let nb: Notebook;
beforeEach(() => {
  temp = makeTempDir('dossier-provenance-');
  nb = Notebook.open({ dataDir: temp.dir, host: 'test' });
});
afterEach(async () => {
  await nb.close();
  temp.remove();
});

const REUTERS = 'https://www.reuters.com/world/harbour-budget';

function page(text: string): string {
  return (
    `<html><head><title>Harbour budget</title><link rel="canonical" href="${REUTERS}"></head><body><article>` +
    `<h1>Harbour budget</h1>${`<p>${text} The council met on Tuesday to discuss it at length.</p>`.repeat(6)}` +
    '</article></body></html>'
  );
}

/** As the clip endpoint files a page (the API itself takes no provenance). */
function fromEndpoint(input: ClipPasteInput, provenance: ClipProvenance): Promise<ClipResult> {
  return (nb.clipPaste as (i: ClipPasteInput, p: ClipProvenance) => Promise<ClipResult>)(input, provenance);
}

function created(result: ClipResult) {
  if (result.status === 'duplicate') throw new Error('expected a stored source');
  return result.source;
}

describe('a clip sent through the endpoint', () => {
  it('keeps the origin that sent it; a page on its own site is taken at its word', async () => {
    const source = created(
      await fromEndpoint(
        { html: page('The real report.'), url: REUTERS },
        { sentFrom: 'https://www.reuters.com', urlClaimed: false },
      ),
    );
    const stored = await nb.getSource(source.id);
    expect(stored).toMatchObject({ url: REUTERS, canonicalUrl: REUTERS });
    expect(stored.sentFrom).toBe('https://www.reuters.com');
    expect(stored.urlClaimed).toBe(false);
  });

  it('marks a URL on another origin as claimed, and its canonical URL cannot reach a stored article', async () => {
    const real = created(await nb.clipPaste({ html: page('The real report.'), url: REUTERS }));
    const forged = created(
      await fromEndpoint(
        {
          html: page('A forged report, word for word what the forger wants.'),
          url: REUTERS,
          onDuplicate: 'update',
        },
        { sentFrom: 'https://evil.example', urlClaimed: true },
      ),
    );
    expect(forged.id).not.toBe(real.id);
    const stored = await nb.getSource(forged.id);
    expect(stored).toMatchObject({
      url: REUTERS,
      canonicalUrl: null,
      sentFrom: 'https://evil.example',
      urlClaimed: true,
    });
    // The real article is untouched.
    expect((await nb.getSource(real.id)).plainText).toContain('The real report.');
    expect((await nb.getSource(real.id)).sentFrom).toBeNull();
  });
});
