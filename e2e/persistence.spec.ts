import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { NotebookPage } from './pages/NotebookPage';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a note survives switching notes, a reload and a restart of the host', async ({ page }, testInfo) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir);
  const notebook = new NotebookPage(page);
  await notebook.open(host.url);

  await notebook.writeNewNote(
    'Ceasefire talks',
    'Putin said Russia agrees with the proposals to cease hostilities.',
  );

  // Switch away immediately, before the debounce fires: switching must flush the save.
  await notebook.writeNewNote('Second note', 'Another thought.');
  await notebook.waitUntilSaved();

  await notebook.openNote('Ceasefire talks');
  await expect(notebook.editor).toContainText('agrees with the proposals to cease hostilities');

  await page.reload();
  await notebook.open(host.url);
  await notebook.openNote('Ceasefire talks');
  await expect(notebook.editor).toContainText('agrees with the proposals to cease hostilities');

  await host.stop();
  host = await startHost(dataDir);
  await notebook.open(host.url);
  await notebook.openNote('Ceasefire talks');
  await expect(notebook.editor).toContainText('agrees with the proposals to cease hostilities');
  await notebook.openNote('Second note');
  await expect(notebook.editor).toContainText('Another thought.');

  await notebook.openNote('Ceasefire talks');
  const shot = testInfo.outputPath('editor-with-text.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('editor with text', { path: shot, contentType: 'image/png' });
  mkdirSync(join('test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join('test-results', 'screenshots', 'editor-with-text.png') });
});

test('text shown as saved survives a crash of the host', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir);
  const notebook = new NotebookPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Crash test', 'Written just before the crash.');
  await notebook.waitUntilSaved();

  await host.stop('SIGKILL');
  host = await startHost(dataDir);
  await notebook.open(host.url);
  await notebook.openNote('Crash test');
  await expect(notebook.editor).toContainText('Written just before the crash.');
});
