/**
 * A clipped source's publication date: the user's (paste dialog), else the page's metadata, else one
 * read from the text or web address (marked inferred), else none: never the day it was clipped.
 */
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../../shared/areas/library';
import type { CoreContext } from '../context';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { LibraryService } from './service';

let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let library: LibraryService;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(`${temp.dir}/dossier.sqlite`);
  const ctx: CoreContext = {
    db,
    dataDir: temp.dir,
    databasePath: `${temp.dir}/dossier.sqlite`,
    host: 'test',
    hooks: { sourceStored: () => undefined, clipPaste: () => Promise.reject(new Error('not used')) },
  };
  library = new LibraryService(ctx);
});
afterEach(() => {
  db.close();
  temp.remove();
});

const DATELINE = 'OSLO, July 23, 2008\n\nThe harbour board met on Tuesday and voted to rebuild the pier.';
const UNDATED = 'The harbour board met on Tuesday and voted to rebuild the pier before winter.';

async function paste(input: Parameters<LibraryService['clipPaste']>[0]): Promise<SourceSummary> {
  const result = await library.clipPaste({ onDuplicate: 'keep-both', ...input });
  if (result.status === 'duplicate') throw new Error('unexpected duplicate');
  return result.source;
}

describe('the publication date of a clip', () => {
  it('is read from a dateline and marked inferred when the paste gives none', async () => {
    const source = await paste({ text: DATELINE });
    expect(source).toMatchObject({ publishedAt: '2008-07-23', publishedOrigin: 'inferred' });
  });

  it('is read from a date in the web address', async () => {
    const source = await paste({ text: UNDATED, url: 'https://paper.example/2013/05/02/harbour-vote' });
    expect(source).toMatchObject({ publishedAt: '2013-05-02', publishedOrigin: 'inferred' });
  });

  it('stays unknown without one: never the day it was clipped', async () => {
    const source = await paste({ text: UNDATED });
    expect(source).toMatchObject({ publishedAt: null, publishedOrigin: null });
  });

  it("is the user's when given, over any in the text", async () => {
    const source = await paste({ text: DATELINE, published: '2008-07-24' });
    expect(source).toMatchObject({ publishedAt: '2008-07-24', publishedOrigin: 'user' });
  });

  it('is not a date in the year 3000', async () => {
    const source = await paste({ text: `July 23, 3000\n\n${UNDATED}` });
    expect(source.publishedAt).toBeNull();
  });
});

describe("guessPublished (the paste dialog's prefill)", () => {
  it('says what the clip would get and from what, storing nothing', async () => {
    expect(await library.guessPublished({ text: DATELINE })).toEqual({
      published: '2008-07-23',
      origin: 'inferred',
      evidence: 'July 23, 2008',
    });
    const html =
      '<html><head><meta property="article:published_time" content="2024-05-06T09:00:00Z"></head>' +
      `<body><article><p>${UNDATED.repeat(4)}</p></article></body></html>`;
    expect(await library.guessPublished({ html })).toMatchObject({ published: '2024-05-06', origin: 'page' });
    expect(await library.guessPublished({ text: UNDATED })).toEqual({
      published: null,
      origin: null,
      evidence: null,
    });
    expect(await library.guessPublished({ text: '   ' })).toEqual({
      published: null,
      origin: null,
      evidence: null,
    });
    expect((await library.listSources()).total).toBe(0);
  });
});
