import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { BackupPanelPage } from './pages/BackupPanel';
import { NotebookPage } from './pages/NotebookPage';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('back up now, change a note, restore the backup: the note is as it was', async ({ page }) => {
  host = await startHost(tempDataDir());
  const notebook = new NotebookPage(page);
  const backups = new BackupPanelPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Budget hearing', 'The council approved the budget.');
  await notebook.waitUntilSaved();

  await backups.open();
  await expect(backups.panel).toContainText('None yet.');
  await backups.backUpNow();
  await expect(backups.rows.first()).toContainText('Manual');

  await page.getByTestId('nav-notes').click();
  await notebook.openNote('Budget hearing');
  await notebook.typeInBody(' Later the mayor vetoed it.');
  await notebook.writeNewNote('Written after the backup', 'Gone after the restore.');
  await notebook.waitUntilSaved();

  await backups.open();
  mkdirSync(join('test-results', 'screenshots'), { recursive: true });
  await backups.rows.first().getByTestId('backup-restore').scrollIntoViewIfNeeded();
  await backups.rows.first().getByTestId('backup-restore').click();
  await expect(backups.panel.getByTestId('backup-confirm')).toBeVisible();
  await page.screenshot({
    path: join('test-results', 'screenshots', 'backup-restore-confirm.png'),
    fullPage: true,
  });
  await backups.panel.getByRole('button', { name: 'Cancel' }).click();
  await backups.restore(0);

  await notebook.open(host.url);
  await expect(notebook.noteItems()).toHaveCount(1);
  await notebook.openNote('Budget hearing');
  await expect(notebook.editor).toContainText('The council approved the budget.');
  await expect(notebook.editor).not.toContainText('vetoed');

  // The notebook as it was before the restore was kept, so the restore can be undone.
  await backups.open();
  await expect(backups.rows).toHaveCount(2);
  await expect(backups.rows.first()).toContainText('Before a restore');
  await page.screenshot({ path: join('test-results', 'screenshots', 'backup-panel.png'), fullPage: true });
});
