import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { NotebookPage } from './pages/NotebookPage';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('markdown shortcuts, bold and undo/redo work in the editor', async ({ page }) => {
  host = await startHost(tempDataDir());
  const notebook = new NotebookPage(page);
  await notebook.open(host.url);
  await notebook.newNote();
  await notebook.setTitle('Formatting');

  await notebook.editor.click();
  await page.keyboard.type('# Timeline of talks');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- first call');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second call');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('Key point');

  await expect(notebook.editor.locator('h1')).toHaveText('Timeline of talks');
  await expect(notebook.editor.locator('ul > li')).toHaveText(['first call', 'second call']);
  await expect(notebook.editor.locator('strong, b').filter({ hasText: 'Key point' })).toHaveCount(1);

  // Undo removes the last typing; redo brings it back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(notebook.editor).not.toContainText('Key point');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(notebook.editor).toContainText('Key point');

  await notebook.waitUntilSaved();
  await page.reload();
  await notebook.open(host.url);
  await notebook.openNote('Formatting');
  await expect(notebook.editor.locator('h1')).toHaveText('Timeline of talks');
  await expect(notebook.editor.locator('ul > li')).toHaveCount(2);
});

test('a trashed note can be restored with its text', async ({ page }) => {
  host = await startHost(tempDataDir());
  const notebook = new NotebookPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('To be trashed', 'Still here after the trash.');
  await notebook.waitUntilSaved();

  await notebook.trashOpenNote();
  await expect(notebook.noteItems().filter({ hasText: 'To be trashed' })).toHaveCount(0);

  await notebook.restoreFromTrash('To be trashed');
  await page.getByTestId('nav-notes').click();
  await notebook.openNote('To be trashed');
  await expect(notebook.editor).toContainText('Still here after the trash.');
});

test('two tabs editing one note never silently overwrite each other', async ({ browser }) => {
  host = await startHost(tempDataDir());
  const context = await browser.newContext();
  const first = new NotebookPage(await context.newPage());
  const second = new NotebookPage(await context.newPage());

  await first.open(host.url);
  await first.writeNewNote('Shared note', 'Original text.');
  await first.waitUntilSaved();

  await second.open(host.url);
  await second.openNote('Shared note');
  await second.typeInBody(' Edit from the second tab.');
  await second.waitUntilSaved();

  // The first tab still holds the old version: its next save must not overwrite the second tab's.
  await first.typeInBody(' Edit from the first tab.');
  await expect(first.conflictBanner()).toBeVisible();
  await expect(first.saveStatus).toHaveAttribute('data-state', 'conflict');
  await expect(first.editor).toContainText('Edit from the first tab.');

  await first.page.getByTestId('conflict-load-newer').click();
  await expect(first.editor).toContainText('Edit from the second tab.');
  await expect(first.conflictBanner()).toHaveCount(0);
  await context.close();
});

test('the editor in the dark theme', async ({ browser }, testInfo) => {
  host = await startHost(tempDataDir());
  const context = await browser.newContext({ colorScheme: 'dark' });
  const notebook = new NotebookPage(await context.newPage());
  await notebook.open(host.url);
  await notebook.writeNewNote('Night shift', 'Notes written after dark.');
  await notebook.waitUntilSaved();
  // A dark page: every colour channel of the body's background is below 80.
  await expect(notebook.page.locator('body')).toHaveCSS(
    'background-color',
    /^rgb\((\d|[1-7]\d), (\d|[1-7]\d), (\d|[1-7]\d)\)$/,
  );
  await notebook.page.screenshot({ path: testInfo.outputPath('editor-dark.png') });
  await notebook.page.screenshot({ path: 'test-results/screenshots/editor-dark.png' });
  await context.close();
});
