import { afterEach, describe, expect, it } from 'vitest';
import { clipHtml } from './clip-html';
import { DEFAULT_IMAGE_LIMITS, localiseImages, sniffImage } from './images';
import { ResourceMap } from './resources';
import { GIF_1X1, LOCAL_TEST_POLICY, PNG_1X1, startTestServer, type TestServer } from './test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PROSE =
  '<p>' + 'The council voted seven to two on Monday to rebuild the bridge before winter. '.repeat(6) + '</p>';

function page(images: string, url?: string) {
  const html = `<html><head><title>Bridge vote</title></head><body><article>${PROSE}
    <figure>${images}</figure>${PROSE}</article></body></html>`;
  return clipHtml({ html, ...(url ? { url } : {}) }, { imageRefs: true });
}

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('sniffImage', () => {
  it('knows raster images by their bytes and refuses SVG and HTML', () => {
    expect(sniffImage(PNG_1X1)).toBe('image/png');
    expect(sniffImage(GIF_1X1)).toBe('image/gif');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(Buffer.from('\0\0\0\x1cftypavif\0\0\0\0'))).toBe('image/avif');
    expect(sniffImage(SVG)).toBeNull();
    expect(sniffImage(Buffer.from('<html>'))).toBeNull();
    expect(sniffImage(new Uint8Array(0))).toBeNull();
  });
});

describe('localiseImages', () => {
  it('stores images saved with the page by their relative path, even when the page URL is known', async () => {
    const article = page(
      '<img src="./Bridge_files/a.png" alt="A"><img src="Bridge_files/b%20c.gif">',
      'https://paper.example/2024/vote',
    );
    expect(article.html).toContain('dossier-image:pending-0');
    const resources = new ResourceMap([
      { path: 'Bridge_files/a.png', data: PNG_1X1 },
      { path: 'Bridge_files/b c.gif', data: GIF_1X1 },
    ]);
    const out = await localiseImages(article.html, { refs: article.imageRefs!, resources, fetch: false });
    expect(out.warnings).toEqual([]);
    expect(out.images.map((i) => i.mime)).toEqual(['image/png', 'image/gif']);
    for (const image of out.images) expect(out.html).toContain(`src="dossier-image:${image.id}"`);
    expect(out.html).toContain('alt="A"');
    expect(out.html).not.toMatch(/pending|Bridge_files|https?:/);
  });

  it('removes images it cannot store, with a warning, and never leaves a remote URL', async () => {
    const article = page(
      '<img src="https://cdn.example/photo.jpg"><img src="missing.png"><img src="evil.svg"><img src="data:image/png;base64,AAAA">',
    );
    const resources = new ResourceMap([{ path: 'evil.svg', data: SVG }]);
    const out = await localiseImages(article.html, { refs: article.imageRefs!, resources, fetch: false });
    expect(out.images).toEqual([]);
    expect(out.html).not.toContain('<img');
    expect(out.html).not.toContain('cdn.example');
    expect(out.warnings.join(' ')).toMatch(/1 image was left out: not saved with the page \(downloading/);
    expect(out.warnings.join(' ')).toMatch(/1 image was left out: not saved with the page\./);
    expect(out.warnings.join(' ')).toMatch(/1 image was left out: not a PNG, JPEG, GIF, WebP or AVIF/);
  });

  it('downloads remote images only when allowed, sniffing what the server sent', async () => {
    server = await startTestServer({
      '/a.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1X1),
      '/fake.jpg': (_, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(SVG),
    });
    const article = page(
      `<img src="/a.png"><img src="${server.url}/a.png"><img src="/fake.jpg"><img src="/gone.png">`,
      `${server.url}/story`,
    );
    const refs = article.imageRefs!;
    const offline = await localiseImages(article.html, { refs, resources: new ResourceMap(), fetch: false });
    expect(offline.images).toEqual([]);
    expect(server.requests).toEqual([]);

    const online = await localiseImages(article.html, {
      refs,
      resources: new ResourceMap(),
      fetch: true,
      policy: LOCAL_TEST_POLICY,
    });
    expect(online.images).toHaveLength(1); // the same image twice is stored once
    expect(online.images[0]).toMatchObject({ mime: 'image/png', originalUrl: `${server.url}/a.png` });
    expect(online.html.match(/<img/g)).toHaveLength(2);
    expect(online.warnings.join(' ')).toMatch(/answered 404/);
    expect(online.warnings.join(' ')).toMatch(/not a PNG/);
    expect(server.requests.filter((r) => r === '/a.png')).toHaveLength(1);
  });

  it('lets no page-made reference or script URL through as an image', async () => {
    const article = page(
      '<img src="javascript:alert(1)"><img src="dossier-image:stolen"><a href="dossier-image:x">link</a>' +
        '<img src="file:///etc/hosts.png"><img src="dossier-image:pending-0">',
    );
    const out = await localiseImages(article.html, {
      refs: article.imageRefs!,
      resources: new ResourceMap(),
      fetch: true,
    });
    expect(out.html).not.toMatch(/<img|javascript|file:|dossier-image/);
    expect(out.html).toContain('link');
  });

  it('keeps to the count and size limits', async () => {
    const tags = ['a', 'b', 'c'].map((n) => `<img src="${n}.png">`).join('');
    const article = page(tags);
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(2000)]);
    const resources = new ResourceMap([
      { path: 'a.png', data: PNG_1X1 },
      { path: 'b.png', data: big },
      { path: 'c.png', data: GIF_1X1 },
    ]);
    const limits = { ...DEFAULT_IMAGE_LIMITS, maxImages: 2, maxBytes: 1000 };
    const out = await localiseImages(article.html, {
      refs: article.imageRefs!,
      resources,
      fetch: false,
      limits,
    });
    expect(out.images.map((i) => i.mime)).toEqual(['image/png']);
    expect(out.warnings.join(' ')).toMatch(/more than 2 images/);
    expect(out.warnings.join(' ')).toMatch(/larger than/);
  });

  it('finds MHTML parts by URL and cid:', async () => {
    const article = page(
      '<img src="https://paper.example/p.png"><img src="cid:img1@mhtml">',
      'https://paper.example/',
    );
    const resources = new ResourceMap([
      { path: 'https://paper.example/p.png', data: PNG_1X1 },
      { path: 'cid:img1@mhtml', data: GIF_1X1 },
    ]);
    const out = await localiseImages(article.html, { refs: article.imageRefs!, resources, fetch: false });
    expect(out.images.map((i) => i.mime)).toEqual(['image/png', 'image/gif']);
    expect(out.warnings).toEqual([]);
  });
});
