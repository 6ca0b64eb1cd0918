/**
 * The images a page on disk refers to by relative path (`page_files/photo.jpg`, `img/a.png`), read from
 * the page's folder so an imported page keeps its pictures with no network. Only files inside the page's
 * folder are read (a `../../` path in a hostile page cannot reach the rest of the disk), only with an
 * image extension, and within the image limits.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { DEFAULT_IMAGE_LIMITS } from './images';
import { isUrlLike, normalizeResourcePath, type Resource } from './resources';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.jpe', '.gif', '.webp', '.avif']);
/** src, data-src and the first candidate of srcset, as written in the page. */
const SRC = /\s(?:src|data-src|data-original|data-lazy-src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"');
}

/**
 * Reads the local image files `html` refers to, relative to `pagePath`'s folder. Missing or unreadable
 * files are skipped: the clipper reports those images as left out.
 */
export async function collectLocalResources(pagePath: string, html: string): Promise<Resource[]> {
  const folder = await realpath(dirname(resolve(pagePath))).catch(() => dirname(resolve(pagePath)));
  const wanted = new Set<string>();
  for (const match of html.matchAll(SRC)) {
    const src = decodeEntities((match[1] ?? match[2] ?? match[3] ?? '').trim());
    if (src === '' || isUrlLike(src) || src.startsWith('#')) continue;
    const path = normalizeResourcePath(src);
    if (IMAGE_EXTENSIONS.has(extname(path).toLowerCase())) wanted.add(path);
    if (wanted.size >= DEFAULT_IMAGE_LIMITS.maxImages) break;
  }
  const found: Resource[] = [];
  let total = 0;
  for (const path of wanted) {
    const file = resolve(folder, path);
    try {
      // realpath: a symlink inside the folder must not lead outside it either.
      const real = await realpath(file);
      const inside = relative(folder, real);
      if (inside.startsWith(`..${sep}`) || inside === '..' || resolve(inside) === inside) continue;
      const info = await stat(real);
      if (!info.isFile() || info.size > DEFAULT_IMAGE_LIMITS.maxBytes) continue;
      if (total + info.size > DEFAULT_IMAGE_LIMITS.maxTotalBytes) break;
      total += info.size;
      found.push({ path, data: await readFile(real) });
    } catch {
      // Not there or not readable: the image is left out with a warning at clip time.
    }
  }
  return found;
}
