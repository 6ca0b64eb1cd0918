import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** One axe-core finding, short enough to read in a failed assertion. */
export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** The reader's article frame: sandboxed without scripts, so axe cannot run inside it (see below). */
const READER_FRAME = '[data-testid="reader-frame"]';

async function run(page: Page, impacts: readonly string[], exclude: string | null): Promise<Finding[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  if (exclude !== null) builder.exclude(exclude);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => impacts.includes(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 6),
    }));
}

/**
 * axe-core (WCAG 2.1 A and AA rules and axe's best practices) over the page as it is now; returns
 * every finding of the given impacts. The reader's article frame allows no script, so axe cannot be
 * injected into it: its document (the frame's srcdoc, exactly what the frame shows) is checked in a
 * page of its own, with the frame's language and title, and its findings are reported as the frame's.
 */
export async function axeFindings(
  page: Page,
  impacts: readonly string[] = ['serious', 'critical'],
): Promise<Finding[]> {
  const frame = page.locator(READER_FRAME);
  if ((await frame.count()) === 0) return run(page, impacts, null);
  const findings = await run(page, impacts, READER_FRAME);
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  const article = await page.context().newPage();
  try {
    await article.setContent(srcdoc);
    const inFrame = await run(article, impacts, null);
    // A document in a frame needs no landmarks or h1 of its own: the page around it has them.
    const pageLevel = new Set(['region', 'landmark-one-main', 'page-has-heading-one']);
    for (const finding of inFrame) {
      if (pageLevel.has(finding.rule)) continue;
      findings.push({ ...finding, targets: finding.targets.map((target) => `${READER_FRAME} ${target}`) });
    }
  } finally {
    await article.close();
  }
  return findings;
}
