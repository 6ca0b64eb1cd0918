import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { LIBRARY_METHODS } from './library';
import { LIBRARY_VALIDATORS } from './library.args';

function refused(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_ARGUMENT');
    return (error as ApiError).message;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

const FILE = { name: 'a.html', data: 'PGh0bWw+' };

describe('the largest paste', () => {
  it('is refused above 50 MB with its size and what to do instead', () => {
    const html = 'x'.repeat(50 * 1024 * 1024 + 1);
    expect(refused(() => LIBRARY_VALIDATORS.clipPaste([{ html }]))).toBe(
      'clipPaste: "html" is 50.0 MB; Dossier clips pages up to 50 MB. Clip only the article, or copy ' +
        'its text and clip that.',
    );
    expect(LIBRARY_VALIDATORS.clipPaste([{ html: html.slice(1) }])).toHaveLength(1);
  });
});

describe('LIBRARY_VALIDATORS', () => {
  it('has a validator for every method', () => {
    for (const method of LIBRARY_METHODS) expect(typeof LIBRARY_VALIDATORS[method]).toBe('function');
  });

  it('passes good input through, without absent fields', () => {
    expect(
      LIBRARY_VALIDATORS.clipFile([
        { ...FILE, onDuplicate: 'update', resources: [{ path: 'a_files/x.png', data: 'AAAA' }] },
      ]),
    ).toEqual([{ ...FILE, onDuplicate: 'update', resources: [{ path: 'a_files/x.png', data: 'AAAA' }] }]);
    expect(LIBRARY_VALIDATORS.clipPaste([{ text: 'hi', url: 'https://x.example/a' }])).toEqual([
      { text: 'hi', url: 'https://x.example/a' },
    ]);
    expect(LIBRARY_VALIDATORS.clipUrl([{ url: 'http://127.0.0.1:8080/a?b=c' }])).toEqual([
      { url: 'http://127.0.0.1:8080/a?b=c' },
    ]);
    expect(LIBRARY_VALIDATORS.listSources([])).toEqual([]);
    expect(
      LIBRARY_VALIDATORS.listSources([
        { sort: 'published', from: '2025-01-01', to: '2025-12-31', limit: 50 },
      ]),
    ).toEqual([{ sort: 'published', from: '2025-01-01', to: '2025-12-31', limit: 50 }]);
    expect(LIBRARY_VALIDATORS.getSource(['abc-123'])).toEqual(['abc-123']);
    expect(LIBRARY_VALIDATORS.listSites([])).toEqual([]);
  });

  it('refuses bad clip input', () => {
    const v = LIBRARY_VALIDATORS;
    expect(refused(() => v.clipFile([]))).toMatch(/expected 1 argument/);
    expect(refused(() => v.clipFile([{ ...FILE, extra: 1 }]))).toMatch(/unknown field "extra"/);
    expect(refused(() => v.clipFile([{ data: 'AAAA' }]))).toMatch(/"name" is required/);
    expect(refused(() => v.clipFile([{ ...FILE, name: '  ' }]))).toMatch(/"name" is empty/);
    expect(refused(() => v.clipFile([{ ...FILE, data: 'not base64!' }]))).toMatch(/base64/);
    expect(refused(() => v.clipFile([{ ...FILE, data: 'AAA' }]))).toMatch(/base64/);
    expect(refused(() => v.clipFile([{ ...FILE, url: 'javascript:alert(1)' }]))).toMatch(/http/);
    expect(refused(() => v.clipFile([{ ...FILE, url: 'file:///etc/passwd' }]))).toMatch(/http/);
    expect(refused(() => v.clipFile([{ ...FILE, onDuplicate: 'replace' }]))).toMatch(
      /ask, update, keep-both/,
    );
    expect(refused(() => v.clipFile([{ ...FILE, resources: {} }]))).toMatch(/must be a list/);
    expect(refused(() => v.clipFile([{ ...FILE, resources: [{ path: 'a', data: 'AAAA', x: 1 }] }]))).toMatch(
      /unknown field/,
    );
    expect(refused(() => v.clipFile([{ ...FILE, resources: [{ path: '', data: 'AAAA' }] }]))).toMatch(
      /empty/,
    );
    expect(refused(() => v.clipFile([{ ...FILE, fetchImages: 'yes' }]))).toMatch(/true or false/);
    expect(refused(() => v.clipPaste([{}]))).toMatch(/give "html" or "text"/);
    expect(refused(() => v.clipPaste([{ html: 42 }]))).toMatch(/must be a string/);
    expect(refused(() => v.clipPaste(['<p>hi</p>']))).toMatch(/must be an object/);
    expect(refused(() => v.clipUrl([{}]))).toMatch(/"url" is required/);
    expect(refused(() => v.clipUrl([{ url: 'https://' }]))).toMatch(/http/);
    expect(refused(() => v.clipUrl([{ url: 'https://x.example', onDuplicate: 1 }]))).toMatch(/onDuplicate/);
  });

  it('refuses bad list options and ids', () => {
    const v = LIBRARY_VALIDATORS;
    expect(refused(() => v.listSources([{ sort: 'random' }]))).toMatch(/"sort"/);
    expect(refused(() => v.listSources([{ from: '2025-02-30' }]))).toMatch(/YYYY-MM-DD/);
    expect(refused(() => v.listSources([{ to: '18/03/2025' }]))).toMatch(/YYYY-MM-DD/);
    expect(refused(() => v.listSources([{ from: '2025-03-02', to: '2025-03-01' }]))).toMatch(/after/);
    expect(refused(() => v.listSources([{ limit: 0 }]))).toMatch(/"limit"/);
    expect(refused(() => v.listSources([{ limit: 5000 }]))).toMatch(/"limit"/);
    expect(refused(() => v.listSources([{ offset: -1 }]))).toMatch(/"offset"/);
    expect(refused(() => v.listSources([{ trashed: 'yes' }]))).toMatch(/"trashed"/);
    expect(refused(() => v.listSources([{}, {}]))).toMatch(/argument/);
    expect(refused(() => v.listSites([1]))).toMatch(/argument/);
    for (const method of ['getSource', 'getSourceOriginal', 'deleteSource', 'restoreSource'] as const) {
      expect(refused(() => v[method](['../etc']))).toMatch(/the source id/);
      expect(refused(() => v[method]([]))).toMatch(/argument/);
      expect(refused(() => v[method]([{ id: 'a' }]))).toMatch(/the source id/);
    }
  });
});
