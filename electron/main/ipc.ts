/**
 * The IPC side of NotebookApi. Each API method gets one `ipcMain.handle` channel and nothing else is
 * registered: the renderer can ask for intentions (createNote, updateNote...), never primitives. A
 * call is answered only if it comes from the main frame of our window showing our own page, and only
 * with arguments that pass shared/validate.ts; the core never sees anything else.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { API_METHODS, ipcChannel, type ApiMethod } from '../../shared/api';
import { ApiError, serializeError } from '../../shared/errors';
import type { RpcOutcome } from '../../shared/rpc';
import { validateArgs } from '../../shared/validate';

/** What the handlers need of the core: one generic call that answers with an outcome envelope. */
export interface CoreCaller {
  call(method: string, args: unknown[]): Promise<RpcOutcome>;
}

/** Decides whether a frame may call the API (see {@link createSenderCheck}). */
export type SenderCheck = (frame: WebFrameMain | null) => boolean;

const UNAUTHORIZED: RpcOutcome = {
  ok: false,
  error: new ApiError(
    'UNAUTHORIZED',
    'This call did not come from the Dossier window and was refused.',
  ).toJSON(),
};

/**
 * Registers one handler per API method on `ipcMain`. Handlers always resolve to an RpcOutcome:
 * Electron turns a thrown error into a bare message string, which would lose the ApiError's code.
 */
export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: CoreCaller,
  isTrustedSender: SenderCheck,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      handleCall(method, event, args, core, isTrustedSender),
    );
  }
}

async function handleCall(
  method: ApiMethod,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  args: unknown[],
  core: CoreCaller,
  isTrustedSender: SenderCheck,
): Promise<RpcOutcome> {
  try {
    if (!isTrustedSender(event.senderFrame ?? null)) return UNAUTHORIZED;
    // The validated copy holds only known fields, so nothing extra rides along to the core.
    const validated: unknown[] = validateArgs(method, args);
    return await core.call(method, validated);
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

/** The parts of a frame (a WebFrameMain) the sender check reads. */
export interface FrameIdentity {
  readonly url: string;
  readonly parent: object | null;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * The sender check for our window: the frame must be the top frame of `getMainFrame()` (the main
 * window's current main frame; null while there is no window) and must show a page of our own origin,
 * so neither an iframe nor a page the window was somehow navigated to can reach the notebook.
 */
export function createSenderCheck(
  getMainFrame: () => FrameIdentity | null,
  isOwnUrl: (url: string) => boolean,
): (frame: FrameIdentity | null) => boolean {
  return (frame) => {
    if (frame === null) return false;
    const main = getMainFrame();
    if (main === null || frame.parent !== null) return false;
    // Electron may hand out different wrapper objects for the same frame; compare its identity.
    const sameFrame =
      frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
    return sameFrame && isOwnUrl(frame.url);
  };
}

/** A {@link CoreCaller} that remembers the calls still running, so quitting can wait for them. */
export interface TrackedCaller extends CoreCaller {
  /** Resolves once every call started so far has answered (a failed call counts as answered). */
  settled(): Promise<void>;
}

/**
 * Wraps `core` to track calls in flight. The renderer's last autosave is sent as its window closes;
 * closing the core before that call answers could lose the user's last keystrokes.
 */
export function trackCalls(core: CoreCaller): TrackedCaller {
  const running = new Set<Promise<unknown>>();
  return {
    call(method, args) {
      const call = core.call(method, args);
      running.add(call);
      const done = (): void => void running.delete(call);
      call.then(done, done);
      return call;
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
