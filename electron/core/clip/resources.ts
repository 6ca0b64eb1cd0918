/**
 * The files a clipped page brought along (a browser's `page_files/` folder, the parts of an MHTML file,
 * images next to a file imported from disk), looked up by the src the page wrote. Keys are normalised
 * relative paths, absolute URLs and `cid:` references, so every way pages refer to a saved file finds it.
 */
import { posix } from 'node:path';

/** One file: how the page names it, and its bytes. */
export interface Resource {
  /** A path relative to the page's folder, an absolute URL, or `cid:...`. */
  path: string;
  data: Uint8Array;
}

/** Query and fragment removed, percent-escapes decoded, `./` and `..` folded, `\` as `/`. */
export function normalizeResourcePath(path: string): string {
  let clean = path
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\\/g, '/');
  try {
    clean = decodeURIComponent(clean);
  } catch {
    // A stray % in a file name: keep it as written.
  }
  return posix
    .normalize(clean)
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

/** True for a src that names a URL (any scheme, or protocol-relative) rather than a relative path. */
export function isUrlLike(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}

function canonicalUrl(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** Files looked up by the page's references to them. */
export class ResourceMap {
  private readonly byUrl = new Map<string, Resource>();
  private readonly byPath = new Map<string, Resource>();

  constructor(resources: readonly Resource[] = []) {
    for (const resource of resources) {
      if (isUrlLike(resource.path)) {
        const url = canonicalUrl(resource.path);
        if (url !== null && !this.byUrl.has(url)) this.byUrl.set(url, resource);
      } else {
        const key = normalizeResourcePath(resource.path);
        if (key !== '' && !key.startsWith('../') && !this.byPath.has(key)) this.byPath.set(key, resource);
      }
    }
  }

  /** How many files the map holds. */
  get size(): number {
    return this.byUrl.size + this.byPath.size;
  }

  /**
   * The file a page's image refers to: by its absolute URL (MHTML), by its raw `cid:`/URL form, or by
   * its relative path, exactly or as the tail of a stored path (a folder dropped one level up).
   */
  lookup(raw: string | null, absolute: string | null): Resource | undefined {
    for (const url of [absolute, raw]) {
      if (url === null || !isUrlLike(url)) continue;
      const found = this.byUrl.get(canonicalUrl(url) ?? url);
      if (found !== undefined) return found;
    }
    if (raw === null || isUrlLike(raw) || this.byPath.size === 0) return undefined;
    const key = normalizeResourcePath(raw);
    const exact = this.byPath.get(key);
    if (exact !== undefined) return exact;
    const tails = [...this.byPath.entries()].filter(
      ([path]) => path.endsWith(`/${key}`) || key.endsWith(`/${path}`),
    );
    return tails.length === 1 ? tails[0]![1] : undefined;
  }
}
