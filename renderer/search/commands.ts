/** The command palette's commands: what they are called and what they do, filtered by what is typed. */
import type { Route } from '../shell/navigation';

/** Exports and imports the palette starts (renderer/interop). */
export type InteropTask =
  | { interop: 'export'; kind: 'json' | 'obsidian' }
  | { interop: 'citations'; format: 'csl-json' | 'bibtex' | 'ris' }
  | { interop: 'import' };

/** One palette command. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** Extra words it is found by. */
  keywords: string;
  /**
   * A route to go to, 'new-note' (needs the API first), 'copy-link' (the screen's address, to paste in a
   * note), or an export or import.
   */
  action: Route | 'new-note' | 'copy-link' | InteropTask;
}

/** Every command, in the order the palette lists them. */
export const PALETTE_COMMANDS: readonly PaletteCommand[] = [
  { id: 'new-note', label: 'New note', keywords: 'create write add', action: 'new-note' },
  { id: 'go-notes', label: 'Go to Notes', keywords: 'open', action: { screen: 'notes' } },
  {
    id: 'go-library',
    label: 'Go to Library',
    keywords: 'sources articles clips',
    action: { screen: 'library' },
  },
  { id: 'go-people', label: 'Go to People', keywords: 'persons entities', action: { screen: 'people' } },
  { id: 'go-events', label: 'Go to Events', keywords: 'entities', action: { screen: 'events' } },
  { id: 'go-timeline', label: 'Go to Timeline', keywords: 'dates events', action: { screen: 'timeline' } },
  { id: 'go-search', label: 'Go to Search', keywords: 'find', action: { screen: 'search' } },
  {
    id: 'go-settings',
    label: 'Go to Settings',
    keywords: 'preferences options backup',
    action: { screen: 'settings' },
  },
  { id: 'go-trash', label: 'Go to Trash', keywords: 'deleted', action: { screen: 'trash' } },
  {
    id: 'copy-link',
    label: 'Copy link to this screen',
    keywords: 'url address share deep link reference',
    action: 'copy-link',
  },
  {
    id: 'export-json',
    label: 'Export notebook as JSON',
    keywords: 'backup save download jsonl',
    action: { interop: 'export', kind: 'json' },
  },
  {
    id: 'export-obsidian',
    label: 'Export Obsidian vault',
    keywords: 'markdown md save download',
    action: { interop: 'export', kind: 'obsidian' },
  },
  {
    id: 'export-bibtex',
    label: 'Export citations as BibTeX',
    keywords: 'zotero bib references sources',
    action: { interop: 'citations', format: 'bibtex' },
  },
  {
    id: 'export-ris',
    label: 'Export citations as RIS',
    keywords: 'zotero endnote references sources',
    action: { interop: 'citations', format: 'ris' },
  },
  {
    id: 'export-csl-json',
    label: 'Export citations as CSL-JSON',
    keywords: 'zotero pandoc references sources',
    action: { interop: 'citations', format: 'csl-json' },
  },
  {
    id: 'import-json',
    label: 'Import a JSON export…',
    keywords: 'merge load restore open',
    action: { interop: 'import' },
  },
];

/** Commands whose label or keywords contain every word of `query` (all commands for an empty query). */
export function matchCommands(
  query: string,
  commands: readonly PaletteCommand[] = PALETTE_COMMANDS,
): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const haystack = `${command.label} ${command.keywords}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
