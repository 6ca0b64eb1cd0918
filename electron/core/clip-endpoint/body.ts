/**
 * What a `POST /clip` to the clip endpoint says: its JSON body read into an {@link EndpointClip}, and
 * the paste and provenance a clip is filed as. Plain functions, so the endpoint's server (for a short
 * body) and the worker that prepares a long clip (for a long one, which never crosses the notebook's
 * thread as text; see request-body.ts) read a body the same way.
 */
import type { ClipPasteInput } from '../../../shared/areas/library';
import { ApiError } from '../../../shared/errors';
import { isHttpUrl } from '../../../shared/url';
import type { ClipProvenance } from '../context';
import type { EndpointClip } from './listener';

/** A serialized origin as browsers report it: scheme://host[:port], or "null" for an opaque one. */
const ORIGIN = /^(?:null|[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+)$/i;

/** The refusal of a body that is no JSON object. */
export const NOT_AN_OBJECT = 'The body must be a JSON object.';
/** The refusal of a body without a page. */
export const NO_PAGE = 'The page to clip is missing.';

/** The clip a parsed body describes, or why it is refused (the page shows the sentence). */
export function endpointClipOf(value: unknown): EndpointClip | { refused: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { refused: NOT_AN_OBJECT };
  const body = value as Record<string, unknown>;
  if (typeof body.html !== 'string' || body.html.trim() === '') return { refused: NO_PAGE };
  return {
    html: body.html,
    url: typeof body.url === 'string' ? body.url : '',
    title: typeof body.title === 'string' ? body.title : '',
    origin: typeof body.origin === 'string' && ORIGIN.test(body.origin) ? body.origin : null,
    onDuplicate: body.onDuplicate === 'update' || body.onDuplicate === 'keep-both' ? body.onDuplicate : 'ask',
  };
}

/** {@link endpointClipOf} of a UTF-8 JSON body; a refusal is thrown as an ApiError marking the body. */
export function endpointClipOfBody(body: Uint8Array): EndpointClip {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    value = null;
  }
  const clip = endpointClipOf(value);
  if ('refused' in clip) throw new ApiError('INVALID_ARGUMENT', clip.refused, { body: true });
  return clip;
}

/**
 * The paste a clip from the endpoint is stored as, and where it came from. The page says where it is
 * from; the browser says who sent it: only a URL on the sender's own origin is taken as the page's
 * address, any other is stored as what it is, a claim.
 */
export function endpointPaste(clip: EndpointClip): { input: ClipPasteInput; provenance: ClipProvenance } {
  const url = isHttpUrl(clip.url) ? clip.url : undefined;
  return {
    input: {
      html: clip.html,
      onDuplicate: clip.onDuplicate,
      // The user is online and clipping from the web: keep the page's images, stored locally.
      fetchImages: true,
      ...(url === undefined ? {} : { url }),
    },
    provenance: {
      sentFrom: clip.origin,
      urlClaimed: url !== undefined && (clip.origin === null || new URL(url).origin !== clip.origin),
    },
  };
}
