import { describe, expect, it } from 'vitest';
import type { StartupState } from '../../shared/areas/startup';
import { describeStartupState, reportStartupState } from './startup-error';

const closed = { available: false, reason: 'n/a' };
const base: StartupState = {
  mode: 'normal',
  problem: null,
  readOnlyReason: null,
  dataDir: '/d',
  databasePath: '/d/dossier.sqlite',
  lastGoodBackup: null,
  restore: closed,
  openReadOnly: closed,
  openWithoutLostChanges: closed,
  startNew: closed,
  keptAside: [],
};

describe('describeStartupState', () => {
  it('says nothing for a notebook that opened normally, and names the problem or the read-only reason', () => {
    expect(describeStartupState(base)).toBeNull();
    expect(
      describeStartupState({ ...base, mode: 'read-only', readOnlyReason: 'the folder is read-only' }),
    ).toBe('The notebook is open read-only: the folder is read-only.');
    const problem = {
      kind: 'corrupt' as const,
      title: 'The notebook file is damaged',
      message: 'm',
      details: [],
    };
    const line = describeStartupState({ ...base, mode: 'problem', problem });
    expect(line).toContain('The notebook file is damaged');
    expect(line).toMatch(/restore the last good backup or open it read-only\. Nothing was changed\.$/);
  });

  it('offers the newest good backup, by name, for a notebook file that is missing or empty', () => {
    const problem = {
      kind: 'empty' as const,
      title: 'The notebook file is empty',
      message: 'm',
      details: [],
    };
    const lastGoodBackup = {
      name: 'dossier-20260101T000000000Z-auto.sqlite',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    expect(describeStartupState({ ...base, mode: 'problem', problem, lastGoodBackup })).toBe(
      'The notebook needs your attention: The notebook file is empty. Open the address above to restore ' +
        'the newest good backup (dossier-20260101T000000000Z-auto.sqlite) or ' +
        'start a new, empty notebook. Nothing was changed.',
    );
  });
});

describe('reportStartupState', () => {
  it('writes the line for a notebook that needs attention, nothing otherwise, and never throws', async () => {
    const lines: string[] = [];
    const write = (line: string): number => lines.push(line);
    const answering = (result: StartupState) => ({
      call: async () => ({ ok: true as const, result }),
    });
    await reportStartupState(answering(base), write);
    expect(lines).toEqual([]);
    await reportStartupState(answering({ ...base, mode: 'read-only', readOnlyReason: 'r' }), write);
    expect(lines).toEqual(['The notebook is open read-only: r.\n']);
    await reportStartupState(
      {
        call: async () => {
          throw new Error('the worker did not start');
        },
      },
      write,
    );
    expect(lines).toHaveLength(1);
  });
});
