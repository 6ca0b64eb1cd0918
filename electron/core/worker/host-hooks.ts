/**
 * The {@link HostHooks} across the thread boundary. The core runs in a worker and never imports
 * electron, so a service only the host has (Electron's browser engine for clipUrl) is called back over
 * the worker's message port: the worker posts a `hook-call`, the host runs its hook and posts a
 * `hook-reply`. Both halves live here so the two ends of the exchange read side by side.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import type { HostHooks, RenderedPage } from '../context';
import { HOST_HOOK_NAMES, type HookCallMessage, type HookReplyMessage, type HostHookName } from './protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** The names of the hooks `hooks` provides, to tell the worker at start. */
export function providedHooks(hooks: HostHooks | undefined): HostHookName[] {
  return HOST_HOOK_NAMES.filter((name) => typeof hooks?.[name] === 'function');
}

// ---------------------------------------------------------------------------------------------------
// Host side

/** Is `message` (from the worker) a hook call? */
export function isHookCall(message: unknown): message is HookCallMessage {
  return isRecord(message) && message.type === 'hook-call' && typeof message.id === 'number';
}

function failure(id: number, error: unknown): HookReplyMessage {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'hook-reply', id, ok: false, error: { message } };
}

/**
 * Runs the hook a worker asked for and posts the reply. Never throws: a missing hook, bad arguments
 * or a failing hook become an error reply, so the worker's caller always gets an answer.
 */
export async function serveHookCall(
  worker: Pick<Worker, 'postMessage'>,
  hooks: HostHooks | undefined,
  call: HookCallMessage,
): Promise<void> {
  let reply: HookReplyMessage;
  try {
    const [arg] = Array.isArray(call.args) ? call.args : [];
    if (call.hook === 'fetchPage' && hooks?.fetchPage !== undefined) {
      if (typeof arg !== 'string') throw new Error('fetchPage needs a URL.');
      const options: unknown = Array.isArray(call.args) ? call.args[1] : undefined;
      const given = isRecord(options) && Array.isArray(options.allowedHosts) ? options.allowedHosts : [];
      const allowedHosts = given.filter((host): host is string => typeof host === 'string');
      reply = {
        type: 'hook-reply',
        id: call.id,
        ok: true,
        result: await hooks.fetchPage(arg, { allowedHosts }),
      };
    } else if (call.hook === 'revealPath' && hooks?.revealPath !== undefined) {
      if (typeof arg !== 'string') throw new Error('revealPath needs a path.');
      await hooks.revealPath(arg);
      reply = { type: 'hook-reply', id: call.id, ok: true, result: null };
    } else {
      throw new Error(`Dossier's host does not offer "${String(call.hook)}". Restart Dossier.`);
    }
  } catch (error) {
    reply = failure(call.id, error);
  }
  try {
    worker.postMessage(reply);
  } catch {
    // The worker has exited: nobody is waiting for the answer any more.
  }
}

// ---------------------------------------------------------------------------------------------------
// Worker side

/** Is `message` (from the host) a hook reply? */
export function isHookReply(message: unknown): message is HookReplyMessage {
  return isRecord(message) && message.type === 'hook-reply' && typeof message.id === 'number';
}

function asRenderedPage(value: unknown): RenderedPage {
  if (
    isRecord(value) &&
    typeof value.html === 'string' &&
    typeof value.finalUrl === 'string' &&
    typeof value.contentType === 'string'
  ) {
    return { html: value.html, finalUrl: value.finalUrl, contentType: value.contentType };
  }
  throw new Error('The page could not be read: the host answered with something that is not a page.');
}

/** The worker's end: hooks that post calls to the host, and where the host's replies go. */
export interface HookCaller {
  /** The hooks to give the Notebook: only those the host said it serves. */
  hooks: HostHooks;
  /** Settles the call a reply answers. */
  deliver(reply: HookReplyMessage): void;
  /** Rejects every call still waiting (the port is closing). */
  abandon(reason: string): void;
}

/** Builds the worker's {@link HookCaller} for the hooks named in workerData. */
export function createHookCaller(
  port: Pick<MessagePort, 'postMessage'>,
  names: readonly HostHookName[],
): HookCaller {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const call = (hook: HostHookName, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const message: HookCallMessage = { type: 'hook-call', id, hook, args };
      port.postMessage(message);
    });
  const hooks: HostHooks = {};
  if (names.includes('fetchPage')) {
    hooks.fetchPage = async (url, options) => asRenderedPage(await call('fetchPage', [url, options]));
  }
  if (names.includes('revealPath')) {
    hooks.revealPath = async (path) => void (await call('revealPath', [path]));
  }
  return {
    hooks,
    deliver(reply) {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (waiting === undefined) return;
      if (reply.ok) waiting.resolve(reply.result);
      else
        waiting.reject(
          new Error(typeof reply.error?.message === 'string' ? reply.error.message : 'The host failed.'),
        );
    },
    abandon(reason) {
      for (const waiting of pending.values()) waiting.reject(new Error(reason));
      pending.clear();
    },
  };
}
