/**
 * Damaged data, as a user meets it: the browser host starts on a notebook that is damaged, or from a
 * newer Dossier, or on a write-protected folder, and the window says what is wrong and offers the
 * ways out, without ever overwriting the file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { BackupPanelPage } from './pages/BackupPanel';
import { NotebookPage } from './pages/NotebookPage';
import { StartupScreenPage } from './pages/StartupScreenPage';

const SCREENSHOTS = join('test-results', 'screenshots');
let host: RunningHost | undefined;
let locked: string | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  if (locked !== undefined) setWritable(locked, true);
  locked = undefined;
});

function hash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Write-protects a folder (chattr +i as root, whom permissions do not stop), or lifts it. */
function setWritable(dir: string, writable: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [writable ? '-i' : '+i', dir]);
  else chmodSync(dir, writable ? 0o755 : 0o555);
}

/**
 * Through the UI: a note, a backup, then a note the backup does not have; the host is then stopped
 * cleanly. Returns the data folder.
 */
async function notebookWithBackup(page: Page): Promise<string> {
  const dataDir = tempDataDir();
  host = await startHost(dataDir);
  const notebook = new NotebookPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Budget hearing', 'The council approved the budget.');
  await notebook.waitUntilSaved();
  const backups = new BackupPanelPage(page);
  await backups.open();
  await backups.backUpNow();
  await page.getByTestId('nav-notes').click();
  await notebook.writeNewNote('Written after the backup', 'Not in the backup.');
  await notebook.waitUntilSaved();
  await host.stop('SIGTERM');
  host = undefined;
  return dataDir;
}

/** Flips bits in the b-tree page headers of every page after the second: a disk that went bad. */
function corrupt(file: string): void {
  const bytes = readFileSync(file);
  for (let page = 2; page * 4096 < bytes.length; page++) {
    for (let i = 0; i < 64; i++) bytes[page * 4096 + i] = (bytes[page * 4096 + i] ?? 0) ^ 0xa5;
  }
  writeFileSync(file, bytes);
}

test('a damaged notebook: the screen says so, and restoring the last good backup brings its notes back', async ({
  page,
}) => {
  const dataDir = await notebookWithBackup(page);
  const file = join(dataDir, 'dossier.sqlite');
  corrupt(file);
  const damaged = hash(file);

  host = await startHost(dataDir);
  const startup = new StartupScreenPage(page);
  await startup.open(host.url, 'corrupt');
  await expect(startup.heading).toHaveText('The notebook file is damaged');
  await expect(startup.screen).toContainText('has not been changed');
  await expect(startup.restoreButton).toBeEnabled();
  await expect(startup.backupDate).toContainText(String(new Date().getFullYear()));
  await expect(startup.screen).toContainText(/dossier-\d{8}T\d{9}Z-manual\.sqlite/);
  await expect(startup.readOnlyButton).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'damaged-notebook.png'), fullPage: true });
  expect(hash(file)).toBe(damaged);

  await startup.restoreLastGoodBackup();
  const notebook = new NotebookPage(page);
  await page.getByTestId('nav-notes').click();
  await expect(notebook.noteItems()).toHaveCount(1);
  await notebook.openNote('Budget hearing');
  await expect(notebook.editor).toContainText('The council approved the budget.');
  await page.screenshot({ path: join(SCREENSHOTS, 'damaged-notebook-restored.png'), fullPage: true });

  // The damaged file was renamed aside, byte for byte, not deleted.
  const aside = readdirSync(dataDir).filter((name) => /^dossier\.sqlite\.replaced-\d{8}T\d{9}Z$/.test(name));
  expect(aside).toHaveLength(1);
  expect(hash(join(dataDir, aside[0]!))).toBe(damaged);
  await expect(startup.keptAsideNotice).toContainText(aside[0]!);

  // The restored notebook takes edits again.
  await notebook.writeNewNote('After the recovery', 'Saved normally.');
  await notebook.waitUntilSaved();
});

