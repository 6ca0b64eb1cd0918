/**
 * Localising an article's images at clip time, so reading it later needs no network and can make no
 * request: every `<img>` of the sanitized article is resolved to bytes (files saved with the page first,
 * then, only when the caller allowed it, a download), checked by its bytes to be a raster image (PNG,
 * JPEG, GIF, WebP, AVIF; never SVG, which can hold script), and given an id. The article then refers to
 * it as `dossier-image:<id>`. An image that cannot be stored is removed from the article (never left
 * pointing at the web) and reported as a warning; it never fails the clip.
 */
import { createHash, randomUUID } from 'node:crypto';
import { isHttpUrl } from '../../../shared/url';
import { PENDING_IMAGE_PREFIX } from './clip-html';
import type { OutboundPolicy } from '../net/outbound';
import { fetchHttp, type FetchLimits } from './fetch-url';
import type { ResourceMap } from './resources';
import type { ImageRef } from './types';

/** Raster types Dossier stores. */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] as const;
/** One of {@link IMAGE_MIME_TYPES}. */
export type ImageMime = (typeof IMAGE_MIME_TYPES)[number];

/** Bounds on what one article may store. */
export interface ImageLimits {
  /** Images per article; the rest are left out with a warning. */
  maxImages: number;
  /** Largest single image, in bytes. */
  maxBytes: number;
  /** All images of one article together, in bytes. */
  maxTotalBytes: number;
  /** Timeout of one image download, in milliseconds. */
  timeoutMs: number;
  /** Downloads at the same time. */
  concurrency: number;
}

/** The default limits: generous for a news article, small enough that a hostile page cannot fill the disk. */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxImages: 100,
  maxBytes: 15 * 1024 * 1024,
  maxTotalBytes: 60 * 1024 * 1024,
  timeoutMs: 20_000,
  concurrency: 4,
};

/** An image ready to be stored with its source. */
export interface LocalisedImage {
  /** The id the article's HTML refers to (`dossier-image:<id>`). */
  id: string;
  mime: ImageMime;
  sha256: string;
  data: Uint8Array;
  /** Its URL or its path in the saved page's folder. */
  originalUrl: string | null;
}

/** Where images may come from. */
export interface LocaliseOptions {
  /** What clipHtml's `imageRefs` reported for `dossier-image:pending-N` images. */
  refs: readonly ImageRef[];
  resources: ResourceMap;
  /** May remote images be downloaded? Only when the user asked for the network. */
  fetch: boolean;
  limits?: ImageLimits;
  /** Where downloads may go (default: public addresses only). */
  policy?: OutboundPolicy;
}

/** The article with stored-image references, the images, and what went wrong. */
export interface LocalisedArticle {
  html: string;
  images: LocalisedImage[];
  warnings: string[];
}

/** The image type the bytes are, by their signature, or null (SVG, HTML, anything else). */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const at = (offset: number, ascii: string): boolean =>
    [...ascii].every((c, i) => bytes[offset + i] === c.charCodeAt(0));
  if (bytes[0] === 0x89 && at(1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'image/gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'image/webp';
  if (at(4, 'ftyp') && (at(8, 'avif') || at(8, 'avis'))) return 'image/avif';
  return null;
}

const IMG_TAG = /<img\b[^>]*>/gi;
const SRC_ATTR = /\ssrc="([^"]*)"/;

function unescapeAttribute(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : "'",
  );
}

/** The ref an img's src stands for: a pending reference, or an http(s) URL Readability filled in. */
function refOf(src: string, refs: readonly ImageRef[]): ImageRef | null {
  if (src.startsWith(PENDING_IMAGE_PREFIX))
    return refs[Number(src.slice(PENDING_IMAGE_PREFIX.length))] ?? null;
  return isHttpUrl(src) ? { raw: src, absolute: src } : null;
}

type Outcome = { ok: true; data: Uint8Array; origin: string } | { ok: false; reason: string };

