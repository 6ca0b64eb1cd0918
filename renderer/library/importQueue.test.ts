import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BROWSER_IMPORT_BYTES, MAX_CLIP_BYTES, type ClipResult } from '../../shared/areas/library';
import { ApiError } from '../../shared/errors';
import {
  hostImportLimit,
  planImport,
  runImport,
  sizeProblem,
  type ClipFile,
  type ImportItem,
  type ImportLimit,
} from './importQueue';

const MB = 1024 * 1024;
const BROWSER: ImportLimit = { maxBytes: MAX_BROWSER_IMPORT_BYTES, reason: 'browser' };
const APP: ImportLimit = { maxBytes: 3 * MAX_CLIP_BYTES, reason: 'clipper' };

/** A file that claims `size` bytes without holding them, and records whether anyone read it. */
function hugeFile(name: string, size: number): File {
  const file = new File(['<p>not really this big</p>'], name, { type: 'text/html' });
  Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(file, 'arrayBuffer', { value: vi.fn(() => Promise.reject(new Error('read'))) });
  return file;
}

function page(name: string, body = `<p>${name}</p>`): File {
  return new File([body], name, { type: 'text/html' });
}

function item(file: File, resources: File[] = []): ImportItem {
  return { file, path: '', resources };
}

function created(name: string): ClipResult {
  return {
    status: 'created',
    warnings: [],
    source: { title: name } as Extract<ClipResult, { status: 'created' }>['source'],
  };
}

afterEach(() => {
  delete (globalThis as { api?: unknown }).api;
});

describe('import size limits', () => {
  it('fails a 50 MB file in the browser before reading it, and imports the rest of the batch', async () => {
    const big = hugeFile('huge-page.html', 50 * MB);
    const clipFile = vi.fn<ClipFile>(async (input) => {
      if (input.name === 'broken.html') throw new ApiError('CLIP_FAILED', 'broken.html has no article.');
      return created(input.name);
    });
    const items = [item(page('first.html')), item(big), item(page('broken.html')), item(page('last.html'))];
    const progress = await runImport(
      items,
      clipFile,
      async () => 'skip',
      () => undefined,
      new AbortController().signal,
      BROWSER,
    );
    expect(progress.outcomes.map((o) => o.status)).toEqual(['created', 'failed', 'failed', 'created']);
    const refused = progress.outcomes[1]!;
    expect(refused.status === 'failed' && refused.message).toBe(
      'huge-page.html is 50.0 MB; the browser version of Dossier accepts files of up to 45.0 MB. ' +
        'Import it with `npx dossier import "huge-page.html"`, or in the Dossier app.',
    );
    expect(clipFile.mock.calls.map(([input]) => input.name)).toEqual([
      'first.html',
      'broken.html',
      'last.html',
    ]);
    expect(big.arrayBuffer).not.toHaveBeenCalled();
    expect(progress).toMatchObject({ done: 4, total: 4, finished: true, cancelled: false });
  });

  it('refuses pages over the clipper limit in the app too, with its own message', () => {
    expect(sizeProblem(item(hugeFile('a.html', 49 * MB)), APP)).toBeNull();
    expect(sizeProblem(item(hugeFile('a.html', 49 * MB)), BROWSER)).toMatch(/browser version/);
    const over = sizeProblem(item(hugeFile('a.html', MAX_CLIP_BYTES + 1)), APP);
    expect(over).toMatch(/^a\.html is 50\.0 MB; Dossier clips pages of up to 50\.0 MB/);
    expect(sizeProblem(item(hugeFile('a.html', MAX_CLIP_BYTES + 1)), BROWSER)).toBe(over);
  });

  it("counts a saved page's files with it", () => {
    const withFiles = item(page('story.html'), [hugeFile('a.jpg', 30 * MB), hugeFile('b.jpg', 20 * MB)]);
    expect(sizeProblem(withFiles, BROWSER)).toMatch(/^story\.html and its 2 files come to 50\.0 MB;/);
    expect(sizeProblem(withFiles, APP)).toBeNull();
    expect(sizeProblem(item(page('small.html'), [page('x.png')]), BROWSER)).toBeNull();
    const tooManyFiles = item(page('story.html'), [hugeFile('a.jpg', 60 * MB), hugeFile('b.jpg', 41 * MB)]);
    expect(sizeProblem(tooManyFiles, APP)).toMatch(
      /come to 101\.0 MB; Dossier takes pages of up to 50\.0 MB/,
    );
  });

  it('picks the limit from the host: the app bridge, or the browser', () => {
    expect(hostImportLimit()).toEqual(BROWSER);
    (globalThis as { api?: unknown }).api = {};
    expect(hostImportLimit()).toEqual(APP);
  });

  it("keeps the browser limit's base64 request under the browser host's 64 MB body limit", () => {
    // electron/web/api-route.ts DEFAULT_MAX_BODY_BYTES; 1 MB left for JSON, names and paths.
    expect(Math.ceil(MAX_BROWSER_IMPORT_BYTES / 3) * 4 + MB).toBeLessThan(64 * MB);
  });

  it('still plans pages and their _files folders', () => {
    const files = [page('a.html'), new File(['x'], 'notes.pdf')];
    expect(planImport(files).map((i) => i.file.name)).toEqual(['a.html']);
  });
});
