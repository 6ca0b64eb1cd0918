import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { READER_FRAME_STYLE_HASH } from '../../shared/reader-frame';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  isAppUrl,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from './protocol';

const root = resolve('/srv/out/renderer');

describe('resolveAppPath', () => {
  it('maps app:// paths into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://dossier/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://dossier')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, APP_ENTRY_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://dossier/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets/index-abc.js'),
    );
    expect(resolveAppPath(root, 'app://dossier/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'));
  });

  it.each([
    'app://dossier/..%2F..%2Fetc%2Fpasswd',
    'app://dossier/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://dossier/%2e%2e%2frenderer-secrets',
    'app://dossier/..%5C..%5Cwindows%5Cwin.ini',
    'app://dossier/index.html%00.png',
    'app://dossier/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('keeps literal dot segments inside the folder (the URL parser drops them before we see them)', () => {
    expect(resolveAppPath(root, 'app://dossier/../../etc/passwd')).toBe(join(root, 'etc/passwd'));
    expect(resolveAppPath(root, 'app://dossier/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc/passwd'));
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://dossier/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('knows our origin', () => {
    expect(isAppUrl('app://dossier/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://dossier/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('file:///index.html', 'file:///')).toBe(false);
  });
});

describe('app:// handler', () => {
  let base: string;
  let rendererDir: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'dossier-protocol-'));
    rendererDir = join(base, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
    writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(rendererDir, 'assets', 'index.css'), 'body{}');
    writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'x');
    writeFileSync(join(base, 'secret.txt'), 'do not serve');
    symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
    handle = createAppRequestHandler(rendererDir);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET'): Promise<Response> => handle(new Request(url, { method }));

  function expectSecurityHeaders(response: Response): void {
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  }

  it('serves renderer files with their content type and the CSP', async () => {
    const cases: [string, string, string][] = [
      ['app://dossier/', 'text/html; charset=utf-8', '<!doctype html><title>Dossier</title>'],
      ['app://dossier/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Dossier</title>'],
      ['app://dossier/assets/index.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://dossier/assets/index.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://dossier/assets/font.woff2', 'font/woff2', 'x'],
    ];
    for (const [url, type, body] of cases) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expectSecurityHeaders(response);
      expect(await response.text()).toBe(body);
    }
  });

  it('answers 404 with the CSP for missing files, folders, traversal and symlinks out', async () => {
    for (const url of [
      'app://dossier/missing.js',
      'app://dossier/assets',
      'app://dossier/..%2Fsecret.txt',
      'app://dossier/assets/..%2F..%2Fsecret.txt',
      'app://dossier/assets/link.txt',
      'app://elsewhere/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expectSecurityHeaders(response);
      expect(await response.text()).not.toContain('do not serve');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://dossier/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://dossier/index.html', 'POST');
    expect(post.status).toBe(405);
    expectSecurityHeaders(post);
  });

  it('registers the privileged scheme and the handler', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    registerAppProtocol(protocol, rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

// Regression (issue 19): style-src kept 'unsafe-inline'.
it('the CSP is the strict policy: no inline style but the reader frame stylesheet, by hash', () => {
  expect(CONTENT_SECURITY_POLICY).toBe(
    `default-src 'none'; script-src 'self'; style-src 'self' ${READER_FRAME_STYLE_HASH}; ` +
      "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
      "form-action 'none'; frame-ancestors 'none'",
  );
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
});
