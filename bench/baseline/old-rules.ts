/**
 * The hand-written rule cascade issue 14 replaced, as a baseline for `npm run eval` and `npm run bench`:
 * the extractor of commit RULES_COMMIT (main before the trained tagger) is written out of git into
 * .tmp/old-rules/<commit>/ (ignored by git, inside the repository so `compromise` resolves) and imported
 * from there. Nothing of it ships; it only runs beside the new extraction in the same process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Extraction, ExtractOptions } from '../../electron/core/extract';

/** main at the start of issue 14: the rules (people-context, org-cues, name-words), no trained model. */
export const RULES_COMMIT = '9f9091f';

/** The rule extractor's entry point: text and publication date in, people/places/organisations out. */
export type RulesExtract = (text: string, options: Pick<ExtractOptions, 'published'>) => Extraction;

const repo = resolve(import.meta.dirname, '..', '..');

/** Writes the old extractor out of git once and imports it; throws if git or the commit is missing. */
export async function loadOldRules(): Promise<RulesExtract> {
  const dir = join(repo, '.tmp', 'old-rules', RULES_COMMIT);
  const entry = join(dir, 'electron', 'core', 'extract', 'index.ts');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync(
      'git',
      // Without its tests, which would need the old testing helpers and are not run from here.
      [
        'archive',
        RULES_COMMIT,
        'electron/core/extract',
        'electron/core/lazy-module.ts',
        ':(exclude,glob)**/*.test.ts',
      ],
      { cwd: repo, maxBuffer: 64 * 1024 * 1024 },
    );
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  }
  const module = (await import(pathToFileURL(entry).href)) as { extractArticle: RulesExtract };
  return module.extractArticle;
}
