/**
 * The stylesheet of the reader's sandboxed frame, and its hash. The frame is an `srcdoc` document, so
 * it inherits the app's Content-Security-Policy (which allows no inline style) and also sets its own;
 * both name this exact text by its SHA-256, so this one <style> element applies and no other inline
 * style can. Changing the text means changing the hash: electron/host-shared/renderer-files.test.ts says the
 * new value.
 */

/** The CSS of the reader frame, exactly as it is placed in its <style> element. */
export const READER_FRAME_STYLE = `
:root { color-scheme: light dark; }
figure:not(:has(img, picture, video, svg))::before { content: "Image not kept: it could not be stored with the article"; display: block; padding: 1.5rem 1rem; margin-bottom: 0.4rem; border: 1px dashed currentColor; border-radius: 6px; font: 0.85rem system-ui, sans-serif; text-align: center; opacity: 0.75; }
html { font: 18px/1.65 Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif; }
body { margin: 0; padding: 1.5rem 2rem 4rem; color: #1d1d1f; background: #fbfaf7; }
article { max-width: 40rem; margin: 0 auto; overflow-wrap: break-word; }
img { max-width: 100%; height: auto; }
a { color: #2f5bb7; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc; color: #444; }
pre { white-space: pre-wrap; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ddd; padding: .2em .4em; }
mark.hl { background: none; color: inherit; border-radius: 2px; }
mark.hl-person { background: rgba(47, 91, 183, .14); box-shadow: inset 0 -2px rgba(47, 91, 183, .55); }
mark.hl-place { box-shadow: inset 0 -2px rgba(46, 125, 50, .6); }
mark.hl-org { box-shadow: inset 0 -2px rgba(142, 68, 173, .55); }
mark.hl-event { box-shadow: inset 0 -2px rgba(230, 126, 34, .7); }
mark.hl-quote { background: rgba(231, 195, 90, .28); }
mark.hl-speaker { box-shadow: inset 0 -2px rgba(179, 38, 30, .6); }
mark.hl-muted { opacity: .55; background: none; box-shadow: none; text-decoration: line-through dotted; }
mark.hl-focus { background: rgba(255, 200, 0, .65); outline: 2px solid rgba(230, 160, 0, .9); }
mark.hl[data-hl] { cursor: pointer; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e6e3; background: #1c1c1e; }
  a { color: #7ea2ff; }
  blockquote { color: #bbb; border-color: #555; }
  mark.hl-quote { background: rgba(231, 195, 90, .2); }
  mark.hl-focus { background: rgba(255, 200, 0, .45); }
}
`;

/** The CSP source for {@link READER_FRAME_STYLE}: `'sha256-<base64 of its UTF-8 bytes' digest>'`. */
export const READER_FRAME_STYLE_HASH = "'sha256-vPBb6WJBgxwLiYzDhews4FftB35nKCmNGPyoxXpifew='";
