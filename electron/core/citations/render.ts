/**
 * Formatted citations through citeproc-js with the CSL styles Dossier ships (resources/csl, licences
 * in resources/csl/LICENSE.md). Building a citeproc engine parses a style and the locale (the larger
 * styles take a moment), so one engine per style is kept for the life of the notebook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type CitationProcessor from 'citeproc';
import { lazyModule } from '../lazy-module';

// citeproc-js loads on the first formatted citation, not when the core starts (about 0.1-0.2 s).
const citeproc = lazyModule<typeof CitationProcessor>('citeproc');
import type { CitationStyle } from '../../../shared/areas/interop';
import type { CslItem } from './items';

const STYLE_FILES: Record<CitationStyle, string> = {
  apa: 'apa.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  'modern-language-association': 'modern-language-association.csl',
};

const LOCALE_FILE = 'locales-en-US.xml';

/**
 * The folder of the shipped CSL files: $DOSSIER_CSL_DIR, else the first `resources/csl` found walking
 * up from this module (the source tree in tests and tsx, `out/main` in the built app and CLI).
 */
export function cslDir(): string {
  const fromEnv = process.env.DOSSIER_CSL_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 8; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'csl');
    if (existsSync(candidate)) return candidate;
  }
  return join(here, 'resources', 'csl');
}

function readCsl(file: string): string {
  try {
    return readFileSync(join(cslDir(), file), 'utf8');
  } catch {
    throw new Error(`The citation style file ${file} is missing from ${cslDir()}. Reinstall Dossier.`);
  }
}

interface StyleEngine {
  engine: InstanceType<typeof CitationProcessor.Engine>;
  items: Map<string, CslItem>;
}

const engines = new Map<CitationStyle, StyleEngine>();

function engineFor(style: CitationStyle): StyleEngine {
  let found = engines.get(style);
  if (found === undefined) {
    const items = new Map<string, CslItem>();
    const locale = readCsl(LOCALE_FILE);
    const engine = new (citeproc().Engine)(
      { retrieveLocale: () => locale, retrieveItem: (id: string) => items.get(id) },
      readCsl(STYLE_FILES[style]),
      'en-US',
    );
    found = { engine, items };
    engines.set(style, found);
  }
  return found;
}

/** One item's bibliography entry and in-text citation in `style`, as plain text and as HTML. */
export interface RenderedCitation {
  entry: { text: string; html: string };
  inText: { text: string; html: string };
}

const clean = (entry: string | undefined): string =>
  (entry ?? '').replace(/^\s*<div class="csl-entry">|<\/div>\s*$/g, '').trim();

/** Renders `item` in `style`; `prefix` opens the in-text citation ("as cited in "). */
export function renderCitation(item: CslItem, style: CitationStyle, prefix = ''): RenderedCitation {
  const { engine, items } = engineFor(style);
  items.clear();
  items.set(item.id, item);
  const render = (format: 'text' | 'html') => {
    engine.setOutputFormat(format);
    engine.updateItems([item.id]);
    const bibliography = engine.makeBibliography();
    const entry = bibliography === false ? '' : clean(bibliography[1][0]);
    const inText = engine.previewCitationCluster(
      { citationItems: [{ id: item.id, ...(prefix ? { prefix } : {}) }], properties: { noteIndex: 0 } },
      [],
      [],
      format,
    );
    return { entry, inText };
  };
  const text = render('text');
  const html = render('html');
  return { entry: { text: text.entry, html: html.entry }, inText: { text: text.inText, html: html.inText } };
}
