/**
 * bench/results/eval.md from one `npm run eval` run. A full run writes the whole file; a run of some
 * parts (`npm run eval -- speakers`) replaces only the sections it produced, keeps every other section
 * of the file as it was, and says in the header which sections were re-run when, so one part's run
 * no longer erases the others' figures.
 */

/** One rendered section: its title (the text after `## `) and its Markdown, title line included. */
export interface RenderedSection {
  title: string;
  text: string;
}

/** The file's header and its sections, split at each `## ` title line. */
function split(file: string): { header: string; sections: RenderedSection[] } {
  const parts = `\n${file}`.split(/\n(?=## )/);
  const header = (parts.shift() ?? '').replace(/^\n/, '');
  const sections = parts.map((text) => ({
    title: text.slice(3, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).trim(),
    text: text.replace(/\s+$/, ''),
  }));
  return { header, sections };
}

/**
 * The new eval.md. `run` describes this run (when, where, the command); `partial` says whether it ran
 * only some parts, in which case `previous` (the file as it is) keeps its other sections.
 */
export function evalReport(
  previous: string | null,
  run: string,
  sections: readonly RenderedSection[],
  partial: boolean,
): string {
  if (!partial || previous === null || !previous.startsWith('# Dossier evaluation')) {
    return `# Dossier evaluation\n\n${run}\n\n${sections.map((s) => s.text).join('\n\n')}\n`;
  }
  const old = split(previous);
  const fresh = new Map(sections.map((s) => [s.title, s]));
  const kept = old.sections.map((s) => fresh.get(s.title) ?? s);
  const added = sections.filter((s) => !old.sections.some((o) => o.title === s.title));
  const note = `Re-run since: ${run.replace(/\n/g, ' ')} Sections: ${sections.map((s) => `"${s.title}"`).join(', ')}.`;
  // A note about the same sections from an earlier partial run is replaced, not kept beside this one.
  const sectionList = note.slice(note.indexOf(' Sections: '));
  const earlier = old.header
    .split('\n\n')
    .filter(
      (paragraph) => !(paragraph.startsWith('Re-run since: ') && paragraph.trimEnd().endsWith(sectionList)),
    );
  const header = `${earlier.join('\n\n').replace(/\s+$/, '')}\n\n${note}`;
  return `${header}\n\n${[...kept, ...added].map((s) => s.text).join('\n\n')}\n`;
}