async function loadImage(ref: ImageRef, options: LocaliseOptions, limits: ImageLimits): Promise<Outcome> {
  const saved = options.resources.lookup(ref.raw, ref.absolute);
  if (saved !== undefined) return { ok: true, data: saved.data, origin: saved.path };
  if (ref.absolute === null) return { ok: false, reason: 'not saved with the page' };
  if (!options.fetch) return { ok: false, reason: 'not saved with the page (downloading was not allowed)' };
  const fetchLimits: FetchLimits = {
    timeoutMs: limits.timeoutMs,
    maxBytes: limits.maxBytes,
    maxRedirects: 5,
  };
  try {
    const fetched = await fetchHttp(
      ref.absolute,
      fetchLimits,
      'image/avif,image/webp,image/png,image/jpeg,image/gif',
      options.policy,
    );
    return { ok: true, data: fetched.bytes, origin: ref.absolute };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs `task` over `items` with at most `concurrency` at a time, keeping the order of results. */
async function mapLimited<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Summarises failures per reason: "2 images were left out: not saved with the page." */
function warningsOf(failures: Map<string, number>): string[] {
  return [...failures].map(
    ([reason, count]) =>
      `${count} image${count === 1 ? ' was' : 's were'} left out: ${reason.replace(/\.$/, '')}.`,
  );
}

/**
 * Resolves, checks and numbers the images of sanitized article HTML. Never throws for an image: each
 * one that fails is removed from the HTML and counted in `warnings`.
 */
export async function localiseImages(html: string, options: LocaliseOptions): Promise<LocalisedArticle> {
  const { pieces, images, warnings } = await localiseImagePieces([html], options);
  return { html: pieces[0]!, images, warnings };
}

/**
 * {@link localiseImages} of HTML held in pieces (a long article, see library/prepare.ts), each piece
 * rewritten on its own: no tag may run across two pieces (they are cut before a `<`).
 */
export async function localiseImagePieces(
  html: readonly string[],
  options: LocaliseOptions,
): Promise<{ pieces: string[]; images: LocalisedImage[]; warnings: string[] }> {
  const limits = options.limits ?? DEFAULT_IMAGE_LIMITS;
  const tags = html.flatMap((piece) => piece.match(IMG_TAG) ?? []);
  const keyOf = (ref: ImageRef): string => ref.absolute ?? ref.raw;
  const unique = new Map<string, ImageRef>();
  for (const tag of tags) {
    const ref = refOf(unescapeAttribute(SRC_ATTR.exec(tag)?.[1] ?? ''), options.refs);
    if (ref !== null && !unique.has(keyOf(ref))) unique.set(keyOf(ref), ref);
  }
  const failures = new Map<string, number>();
  const fail = (reason: string): void => void failures.set(reason, (failures.get(reason) ?? 0) + 1);
  const wanted = [...unique.values()];
  const loaded = await mapLimited(wanted.slice(0, limits.maxImages), limits.concurrency, (ref) =>
    loadImage(ref, options, limits),
  );
  for (let i = limits.maxImages; i < wanted.length; i++)
    fail(`the article has more than ${limits.maxImages} images`);

  const images: LocalisedImage[] = [];
  const idByKey = new Map<string, string>();
  const idBySha = new Map<string, string>();
  let total = 0;
  loaded.forEach((outcome, i) => {
    const ref = wanted[i]!;
    if (!outcome.ok) return fail(outcome.reason);
    const mime = sniffImage(outcome.data);
    if (mime === null) return fail('not a PNG, JPEG, GIF, WebP or AVIF image (SVG is never stored)');
    if (outcome.data.byteLength > limits.maxBytes) {
      return fail(`larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
    }
    const sha256 = createHash('sha256').update(outcome.data).digest('hex');
    const same = idBySha.get(sha256);
    if (same !== undefined) return void idByKey.set(keyOf(ref), same);
    if (total + outcome.data.byteLength > limits.maxTotalBytes) {
      return fail(`the article's images exceed ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB in all`);
    }
    total += outcome.data.byteLength;
    const id = randomUUID();
    images.push({ id, mime, sha256, data: outcome.data, originalUrl: outcome.origin });
    idBySha.set(sha256, id);
    idByKey.set(keyOf(ref), id);
  });

  const pieces = html.map((piece) =>
    // A piece with no image is kept as it is (a long article's pieces are not copied for nothing).
    piece.search(IMG_TAG) < 0
      ? piece
      : piece.replace(IMG_TAG, (tag) => {
          const ref = refOf(unescapeAttribute(SRC_ATTR.exec(tag)?.[1] ?? ''), options.refs);
          const id = ref === null ? undefined : idByKey.get(keyOf(ref));
          return id === undefined ? '' : tag.replace(SRC_ATTR, ` src="dossier-image:${id}"`);
        }),
  );
  return { pieces, images, warnings: warningsOf(failures) };
}
