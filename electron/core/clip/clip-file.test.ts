import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clipFile, expandClipPaths, listClippableFiles } from './clip-file';
import { isClipError, type ClipError } from './errors';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-clip-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PAGE = `<!-- saved from url=(0036)https://paper.example/2024/05/06/vote -->
<html><head><title>Council votes on the bridge</title></head><body><article>
<p>${'The council voted seven to two on Monday to rebuild the bridge before winter. '.repeat(8)}</p>
<p><a href="../more">More</a> <img src="pics/bridge.jpg" alt="Bridge"></p></article></body></html>`;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isClipError(error)) return error.code;
    throw error;
  }
  return 'OK';
}

describe('clipFile', () => {
  it('clips a saved page, using the URL the browser noted', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vote.html'), PAGE);
    const article = await clipFile(join(dir, 'vote.html'));
    expect(article.title).toBe('Council votes on the bridge');
    expect(article.canonicalUrl).toBe('https://paper.example/2024/05/06/vote');
    expect(article.published).toBe('2024-05-06');
    expect(article.html).toContain('src="https://paper.example/2024/05/06/pics/bridge.jpg"');
    const overridden = await clipFile(join(dir, 'vote.html'), { url: 'https://other.example/x/' });
    expect(overridden.html).toContain('src="https://other.example/x/pics/bridge.jpg"');
  });

  it('clips .txt and .md files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Plain title\n\nBody text.');
    writeFileSync(join(dir, 'b.md'), '# Markdown title\n\nBody text.');
    expect((await clipFile(join(dir, 'a.txt'))).title).toBe('Plain title');
    expect((await clipFile(join(dir, 'b.md'))).title).toBe('Markdown title');
  });

  it('gives each kind of bad file its own error code', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'image.html'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    writeFileSync(join(dir, 'doc.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'nav.html'), '<nav><a href="/">Home</a></nav>');
    mkdirSync(join(dir, 'folder.html'));
    expect(await codeOf(clipFile(join(dir, 'empty.html')))).toBe('EMPTY');
    expect(await codeOf(clipFile(join(dir, 'image.html')))).toBe('BINARY');
    expect(await codeOf(clipFile(join(dir, 'doc.pdf')))).toBe('UNSUPPORTED');
    expect(await codeOf(clipFile(join(dir, 'nav.html')))).toBe('NO_ARTICLE');
    expect(await codeOf(clipFile(join(dir, 'missing.html')))).toBe('READ_FAILED');
    expect(await codeOf(clipFile(join(dir, 'folder.html')))).toBe('UNSUPPORTED');
  });

  // Regression (issue 19): a path that does not exist was called an unsupported type when its name
  // had no clippable extension (`dossier import /nonexistent` said "UNSUPPORTED").
  it.each(['nonexistent', 'missing.pdf', 'missing.html'])('says %s does not exist', async (name) => {
    const path = join(tempDir(), name);
    const error = await clipFile(path).then(
      () => null,
      (e: unknown) => e as ClipError,
    );
    expect(error?.code).toBe('READ_FAILED');
    expect(error?.message).toBe(
      `${path} could not be read (it does not exist). Check the path and try again.`,
    );
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const dir = tempDir();
    const path = join(dir, 'huge.html');
    writeFileSync(path, '');
    // A sparse file: the size check must not need the content.
    truncateSync(path, 50 * 1024 * 1024 + 1);
    expect(await codeOf(clipFile(path))).toBe('TOO_LARGE');
  });
});

describe('listClippableFiles / expandClipPaths', () => {
  it('lists clippable files recursively, skipping _files folders and hidden entries', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'page_files'));
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.git'));
    for (const file of [
      'page.html',
      'page_files/frame.html',
      'sub/b.MD',
      'sub/c.txt',
      'x.pdf',
      '.git/d.html',
      'e.htm',
    ]) {
      writeFileSync(join(dir, file), 'x');
    }
    expect(await listClippableFiles(dir)).toEqual(
      ['e.htm', 'page.html', 'sub/b.MD', 'sub/c.txt'].map((f) => join(dir, f)),
    );
    expect(await expandClipPaths([join(dir, 'x.pdf'), join(dir, 'sub')])).toEqual([
      join(dir, 'x.pdf'),
      join(dir, 'sub/b.MD'),
      join(dir, 'sub/c.txt'),
    ]);
  });
});
