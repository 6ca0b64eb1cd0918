/**
 * Caps how deeply a page's elements nest before it reaches the DOM. Readability's cost grows roughly
 * with the cube of the nesting depth (bench/results/history.md) and linkedom's
 * parse is quadratic in it, so a hostile or broken page with 100,000 nested elements would hang the
 * clipper. Real articles nest a few dozen levels (see MAX_NESTING); tags deeper than {@link MAX_NESTING} are dropped
 * while their text is kept, so nothing readable is lost.
 */

/**
 * Deepest element nesting passed on to the parser. No page of 601 evaluation pages (three sets) nests
 * deeper than 64 by this count; at 128 Readability still takes well under a second.
 */
export const MAX_NESTING = 128;

/** Elements that never have content, so they never open a level. */
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
/**
 * Elements whose end tag is optional: pages leave them open by the thousand, which would look deep to
 * this scanner although the parser closes them implicitly. They are left alone and not counted.
 */
const OPTIONAL_END = new Set(
  'p li dt dd option optgroup tr td th tbody thead tfoot colgroup rp rt'.split(' '),
);
/** Elements whose content is raw text: a "<div>" inside a script is not a tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * Returns `html` with tags nested deeper than `maxDepth` removed (their text stays). Returns the input
 * unchanged, without copying, when it is shallow enough; one regex pass, no recursion.
 */
export function limitNesting(html: string, maxDepth: number = MAX_NESTING): string {
  const open: string[] = [];
  const cuts: [number, number][] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (name === undefined || VOID.has(name) || OPTIONAL_END.has(name)) continue;
    const closing = match[1] === '/';
    const selfClosing = !closing && /\/\s*$/.test(match[3] ?? '');
    if (!closing && RAW_TEXT.has(name)) {
      // Skip to the matching end tag: its content is not markup.
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = endTag.exec(html)?.index ?? html.length;
      continue;
    }
    if (selfClosing) continue;
    if (!closing) {
      open.push(name);
      if (open.length > maxDepth) cuts.push([match.index, TOKEN.lastIndex]);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at === -1) continue; // a stray end tag: the parser ignores it too
    if (at >= maxDepth) cuts.push([match.index, TOKEN.lastIndex]);
    open.length = at;
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    // One space keeps words apart where a tag went; a run of adjacent cut tags needs only one.
    parts.push(html.slice(from, start));
    if (start !== from || parts.length === 1) parts.push(' ');
    from = end;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