// Regression (issue 19): an emptied notebook file opened as a new, empty notebook with no word of the
// backups, whose rolling successors then pushed the last good one out.
test('a notebook file emptied to 0 bytes: the screen offers the newest good backup, which brings the notes back', async ({
  page,
}) => {
  const dataDir = await notebookWithBackup(page);
  const file = join(dataDir, 'dossier.sqlite');
  writeFileSync(file, '');

  host = await startHost(dataDir);
  let terminal = '';
  host.process.stdout?.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  const startup = new StartupScreenPage(page);
  await startup.open(host.url, 'empty');
  await expect(startup.heading).toHaveText('The notebook file is empty');
  await expect(startup.screen).toContainText('did not open it as a new, empty notebook');
  await expect(startup.screen).toContainText('your backups are kept');
  await expect(startup.restoreButton).toHaveText('Restore the newest good backup');
  await expect(startup.restoreButton).toBeEnabled();
  await expect(startup.backupDate).toContainText(String(new Date().getFullYear()));
  await expect(startup.startNewButton).toBeEnabled();
  await expect(startup.readOnlyButton).toHaveCount(0);
  await expect
    .poll(() => terminal)
    .toMatch(
      /needs your attention: The notebook file is empty\..*restore the newest good backup \(dossier-\d{8}T\d{9}Z-manual\.sqlite\)/,
    );
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'empty-notebook-offers-backup.png'), fullPage: true });
  expect(statSync(file).size).toBe(0);

  await startup.restoreLastGoodBackup();
  const notebook = new NotebookPage(page);
  await page.getByTestId('nav-notes').click();
  await expect(notebook.noteItems()).toHaveCount(1);
  await notebook.openNote('Budget hearing');
  await expect(notebook.editor).toContainText('The council approved the budget.');
});

test('a notebook file deleted beside its backup: starting a new notebook keeps the backup', async ({
  page,
}) => {
  const dataDir = await notebookWithBackup(page);
  const backups = readdirSync(join(dataDir, 'backups')).filter((name) => name.endsWith('.sqlite'));
  rmSync(join(dataDir, 'dossier.sqlite'));

  host = await startHost(dataDir);
  const startup = new StartupScreenPage(page);
  await startup.open(host.url, 'empty');
  await expect(startup.heading).toHaveText('The notebook file is missing');
  await startup.startNewButton.click();
  await expect(startup.screen).toBeHidden();
  const notebook = new NotebookPage(page);
  await page.getByTestId('nav-notes').click();
  await expect(notebook.noteItems()).toHaveCount(0);
  const after = readdirSync(join(dataDir, 'backups'));
  for (const name of backups) expect(after).toContain(name);
});

test('a notebook from a newer Dossier opens read-only: notes readable, editing off, file unchanged', async ({
  page,
}) => {
  const dataDir = await notebookWithBackup(page);
  const file = join(dataDir, 'dossier.sqlite');
  const db = new Database(file);
  db.pragma(`user_version = ${Number(db.pragma('user_version', { simple: true })) + 1}`);
  db.close();
  const before = hash(file);

  host = await startHost(dataDir);
  const startup = new StartupScreenPage(page);
  await startup.open(host.url, 'too-new');
  await expect(startup.heading).toHaveText('This notebook was made by a newer Dossier');
  await startup.openReadOnly();
  await expect(startup.readOnlyBanner).toContainText('Read-only:');
  await expect(startup.readOnlyBanner).toContainText('newer Dossier');

  const notebook = new NotebookPage(page);
  await page.getByTestId('nav-notes').click();
  await expect(notebook.noteItems()).toHaveCount(2);
  await notebook.openNote('Budget hearing');
  await expect(notebook.editor).toContainText('The council approved the budget.');
  await expect(notebook.editor).toHaveAttribute('contenteditable', 'false');
  await expect(notebook.title).toHaveAttribute('readonly', '');
  await expect(notebook.saveStatus).toHaveText('Read-only');
  await page.screenshot({ path: join(SCREENSHOTS, 'read-only-banner.png'), fullPage: true });

  // Nothing offers a change that would be refused: new note and trash are off (the core refuses them
  // too: electron/core/startup/session.test.ts), and Ctrl+N does nothing.
  await expect(page.getByTestId('new-note')).toBeDisabled();
  await expect(page.getByTestId('delete-note')).toBeDisabled();
  await page.keyboard.press('Control+Alt+N');
  await expect(notebook.noteItems()).toHaveCount(2);
  await host.stop('SIGTERM');
  host = undefined;
  expect(hash(file)).toBe(before);
});

test('a write-protected notebook folder opens read-only by itself, with the banner', async ({ page }) => {
  const dataDir = await notebookWithBackup(page);
  const names = readdirSync(dataDir).sort();
  setWritable(dataDir, false);
  locked = dataDir;

  host = await startHost(dataDir);
  await page.goto(host.url);
  const startup = new StartupScreenPage(page);
  await expect(startup.readOnlyBanner).toBeVisible();
  await expect(startup.readOnlyBanner).toContainText('cannot be written');
  await expect(startup.screen).toHaveCount(0);
  const notebook = new NotebookPage(page);
  await page.getByTestId('nav-notes').click();
  await expect(notebook.noteItems()).toHaveCount(2);
  await page.screenshot({ path: join(SCREENSHOTS, 'read-only-folder.png'), fullPage: true });
  await host.stop('SIGTERM');
  host = undefined;
  expect(readdirSync(dataDir).sort()).toEqual(names);
  expect(existsSync(join(dataDir, 'dossier.sqlite-wal'))).toBe(false);
  expect(statSync(join(dataDir, 'dossier.sqlite')).isFile()).toBe(true);
});
