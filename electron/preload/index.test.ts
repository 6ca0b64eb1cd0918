import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, IPC_PREFIX, ipcChannel } from '../../shared/api';
import type { FakeElectron } from '../main/testing/fake-electron';

const fakes = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../main/testing/fake-electron');
  return { current: createFakeElectron() as FakeElectron };
});
vi.mock('electron', () => fakes.current.module);

await import('./index');

describe('preload', () => {
  const { contextBridge, ipcRenderer } = fakes.current;

  it('exposes exactly one key, "api", once', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('api');
  });

  it('api holds exactly the API methods, as functions', () => {
    const api = contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof api[method]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each method invokes only its own dossier: channel and returns the envelope untouched', async () => {
    const api = contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    ipcRenderer.invoke.mockClear();
    for (const method of API_METHODS) {
      const outcome = { ok: false, error: { code: 'NOT_FOUND', message: method } };
      ipcRenderer.invoke.mockResolvedValueOnce(outcome);
      await expect(api[method]!('a', { b: 1 })).resolves.toBe(outcome);
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(method), 'a', { b: 1 });
    }
    const channels = ipcRenderer.invoke.mock.calls.map((call) => call[0]);
    expect(channels.every((channel) => typeof channel === 'string' && channel.startsWith(IPC_PREFIX))).toBe(
      true,
    );
  });

  it('never uses send, sendSync or on, and never exposes ipcRenderer', () => {
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
    const exposed = contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<string, unknown>;
    expect(Object.values(exposed)).not.toContain(ipcRenderer);
    expect(Object.values(exposed)).not.toContain(ipcRenderer.invoke);
  });
});
