import { describe, expect, it } from 'vitest';
import { evalReport } from './report';

const section = (title: string, body: string): { title: string; text: string } => ({
  title,
  text: `## ${title}\n\n${body}`,
});

describe('evalReport', () => {
  const full = evalReport(
    null,
    'Run A. Command: `npm run eval`.',
    [section('Clipping', 'clip table'), section('Speakers', 'old speakers'), section('Dates', 'dates')],
    false,
  );

  it('writes every section of a full run under one header', () => {
    expect(full).toBe(
      '# Dossier evaluation\n\nRun A. Command: `npm run eval`.\n\n## Clipping\n\nclip table\n\n' +
        '## Speakers\n\nold speakers\n\n## Dates\n\ndates\n',
    );
  });

  it('replaces only the sections a partial run produced, in place, and says so in the header', () => {
    const next = evalReport(
      full,
      'Run B. Command: `npm run eval -- speakers`.',
      [section('Speakers', 'new speakers'), section('Calibration', 'buckets')],
      true,
    );
    expect(next).toContain('## Clipping\n\nclip table');
    expect(next).toContain('## Dates\n\ndates');
    expect(next).not.toContain('old speakers');
    expect(next.indexOf('new speakers')).toBeLessThan(next.indexOf('## Dates'));
    expect(next.indexOf('## Calibration')).toBeGreaterThan(next.indexOf('## Dates'));
    expect(
      next.startsWith('# Dossier evaluation\n\nRun A. Command: `npm run eval`.\n\nRe-run since: Run B.'),
    ).toBe(true);
    expect(next).toContain('Sections: "Speakers", "Calibration".');
  });

  it('a second partial run of the same sections replaces the first one’s note', () => {
    const once = evalReport(full, 'Run B.', [section('Speakers', 'b')], true);
    const twice = evalReport(once, 'Run C.', [section('Speakers', 'c')], true);
    expect(twice).not.toContain('Run B.');
    expect(twice.match(/Re-run since: /g)).toHaveLength(1);
    expect(twice).toContain('Re-run since: Run C. Sections: "Speakers".');
    const other = evalReport(twice, 'Run D.', [section('Dates', 'd')], true);
    expect(other.match(/Re-run since: /g)).toHaveLength(2);
  });

  it('a full run starts the file afresh', () => {
    const again = evalReport(full, 'Run C.', [section('Clipping', 'new clip')], false);
    expect(again).toBe('# Dossier evaluation\n\nRun C.\n\n## Clipping\n\nnew clip\n');
  });
});
