// @vitest-environment jsdom
/**
 * The browser clipping panel in jsdom with a stand-in notebook whose answers the test releases: a click
 * on the box while another change is on its way is kept and made after it (it was dropped, and the
 * panel then said "Off.": issue 20's "cannot be switched on", seen again in CI).
 */
import { act } from 'react';
import { beforeEach, expect, it, vi } from 'vitest';
import type { ClipEndpointStatus, SetClipEndpointInput } from '../../shared/areas/clip-endpoint';
import { reactRootPerTest } from '../testing/react-root';

const OFF: ClipEndpointStatus = {
  enabled: false,
  port: 41_000,
  running: false,
  error: null,
  url: null,
  bookmarklet: 'javascript:void 0',
  clients: [],
  pairing: null,
};

/** Calls of setClipEndpoint, each answered when the test says so. */
const calls: { input: SetClipEndpointInput; answer: (status: ClipEndpointStatus) => void }[] = [];
const fake = {
  getClipEndpoint: vi.fn(async () => OFF),
  setClipEndpoint: vi.fn(
    (input: SetClipEndpointInput) =>
      new Promise<ClipEndpointStatus>((resolve) => calls.push({ input, answer: resolve })),
  ),
};
vi.mock('../api', () => ({ api: new Proxy({}, { get: (_, name: string) => (fake as never)[name] }) }));

const dom = reactRootPerTest();

beforeEach(() => {
  calls.length = 0;
});

const byTestId = (id: string): HTMLElement => dom.container.querySelector(`[data-testid="${id}"]`)!;

it('keeps a click on the box made while a new port is being saved, and turns clipping on after it', async () => {
  const { ClipEndpointPanel } = await import('./ClipEndpointPanel');
  await act(async () => dom.root.render(<ClipEndpointPanel />));
  expect(byTestId('clip-endpoint-state').textContent).toBe('Off.');

  // A new port, saved with the button.
  const portField = dom.container.querySelector<HTMLInputElement>('#clip-port')!;
  await act(async () => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    set.call(portField, '41001');
    portField.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const useButton = [...dom.container.querySelectorAll('button')].find(
    (b) => b.textContent === 'Use this port',
  )!;
  await act(async () => useButton.click());
  expect(calls.map((c) => c.input)).toEqual([{ port: 41_001 }]);
  expect(byTestId('clip-endpoint-state').textContent).toBe('Saving…');

  // The box, clicked before the port's answer.
  const box = byTestId('clip-endpoint-enabled') as HTMLInputElement;
  await act(async () => box.click());
  expect(box.checked).toBe(true);
  expect(byTestId('clip-endpoint-state').textContent).toBe('Turning on…');
  expect(calls).toHaveLength(1);

  // The port is saved; then the click is made.
  await act(async () => calls[0]!.answer({ ...OFF, port: 41_001 }));
  expect(calls.map((c) => c.input)).toEqual([{ port: 41_001 }, { enabled: true }]);
  expect(box.checked).toBe(true);
  await act(async () =>
    calls[1]!.answer({
      ...OFF,
      port: 41_001,
      enabled: true,
      error: 'Port 41001 is in use by another program.',
    }),
  );
  expect(byTestId('clip-endpoint-state').textContent).toBe('Port 41001 is in use by another program.');
  expect(box.checked).toBe(true);
});
