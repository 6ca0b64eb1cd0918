import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { EditorPage } from './pages/EditorPage';
import { NotebookPage } from './pages/NotebookPage';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('mentions, topics and note links are typed with @, # and [[ and persist', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir);
  const notebook = new NotebookPage(page);
  const editor = new EditorPage(page);
  await notebook.open(host.url);

  await notebook.writeNewNote('Ceasefire talks', 'Met ');
  // No source was clipped, so the person is created from the typeahead.
  await editor.insertReference('@', 'Vladimir Putin', "Create 'Vladimir Putin'");
  await expect(editor.mentions()).toHaveText(['Vladimir Putin']);
  await page.keyboard.type('about ');
  await editor.insertReference('#', 'ceasefire', "Create 'ceasefire'");
  await page.keyboard.type('see ');
  await editor.insertReference('[[', 'Background', "Create note 'Background'");
  await expect(editor.noteLinks()).toHaveText(['Background']);

  // The second mention of the same person finds the entity by name now.
  await page.keyboard.type('and ');
  await editor.insertReference('@', 'Put', 'Vladimir Putin');
  await expect(editor.mentions()).toHaveText(['Vladimir Putin', 'ceasefire', 'Vladimir Putin']);
  // What was typed after the trigger is replaced by the reference, not left next to it.
  await expect(notebook.editor).toHaveText(
    'Met Vladimir Putin about ceasefire see Background and Vladimir Putin',
  );
  await notebook.waitUntilSaved();

  await page.reload();
  await notebook.open(host.url);
  await notebook.openNote('Ceasefire talks');
  await expect(editor.mentions()).toHaveText(['Vladimir Putin', 'ceasefire', 'Vladimir Putin']);
  await expect(editor.noteLinks()).toHaveText(['Background']);
  await expect(editor.mentions().first()).toHaveAttribute('data-kind', 'person');
  await expect(editor.mentions().nth(1)).toHaveAttribute('data-kind', 'topic');

  mkdirSync(join('test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join('test-results', 'screenshots', 'notebook-links.png') });

  // Clicking a mention opens its page: a person's and a topic's are under People.
  await editor.mentions().first().click();
  await expect(page.getByTestId('entity-name')).toHaveText('Vladimir Putin');
  await expect(page.getByTestId('entity-screen')).toHaveAttribute('data-entity-kind', 'person');
  await expect(page.getByTestId('nav-people')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('nav-notes').click();
  await notebook.openNote('Ceasefire talks');
  await editor.mentions().nth(1).click();
  await expect(page.getByTestId('entity-screen')).toHaveAttribute('data-entity-kind', 'topic');
  await expect(page.getByTestId('entity-name')).toHaveText(/ceasefire/i);
  await page.getByTestId('nav-notes').click();
  await notebook.openNote('Ceasefire talks');

  // Clicking a note link opens the linked note.
  await editor.noteLinks().first().click();
  await expect(notebook.title).toHaveValue('Background');
});

test('text typed while a new person or note is being created lands after the reference', async ({ page }) => {
  host = await startHost(tempDataDir());
  const notebook = new NotebookPage(page);
  const editor = new EditorPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Slow answers', 'Met ');

  // The host's answer to "create this person" is held back until the user has typed on.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/createEntity', async (route) => {
    await held;
    await route.continue();
  });
  await editor.insertReference('@', 'Vladimir Putin', "Create 'Vladimir Putin'");
  await page.keyboard.type('today');
  await expect(notebook.editor).toHaveText('Met Vladimir Putin today');
  await expect(editor.mentions()).toHaveCount(0);
  release();
  await expect(editor.mentions()).toHaveText(['Vladimir Putin']);
  await expect(notebook.editor).toHaveText('Met Vladimir Putin today');
  await page.unroute('**/api/createEntity');

  // If creating fails, the name stays as plain text where it was typed.
  await page.route('**/api/createNote', (route) =>
    route.fulfill({ status: 503, contentType: 'text/plain', body: 'down' }),
  );
  await page.keyboard.type(' ');
  await editor.insertReference('[[', 'Background', "Create note 'Background'");
  await page.keyboard.type('later');
  await expect(notebook.editor).toHaveText('Met Vladimir Putin today Background later');
  await expect(editor.noteLinks()).toHaveCount(0);
  await expect(editor.mentions()).toHaveText(['Vladimir Putin']);
});

test('Enter typed before the typeahead has answered the last letters refers to what was typed, not a row of the shorter words', async ({
  page,
}) => {
  // The list on screen answers the words typed before the last ones until the next answer is in: "@Jo"
  // listed one Jo… first, "hn" was typed, and Enter right away put that first one in, not John Kerry.
  host = await startHost(tempDataDir());
  const notebook = new NotebookPage(page);
  const editor = new EditorPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Talks', 'Met ');
  await editor.insertReference('@', 'Joe Biden', "Create 'Joe Biden'");
  await editor.insertReference('@', 'John Kerry', "Create 'John Kerry'");
  await expect(editor.mentions()).toHaveText(['Joe Biden', 'John Kerry']);

  await page.keyboard.type(' and ');
  await page.keyboard.type('@Jo');
  const options = editor.typeahead.getByTestId('reference-option');
  await expect(options.filter({ hasText: 'John Kerry' })).toBeVisible();
  await expect(options.filter({ hasText: 'Joe Biden' })).toBeVisible();
  // Type the rest of the other name than the one listed first; its answer is held until after Enter.
  const first = (await options.first().textContent()) ?? '';
  const [rest, wanted] = first.includes('Joe') ? ['hn', 'John Kerry'] : ['e', 'Joe Biden'];
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/listEntities', async (route) => {
    await held;
    await route.continue();
  });
  await page.keyboard.type(rest);
  await page.keyboard.press('Enter');
  release();
  await expect(editor.mentions()).toHaveCount(3);
  await expect(editor.mentions().nth(2)).toHaveText(wanted);
});
