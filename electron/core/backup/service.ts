/**
 * The backup area of the core: rolling backups of the notebook into `<data folder>/backups`, on a
 * schedule (daily by default, in the app's hosts only) and on request, and restoring one.
 *
 * Everything that touches backup files runs one at a time (a queue), so an automatic backup, "Back up
 * now" and a restore never overlap. Backups are copied in steps (see backup-file.ts), so the notebook
 * keeps answering other calls while one is written.
 */
import path from 'node:path';
import {
  DEFAULT_BACKUP_SETTINGS,
  MAX_BACKUP_EVERY_HOURS,
  MAX_BACKUP_KEEP,
  type BackupApi,
  type BackupInfo,
  type BackupKind,
  type BackupList,
  type BackupSettings,
  type RestoreResult,
} from '../../../shared/areas/backup';
import { ApiError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { SettingsRepo } from '../db/settings-repo';
import { checkBackupFile, removeDatabaseFiles, writeBackupFile } from './backup-file';
import { BackupCatalog } from './catalog';
import { BACKUP_FOLDER, backupFileName } from './names';
import { prepareRestoreCopy, replaceContents } from './restore';

const SETTINGS_KEY = 'backup';
const HOUR_MS = 3_600_000;
/** setTimeout's longest delay; longer waits are done in several hops. */
const MAX_TIMER_MS = 2_147_483_647;

/** Knobs for tests; the Notebook uses the defaults. */
export interface BackupServiceOptions {
  /** Run automatic backups. Default: only in the app's hosts (Electron, browser host), never the CLI. */
  schedule?: boolean;
  /** How long after opening the first overdue automatic backup waits, so it never slows the start. */
  startupDelayMs?: number;
  now?: () => Date;
}

/** Implements {@link BackupApi} on one open notebook. */
export class BackupService implements BackupApi {
  private readonly settings: SettingsRepo;
  private readonly catalog: BackupCatalog;
  private readonly scheduled: boolean;
  private readonly startupDelayMs: number;
  private readonly now: () => Date;
  /** The backup or restore in progress (or the last one, settled); the next waits for it. */
  private queue: Promise<unknown> = Promise.resolve();
  private running = 0;
  private progress: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: Date | null = null;
  private lastError: string | null = null;
  private closed = false;

  constructor(
    private readonly ctx: CoreContext,
    options: BackupServiceOptions = {},
  ) {
    this.settings = new SettingsRepo(ctx.db);
    this.catalog = new BackupCatalog(path.join(ctx.dataDir, BACKUP_FOLDER));
    this.scheduled = options.schedule ?? (ctx.host === 'electron' || ctx.host === 'web');
    this.startupDelayMs = options.startupDelayMs ?? 2 * 60_000;
    this.now = options.now ?? (() => new Date());
    this.catalog.removeLeftovers(new Date(this.now().getTime() - HOUR_MS));
    if (this.scheduled) this.reschedule(true);
  }

  /** @inheritdoc */
  async listBackups(): Promise<BackupList> {
    return {
      folder: this.catalog.folder,
      backups: this.catalog.list(),
      settings: this.load(),
      running: this.running > 0,
      progress: this.progress,
      nextBackupAt: this.nextAt?.toISOString() ?? null,
      lastError: this.lastError,
    };
  }

  /** @inheritdoc */
  async backupNow(): Promise<BackupInfo> {
    const backup = await this.enqueue(() => this.writeBackup('manual'));
    // A manual backup counts: the next automatic one is due a full interval after it.
    if (this.scheduled && !this.closed) this.reschedule(false);
    return backup;
  }

  /** @inheritdoc */
  async getBackupSettings(): Promise<BackupSettings> {
    return this.load();
  }

  /** @inheritdoc */
  async setBackupSettings(input: Partial<BackupSettings>): Promise<BackupSettings> {
    const settings = { ...this.load(), ...input };
    this.settings.set(SETTINGS_KEY, settings);
    if (input.keep !== undefined) await this.enqueue(async () => this.catalog.prune(settings.keep));
    if (this.scheduled) this.reschedule(false);
    return settings;
  }

  /** @inheritdoc */
  async verifyBackup(name: string): Promise<BackupInfo> {
    return this.enqueue(async () => {
      this.require(name);
      this.catalog.recordCheck(name, checkBackupFile(this.catalog.pathOf(name)), this.now());
      return this.require(name);
    });
  }

  /** @inheritdoc */
  async restoreBackup(name: string): Promise<RestoreResult> {
    return this.enqueue(async () => {
      const chosen = this.require(name);
      const staging = path.join(this.catalog.folder, '.restore-staging.sqlite');
      try {
        // Checked and migrated on a copy before anything else happens: a bad backup changes nothing.
        let fromSchemaVersion: number;
        try {
          fromSchemaVersion = prepareRestoreCopy(this.catalog.pathOf(name), staging);
        } catch (error) {
          this.catalog.recordCheck(name, checkBackupFile(this.catalog.pathOf(name)), this.now());
          throw error;
        }
        const safetyBackup = await this.writeBackup('before-restore', false);
        replaceContents(this.ctx.db, staging);
        this.catalog.prune(this.load().keep);
        if (this.scheduled) this.reschedule(false);
        return { restored: this.catalog.find(name) ?? chosen, safetyBackup, fromSchemaVersion };
      } finally {
        removeDatabaseFiles(staging);
      }
    });
  }

  /** Stops the schedule and waits for a backup in progress, so the database can be closed. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.queue.catch(() => undefined);
  }

  private load(): BackupSettings {
    const stored = this.settings.get<Partial<BackupSettings>>(SETTINGS_KEY, {});
    const pick = (value: unknown, fallback: number, min: number, max: number): number =>
      typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
        ? value
        : fallback;
    return {
      everyHours: pick(stored.everyHours, DEFAULT_BACKUP_SETTINGS.everyHours, 0, MAX_BACKUP_EVERY_HOURS),
      keep: pick(stored.keep, DEFAULT_BACKUP_SETTINGS.keep, 1, MAX_BACKUP_KEEP),
    };
  }

  private require(name: string): BackupInfo {
    const found = this.catalog.find(name);
    if (found === undefined) {
      throw new ApiError('NOT_FOUND', `There is no backup named ${name} in ${this.catalog.folder}.`, {
        name,
      });
    }
    return found;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ApiError('UNAVAILABLE', 'The notebook is closing.'));
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Writes, checks and records one backup; prunes old ones unless told not to. */
  private async writeBackup(kind: BackupKind, prune = true): Promise<BackupInfo> {
    let when = this.now();
    // Two backups in the same millisecond (a test, a quick double click) must not share a name.
    while (this.catalog.find(backupFileName(kind, when)) !== undefined) when = new Date(when.getTime() + 1);
    const name = backupFileName(kind, when);
    this.running += 1;
    this.progress = 0;
    try {
      const check = await writeBackupFile(this.ctx.db, this.catalog.pathOf(name), (fraction) => {
        this.progress = fraction;
      });
      this.catalog.recordCheck(name, check, this.now());
      if (prune) this.catalog.prune(this.load().keep);
      return this.require(name);
    } finally {
      this.running -= 1;
      if (this.running === 0) this.progress = null;
    }
  }

  private async runAutomatic(): Promise<void> {
    try {
      await this.enqueue(() => this.writeBackup('auto'));
      this.lastError = null;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
    }
    if (!this.closed) this.reschedule(false);
  }

  /**
   * Sets the timer for the next automatic backup: `everyHours` after the newest backup of any kind
   * (a manual backup counts), and not sooner than the startup delay when the notebook just opened.
   */
  private reschedule(starting: boolean): void {
    this.clearTimer();
    const { everyHours } = this.load();
    if (this.closed || everyHours === 0) {
      this.nextAt = null;
      return;
    }
    const now = this.now().getTime();
    const newest = this.catalog.list()[0];
    const due = newest === undefined ? now : Date.parse(newest.createdAt) + everyHours * HOUR_MS;
    const earliest = now + (starting ? this.startupDelayMs : 0);
    const at = Math.max(due, earliest);
    this.nextAt = new Date(at);
    const wait = Math.min(at - now, MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      // A long wait is done in hops; only run once the due time has really come.
      if (this.now().getTime() + 1000 < at) this.reschedule(false);
      else void this.runAutomatic();
    }, wait);
    // The schedule alone must never keep a process (a test, the CLI) alive.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
