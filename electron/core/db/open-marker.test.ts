import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir';
import { openMarkerPath, releaseOpenMarker, uncleanStopMarked, writeOpenMarker } from './open-marker';

describe('open marker', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir('dossier-marker-');
    file = path.join(temp.dir, 'dossier.sqlite');
  });
  afterEach(() => temp.remove());

  const booted = (offsetMs: number): string =>
    new Date(Date.now() - os.uptime() * 1000 + offsetMs).toISOString();
  const mark = (holder: object): void =>
    fs.writeFileSync(openMarkerPath(file), `${JSON.stringify(holder)}\n`);

  it('names this process and this boot, and is gone after a clean release', () => {
    expect(writeOpenMarker(file, 'test')).toBe(true);
    const holder = JSON.parse(fs.readFileSync(openMarkerPath(file), 'utf8')) as Record<string, unknown>;
    expect(holder).toMatchObject({ pid: process.pid, host: 'test' });
    expect(Math.abs(Date.parse(String(holder.bootedAt)) - Date.parse(booted(0)))).toBeLessThan(5000);
    expect(uncleanStopMarked(file)).toBe(false);
    releaseOpenMarker(file);
    expect(fs.existsSync(openMarkerPath(file))).toBe(false);
  });

  it('counts a running pid as a holder only in the boot that wrote it (a pid reused after a restart is not)', () => {
    // The parent of this test process is running; as a holder from this boot it is a live app.
    mark({ pid: process.ppid, host: 'electron', openedAt: '2026-01-01T00:00:00.000Z', bootedAt: booted(0) });
    expect(uncleanStopMarked(file)).toBe(false);
    // The same pid written before the computer last started: that process died with the power cut.
    mark({
      pid: process.ppid,
      host: 'electron',
      openedAt: '2026-01-01T00:00:00.000Z',
      bootedAt: booted(-86_400_000),
    });
    expect(uncleanStopMarked(file)).toBe(true);
    // Opening drops the dead holder instead of keeping it beside this process.
    writeOpenMarker(file, 'test');
    const pids = fs
      .readFileSync(openMarkerPath(file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { pid: number }).pid);
    expect(pids).toEqual([process.pid]);
  });

  it('reads markers written before boot times were recorded by pid alone', () => {
    mark({ pid: process.ppid, host: 'electron', openedAt: '2026-01-01T00:00:00.000Z' });
    expect(uncleanStopMarked(file)).toBe(false);
    mark({ pid: 2147483646, host: 'electron', openedAt: '2026-01-01T00:00:00.000Z' });
    expect(uncleanStopMarked(file)).toBe(true);
  });
});
