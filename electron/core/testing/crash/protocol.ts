/**
 * What the crash child writes, and how both sides derive it: every write's content follows from a few
 * numbers, so the parent can tell a whole write from a half-applied one after a SIGKILL.
 */

/** One acknowledged write, as printed by the child after its COMMIT returned. */
export type Ack =
  | { kind: 'note'; id: string; version: number }
  | { kind: 'batch'; seed: number; count: number }
  | { kind: 'clip'; id: string; marker: string }
  | { kind: 'backup'; name: string };

/** The line prefix of an acknowledgement. */
export const ACK_PREFIX = 'ACK ';
/** The line the child prints just before it opens (and, after a crash, recovers) the notebook. */
export const OPENING_LINE = 'OPENING';
/** The line the child prints once it has opened the notebook. */
export const READY_LINE = 'READY';
/** The line the child prints before it restores the newest good backup over an empty notebook file. */
export const RESTORING_LINE = 'RESTORING';
/** The line the child prints before it starts a large clip (one the core prepares in a worker of its own). */
export const LARGE_CLIP_LINE = 'LARGE-CLIP';

/** What a run's child does first (after opening): write as usual, or start with a large clip. */
export type ChildMode = 'writes' | 'large-clip';

/** The title a note has at `version`. */
export function noteTitle(id: string, version: number): string {
  return `crash ${id.slice(0, 8)} v${version}`;
}

/** The Lexical editor state a note has at `version` (large enough to span several pages sometimes). */
export function noteContent(id: string, version: number): string {
  const words = `version ${version} of ${id} `.repeat(1 + ((version * 7) % 40));
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [
            { type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: words },
          ],
        },
      ],
    },
  });
}

/**
 * The article HTML of a clip; `marker` is a word only it contains. `paragraphs` sets its size: 12 by
 * default, about 1,500 for a clip over the core's 1 MB isolation threshold.
 */
export function clipHtml(marker: string, paragraphs = 12): string {
  const paragraph = `<p>The council met on Tuesday. "We will decide soon," said Mayor Ana Ruiz of ${marker}.</p>`;
  return `<!doctype html><html><head><title>Report ${marker}</title></head><body><article><h1>Report ${marker}</h1>${paragraph.repeat(paragraphs)}</article></body></html>`;
}

/** Paragraphs of {@link clipHtml} that make a clip of about 1.4 MB, above the 1 MB isolation threshold. */
export const LARGE_CLIP_PARAGRAPHS = 14_000;
