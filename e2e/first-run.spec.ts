/**
 * Issue 20, item 8: an empty notebook opened on an empty Notes screen that never mentioned clipping. It
 * now opens on a welcome that leads to clipping (the real first step); a notebook with notes still opens
 * on the last note.
 */
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { NotebookPage } from './pages/NotebookPage';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('an empty notebook opens on a welcome that leads to clipping', async ({ page }) => {
  host = await startHost(tempDataDir());
  await page.goto(host.url);
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Dossier');
  await expect(welcome).toContainText('Start by clipping an article');
  await page.screenshot({ path: 'test-results/screenshots/first-run.png' });

  // "Paste an article" goes straight to the paste dialog in the Library.
  await welcome.getByTestId('welcome-paste').click();
  const dialog = page.getByTestId('clip-paste-dialog');
  await expect(dialog).toBeVisible();
  await dialog
    .getByTestId('clip-paste-text')
    .fill(
      'Harbour council approves plan\n\nThe town council voted on Tuesday to approve the new harbour plan.',
    );
  await dialog.getByTestId('clip-submit').click();
  await expect(page.getByTestId('reader')).toBeVisible();

  // With something in it, the notebook no longer opens on the welcome.
  await page.goto(host.url);
  await expect(page.getByTestId('notes-list')).toBeVisible();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('a notebook with notes opens on the last note, not the welcome', async ({ page }) => {
  host = await startHost(tempDataDir());
  const notebook = new NotebookPage(page);
  await page.goto(host.url);
  await page.getByTestId('welcome').getByTestId('welcome-note').click();
  await expect(notebook.editor).toBeVisible();
  await notebook.setTitle('First thoughts');
  await notebook.waitUntilSaved();
  await page.goto(host.url);
  await expect(notebook.title).toHaveValue('First thoughts');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('a screen the user opens while the notebook is still answering is not replaced by the welcome', async ({
  page,
}) => {
  // Found by CI on a loaded machine: the click on Library landed before the empty notes list had answered,
  // and the welcome then took the screen away. The answer is held here until after the click.
  host = await startHost(tempDataDir());
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/listNotes', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(host.url);
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library')).toBeVisible();
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/listNotes'));
  release();
  await answered;
  await expect(page.getByTestId('library')).toBeVisible();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await page.getByTestId('nav-notes').click();
  await expect(page.getByTestId('notes-list')).toBeVisible();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});
