import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, IPC_PREFIX, ipcChannel } from '../../shared/api';
import type { RpcOutcome } from '../../shared/rpc';
import { createSenderCheck, registerApiHandlers, trackCalls, type CoreCaller } from './ipc';
import { isAppUrl } from './protocol';
import { createFakeElectron, fakeFrame, type FakeFrame } from './testing/fake-electron';

type Handler = (event: unknown, ...args: unknown[]) => Promise<RpcOutcome>;

/** Registers the handlers on a fake ipcMain with a trusted main frame at app://dossier/index.html. */
function setUp(core: CoreCaller = { call: vi.fn(async () => ({ ok: true as const, result: 'from core' })) }) {
  const { ipcMain } = createFakeElectron();
  const mainFrame = fakeFrame('app://dossier/index.html');
  const isTrusted = createSenderCheck(
    () => mainFrame,
    (url) => isAppUrl(url),
  );
  registerApiHandlers(ipcMain as never, core, isTrusted as never);
  const invoke = (channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<RpcOutcome> => {
    const handler = ipcMain.handlers.get(channel) as Handler | undefined;
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, ...args);
  };
  return { ipcMain, core, mainFrame, invoke };
}

describe('registerApiHandlers', () => {
  it('registers one handler per API method and no other channel or listener', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => ipcChannel(m)).sort());
    expect([...ipcMain.handlers.keys()].every((channel) => channel.startsWith(IPC_PREFIX))).toBe(true);
    expect(ipcMain.on).not.toHaveBeenCalled();
    expect(ipcMain.once).not.toHaveBeenCalled();
    expect(ipcMain.handleOnce).not.toHaveBeenCalled();
    expect(ipcMain.addListener).not.toHaveBeenCalled();
  });

  it('forwards a valid call from our window to the core and returns its outcome', async () => {
    const { core, mainFrame, invoke } = setUp();
    await expect(invoke('dossier:getNote', mainFrame, 'note_1')).resolves.toEqual({
      ok: true,
      result: 'from core',
    });
    await invoke('dossier:createNote', mainFrame);
    await invoke('dossier:updateNote', mainFrame, { id: 'note_1', expectedVersion: 2, title: 'T' });
    expect(core.call).toHaveBeenNthCalledWith(1, 'getNote', ['note_1']);
    expect(core.call).toHaveBeenNthCalledWith(2, 'createNote', []);
    expect(core.call).toHaveBeenNthCalledWith(3, 'updateNote', [
      { id: 'note_1', expectedVersion: 2, title: 'T' },
    ]);
  });

  it('returns the core error envelope as is', async () => {
    const notFound: RpcOutcome = { ok: false, error: { code: 'NOT_FOUND', message: 'No such note.' } };
    const { mainFrame, invoke } = setUp({ call: vi.fn(async () => notFound) });
    await expect(invoke('dossier:getNote', mainFrame, 'nope')).resolves.toEqual(notFound);
  });

  it.each([
    ['no frame', (): FakeFrame | null => null],
    ['a subframe of our page', (main: FakeFrame) => fakeFrame('app://dossier/index.html', main)],
    ['a foreign iframe', (main: FakeFrame) => fakeFrame('https://evil.example/', main)],
    ['another window showing our page', () => fakeFrame('app://dossier/index.html')],
    ['a file:// page', () => fakeFrame('file:///etc/passwd')],
  ])('refuses a call from %s with UNAUTHORIZED and never reaches the core', async (_name, makeFrame) => {
    const { core, mainFrame, invoke } = setUp();
    for (const method of API_METHODS) {
      const outcome = await invoke(ipcChannel(method), makeFrame(mainFrame));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses our own main frame once it shows a foreign page', async () => {
    const { core, mainFrame, invoke } = setUp();
    mainFrame.url = 'https://evil.example/index.html';
    await expect(invoke('dossier:listNotes', mainFrame)).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it.each([
    ['getNote', [42]],
    ['getNote', []],
    ['getNote', ['../../etc/passwd']],
    ['getAppInfo', ['extra']],
    ['createNote', [{ title: 1 }]],
    ['createNote', [{ title: 'x', sql: 'DROP TABLE notes' }]],
    ['listNotes', [{ trashed: 'yes' }]],
    ['updateNote', [{ id: 'note_1' }]],
    ['updateNote', [{ id: 'note_1', expectedVersion: 0 }]],
    ['deleteNote', [null]],
    ['restoreNote', ['a', 'b']],
  ] as const)('refuses %s(%j) with INVALID_ARGUMENT and never reaches the core', async (method, args) => {
    const { core, mainFrame, invoke } = setUp();
    const outcome = await invoke(ipcChannel(method), mainFrame, ...args);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('answers with an INTERNAL envelope instead of throwing when the core throws', async () => {
    const { mainFrame, invoke } = setUp({
      call: vi.fn(async () => {
        throw new Error('worker died');
      }),
    });
    await expect(invoke('dossier:listNotes', mainFrame)).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Unexpected error: worker died' },
    });
  });
});

describe('createSenderCheck', () => {
  const own = (url: string): boolean => isAppUrl(url);

  it('accepts the main frame, also through another wrapper of the same frame', () => {
    const main = fakeFrame('app://dossier/index.html');
    const check = createSenderCheck(() => main, own);
    expect(check(main)).toBe(true);
    expect(check({ ...main })).toBe(true);
  });

  it('refuses everything while there is no window', () => {
    const check = createSenderCheck(() => null, own);
    expect(check(fakeFrame('app://dossier/index.html'))).toBe(false);
  });

  it('accepts the dev server origin only when it is configured', () => {
    const main = fakeFrame('http://localhost:5173/');
    expect(createSenderCheck(() => main, own)(main)).toBe(false);
    expect(
      createSenderCheck(
        () => main,
        (url) => isAppUrl(url, 'http://localhost:5173'),
      )(main),
    ).toBe(true);
  });
});

describe('trackCalls', () => {
  it('settles only after every call in flight has answered', async () => {
    let answer: (outcome: RpcOutcome) => void = () => undefined;
    const tracked = trackCalls({ call: () => new Promise<RpcOutcome>((resolve) => (answer = resolve)) });
    const call = tracked.call('updateNote', []);
    let settled = false;
    const waiting = tracked.settled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    answer({ ok: true, result: 1 });
    await waiting;
    await expect(call).resolves.toEqual({ ok: true, result: 1 });
    expect(settled).toBe(true);
  });
});
