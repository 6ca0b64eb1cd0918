/** citeproc-js (the `citeproc` package ships no types): the parts Dossier uses. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- exported through CSL.Engine below
  class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [unknown, string[]] | false;
    previewCitationCluster(
      citation: {
        citationItems: { id: string; locator?: string; label?: string; prefix?: string }[];
        properties: { noteIndex: number };
      },
      before: unknown[],
      after: unknown[],
      format: 'html' | 'text',
    ): string;
  }
  const CSL: { Engine: typeof Engine; PROCESSOR_VERSION: string };
  export default CSL;
}

/** @citation-js/core (no types shipped): the Cite class, used for BibTeX output. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string;
  }
}

/** @citation-js/name (no types shipped): splits a personal name into its CSL parts. */
declare module '@citation-js/name' {
  export function parse(name: string): {
    given?: string;
    family?: string;
    suffix?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
  };
}

/** Registers the BibTeX formats with @citation-js/core. */
declare module '@citation-js/plugin-bibtex';
