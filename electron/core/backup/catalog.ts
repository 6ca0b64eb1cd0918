/**
 * The backups folder as a list: which backups exist, what their last check found, and pruning to the
 * newest N (never the newest one, nor the one holding the most data). Check results live in a small JSON file beside the backups (`checks.json`), not in the
 * notebook, because they describe files outside it and must survive restoring an older notebook.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/areas/backup';
import type { BackupCheck } from './backup-file';
import { removeDatabaseFiles } from './backup-file';
import { parseBackupFileName } from './names';

const CHECKS_FILE = 'checks.json';

interface StoredCheck {
  ok: boolean;
  checkedAt: string;
  schemaVersion: number | null;
  /** See BackupCheck.dataBytes; absent in checks recorded before it was. */
  dataBytes?: number | null;
}

/** The backups in one folder. */
export class BackupCatalog {
  constructor(readonly folder: string) {}

  /** Every backup in the folder, newest first. Files with other names are ignored. */
  list(): BackupInfo[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return []; // No folder yet: no backups.
    }
    const checks = this.readChecks();
    const backups: BackupInfo[] = [];
    for (const name of names) {
      const parsed = parseBackupFileName(name);
      if (parsed === null) continue;
      let sizeBytes: number;
      try {
        sizeBytes = fs.statSync(path.join(this.folder, name)).size;
      } catch {
        continue; // Deleted while listing.
      }
      const check = checks[name];
      backups.push({
        name,
        kind: parsed.kind,
        createdAt: parsed.createdAt.toISOString(),
        sizeBytes,
        integrity: check === undefined ? 'unchecked' : check.ok ? 'ok' : 'damaged',
        checkedAt: check?.checkedAt ?? null,
        schemaVersion: check?.schemaVersion ?? null,
      });
    }
    return backups.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  }

  /** One backup, or undefined when there is no such file. */
  find(name: string): BackupInfo | undefined {
    return this.list().find((backup) => backup.name === name);
  }

  /** The absolute path of backup `name`. */
  pathOf(name: string): string {
    return path.join(this.folder, path.basename(name));
  }

  /** Records what checking backup `name` found. */
  recordCheck(name: string, check: BackupCheck, at: Date = new Date()): void {
    const checks = this.readChecks();
    checks[name] = {
      ok: check.ok,
      checkedAt: at.toISOString(),
      schemaVersion: check.schemaVersion,
      dataBytes: check.dataBytes,
    };
    this.writeChecks(checks);
  }

  /**
   * Deletes what interrupted backups and restores left behind (`.partial` files, restore staging
   * copies) that are older than `olderThan`; younger ones may belong to another process at work.
   */
  removeLeftovers(olderThan: Date): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.includes('.partial') && !name.startsWith('.restore-staging')) continue;
      const file = path.join(this.folder, name);
      try {
        if (fs.statSync(file).mtime < olderThan) fs.rmSync(file, { force: true });
      } catch {
        // Gone already.
      }
    }
  }

  /**
   * Deletes all but the newest `keep` backups; returns the names deleted. Two are never deleted: the
   * newest, and the one holding the most data (of those that did not fail their check; the newer one
   * when two hold as much), so that a run of backups of an emptied notebook can never push the last
   * full one out.
   */
  prune(keep: number): string[] {
    const backups = this.list();
    const fullest = this.fullest(backups);
    const doomed = backups.slice(Math.max(keep, 1)).filter((backup) => backup.name !== fullest);
    for (const backup of doomed) removeDatabaseFiles(this.pathOf(backup.name));
    if (doomed.length > 0) {
      const checks = this.readChecks();
      for (const backup of doomed) delete checks[backup.name];
      this.writeChecks(checks);
    }
    return doomed.map((backup) => backup.name);
  }

  /**
   * The name of the backup holding the most data: its pages in use as its check measured them (a
   * notebook's deleted rows leave free pages, which a copy keeps), else its file size.
   */
  private fullest(backups: readonly BackupInfo[]): string | undefined {
    const checks = this.readChecks();
    let best: { name: string; bytes: number } | undefined;
    for (const backup of backups) {
      if (backup.integrity === 'damaged') continue;
      const bytes = checks[backup.name]?.dataBytes ?? backup.sizeBytes;
      // The list is newest first: an older one must hold strictly more to take the place.
      if (best === undefined || bytes > best.bytes) best = { name: backup.name, bytes };
    }
    return best?.name;
  }

  private readChecks(): Record<string, StoredCheck> {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(path.join(this.folder, CHECKS_FILE), 'utf8'));
      return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, StoredCheck>) : {};
    } catch {
      return {}; // Missing or unreadable: every backup shows as unchecked, which is the truth.
    }
  }

  private writeChecks(checks: Record<string, StoredCheck>): void {
    // Write-then-rename so a crash never leaves a half-written file that would hide every check.
    const file = path.join(this.folder, CHECKS_FILE);
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(checks, null, 1)}\n`);
    fs.renameSync(temp, file);
  }
}
