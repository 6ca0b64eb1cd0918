/**
 * Issue 20, item 4: Settings → "Accept pages from paired browsers" stayed unchecked and "Off." with no
 * error, so the bookmarklet never appeared. The box turns browser clipping on (it shows the change
 * while the notebook answers), the bookmarklet appears, and a reason is shown when it cannot start.
 */
import { createServer, type Server } from 'node:net';
import { expect, test } from '@playwright/test';
import { DEFAULT_CLIP_PORT } from '../shared/areas/clip-endpoint';
import { startHost, tempDataDir, type RunningHost } from './host';
import { SettingsPage } from './pages/SettingsPage';

let host: RunningHost | undefined;
let blocker: Server | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  await new Promise((done) => (blocker ? blocker.close(done) : done(undefined)));
  blocker = undefined;
});

/** Listens on 127.0.0.1:`port` (0: any free port) and resolves with the port, or null when taken. */
function listen(port: number): Promise<{ server: Server; port: number } | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}

test('the box turns browser clipping on and shows the bookmarklet; a taken port is said', async ({
  page,
}) => {
  host = await startHost(tempDataDir());
  const settings = new SettingsPage(page);
  await page.goto(host.url);
  await settings.open();
  await expect(settings.state).toHaveText('Off.');
  await expect(settings.bookmarklet).toHaveCount(0);

  // The default port when it is free here (other programs may hold it), else a free one typed first.
  const probe = await listen(DEFAULT_CLIP_PORT);
  let port = DEFAULT_CLIP_PORT;
  if (probe === null) {
    const free = (await listen(0))!;
    await new Promise((done) => free.server.close(done));
    port = free.port;
    await settings.setPort(port);
  } else {
    await new Promise((done) => probe.server.close(done));
  }

  await settings.panel.getByText('Accept pages from paired browsers').click();
  await expect(settings.enabled).toBeChecked();
  await expect(settings.state).toHaveText(`Listening at http://127.0.0.1:${port}/`);
  await expect(settings.bookmarklet).toBeVisible();
  expect(await settings.bookmarkletScript()).toContain(`127.0.0.1:${port}`);
  await expect(settings.panel.getByTestId('clip-endpoint-error')).toHaveCount(0);

  // Survives a reload: the setting is stored and the server runs.
  await page.reload();
  await settings.open();
  await expect(settings.enabled).toBeChecked();
  await expect(settings.state).toHaveText(`Listening at http://127.0.0.1:${port}/`);

  // Off, then on at a port another program holds: the reason is shown, not a silent "Off.".
  await settings.enabled.click();
  await expect(settings.enabled).not.toBeChecked();
  await expect(settings.state).toHaveText('Off.');
  await expect(settings.bookmarklet).toHaveCount(0);
  const taken = (await listen(0))!;
  blocker = taken.server;
  await settings.setPort(taken.port);
  await settings.enabled.click();
  await expect(settings.state).toContainText(`Port ${taken.port} is in use`);
  await expect(settings.state).toHaveClass(/settings-error/);
});
