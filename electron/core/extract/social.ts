/**
 * Embedded social posts as clipping leaves them: the post's words, then a byline paragraph
 * "— Name / Native Name (@handle) March 13, 2025", sometimes more of the post after it.
 */
import type { TextLayout } from './text';
import type { QuoteMention, Span } from './types';

/** One "— Name (@handle) date" line. */
export interface SocialByline {
  paragraph: number;
  name: Span;
  /** The name in a second script, when the line gives one ("Name / Імʼя"). */
  nativeName: Span | null;
  /** The @handle, @ included. */
  handle: Span;
}

const BYLINE = /^[—–-]\s*([^/()@\n]+?)\s*(?:\/\s*([^()@\n]+?)\s*)?\((@\w+)\)/u;

/** Finds the byline paragraphs of embedded posts. */
export function findSocialBylines(text: string, layout: TextLayout): SocialByline[] {
  const bylines: SocialByline[] = [];
  layout.paragraphs.forEach(([start, end], paragraph) => {
    const line = text.slice(start, end);
    const m = BYLINE.exec(line);
    if (m === null || m[1] === undefined || m[3] === undefined) return;
    const nameStart = start + line.indexOf(m[1]);
    const handleStart = start + line.indexOf(m[3]);
    let nativeName: Span | null = null;
    if (m[2] !== undefined) {
      const nativeStart = start + line.indexOf(m[2], nameStart - start + m[1].length);
      nativeName = [nativeStart, nativeStart + m[2].length];
    }
    bylines.push({
      paragraph,
      name: [nameStart, nameStart + m[1].length],
      nativeName,
      handle: [handleStart, handleStart + m[3].length],
    });
  });
  return bylines;
}

/**
 * The words of each embedded post: the paragraph above its byline, and a paragraph below it that ends
 * in a truncation mark or a picture link (clipping sometimes puts the rest of the post there).
 * @param speakerOf the canonical name of the person a byline names
 */
export function socialQuotes(
  text: string,
  layout: TextLayout,
  bylines: readonly SocialByline[],
  speakerOf: (byline: SocialByline) => string,
): QuoteMention[] {
  const quotes: QuoteMention[] = [];
  const isByline = new Set(bylines.map((b) => b.paragraph));
  const push = (span: Span, byline: SocialByline): void => {
    quotes.push({
      span,
      text: text.slice(span[0], span[1]),
      speaker: speakerOf(byline),
      speakerSpan: byline.name,
      cue: '—',
      confidence: 0.9,
      rule: 'social-byline',
      evidence: ['the byline of an embedded post (— Name (@handle))'],
      kind: 'social',
    });
  };
  for (const byline of bylines) {
    const above = layout.paragraphs[byline.paragraph - 1];
    if (above !== undefined && !isByline.has(byline.paragraph - 1) && !/["“”]/.test(text.slice(...above))) {
      push(above, byline);
    }
    const below = layout.paragraphs[byline.paragraph + 1];
    if (below === undefined || isByline.has(byline.paragraph + 1)) continue;
    const body = text.slice(below[0], below[1]);
    const tail = /\s*(?:…|\.\.\.)?\s*(?:pic\.twitter\.com\/\S+|https?:\/\/\S+)\s*$|\s*(?:…|\.\.\.)\s*$/u.exec(
      body,
    );
    if (tail !== null && tail.index > 0) push([below[0], below[0] + tail.index], byline);
  }
  return quotes;
}
