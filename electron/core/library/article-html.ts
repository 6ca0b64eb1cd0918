/**
 * Serving a stored article: its `dossier-image:<id>` references become `data:` URLs of the stored
 * bytes, so the reader shows the images without any request. A reference to an image that is not
 * stored (which a stored article should never hold) is removed rather than left broken.
 */
import type { StoredImage } from './images-repo';

const IMAGE_REF = /<img\b[^>]*\ssrc="dossier-image:([A-Za-z0-9_-]{1,64})"[^>]*>/g;

/** `html` with each stored-image reference replaced by the image's bytes as a data: URL. */
export function inlineImages(html: string, images: readonly StoredImage[]): string {
  if (images.length === 0 && !html.includes('dossier-image:')) return html;
  const urls = new Map(
    images.map((image) => [image.id, `data:${image.mime};base64,${image.data.toString('base64')}`]),
  );
  return html.replace(IMAGE_REF, (tag, id: string) => {
    const url = urls.get(id);
    return url === undefined ? '' : tag.replace(`src="dossier-image:${id}"`, `src="${url}"`);
  });
}
