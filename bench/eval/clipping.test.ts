/**
 * The clipper on real pages from the evaluation data (EVAL.md), read at test time from ../shared/data
 * or $DOSSIER_EVAL_DATA; skipped with a message where the data is absent (a fresh clone has none),
 * and failed under CI=true, where a run that lost its data must not say green.
 * Full numbers next to Readability.js + jsdom come from `npm run eval`; this keeps to what runs in
 * seconds: Dossier on every page, and the jsdom baseline on a slice of the news pages.
 */
import { describe, expect, it } from 'vitest';
import { evalDataDir, requireEvalData } from '../../electron/core/testing/eval-data';
import { loadCleanPortalPages, loadReadabilityPages, type GoldMetadata } from './clipping-data';
import {
  calendarDay,
  dossierExtractor,
  metadataMatches,
  readabilityJsdomExtractor,
  scoreBodies,
} from './clipping';

// Fails under CI when the data is missing; skips with a message on a developer's machine.
const present = requireEvalData('extraction', 'the real-page clipping tests') !== null;
const dataDir = evalDataDir();

describe.skipIf(!present)('clipping real pages', () => {
  it('readability-test-pages: body F1 and metadata stay at Readability\u2019s level', () => {
    const pages = loadReadabilityPages(dataDir);
    expect(pages.length).toBeGreaterThan(100);
    const { score, out } = scoreBodies(dossierExtractor(), pages);
    // Measured 0.9946 (Readability + jsdom: 0.9955). The gold is Readability's own output, which keeps
    // page furniture; Dossier takes it out (furniture.ts, issue 20), costing two pages of this set a
    // newsletter promo and a share button that their gold holds.
    expect(score.f1).toBeGreaterThan(0.994);
    const gold = pages.map((page) => page.goldMetadata as GoldMetadata);
    const matches = metadataMatches(out, gold);
    expect(matches.title / matches.pages).toBeGreaterThan(0.9);
    // The same headline once a site-name suffix is set aside (the gold keeps it, Dossier drops it).
    expect(matches.headline / matches.pages).toBeGreaterThan(0.95);
    expect(matches.byline / matches.pages).toBeGreaterThan(0.95);
    // Where the gold states a date, Dossier must find the same day.
    const dated = gold.flatMap((g, i) =>
      g.publishedTime ? [[g.publishedTime, out[i]!.published] as const] : [],
    );
    expect(dated.filter(([want, got]) => calendarDay(want) === calendarDay(got)).length).toBe(dated.length);
  }, 180_000);

  it('cleanportaleval: body F1 at least Readability + jsdom on the same pages', () => {
    const pages = loadCleanPortalPages(dataDir);
    expect(pages.length).toBeGreaterThan(50);
    const dossier = scoreBodies(dossierExtractor(), pages).score;
    expect(dossier.f1).toBeGreaterThan(0.91);
    // jsdom is slow: the same-process comparison uses every fourth page here, all pages in `npm run eval`.
    const slice = pages.filter((_, i) => i % 4 === 0);
    const sliceDossier = scoreBodies(dossierExtractor(), slice).score;
    const sliceBaseline = scoreBodies(readabilityJsdomExtractor, slice).score;
    expect(sliceDossier.f1).toBeGreaterThanOrEqual(sliceBaseline.f1);
  }, 180_000);
});
