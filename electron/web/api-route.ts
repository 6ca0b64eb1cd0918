/**
 * `POST /api/<method>` with `{ "args": [...] }`: checks the token, the content type and the size,
 * validates the arguments with the shared validators and answers with the core's RpcOutcome.
 * Every answer, refusals included, is an RpcOutcome so the page's client handles one shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isApiMethod, type ApiMethod } from '../../shared/api';
import { ApiError, serializeError, type ErrorCode } from '../../shared/errors';
import { API_PATH_PREFIX, TOKEN_HEADER, type RpcOutcome } from '../../shared/rpc';
import { validateArgs } from '../../shared/validate';
import { BODY_AS_BYTES_ABOVE, argsOfBody, isBodyMethod } from '../core/request-body';
import { isJsonRequest, readBody } from '../host-shared/http/body';
import { hasValidToken } from './security';

/** Runs one API call in the core and reports its outcome (never rejects for an API error). */
export type CallCore = (method: ApiMethod, args: unknown[]) => Promise<RpcOutcome>;

/**
 * Runs one call whose request body the core reads itself (a long clip, see core/request-body.ts): the
 * bytes are handed over, not copied, and are unusable here afterwards.
 */
export type CallCoreWithBody = (method: ApiMethod, body: Uint8Array) => Promise<RpcOutcome>;

/** Largest request body accepted: a note's content may be up to ~50 MB of JSON. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Options of {@link handleApi}. */
export interface ApiRouteOptions {
  token: string;
  call: CallCore;
  /** When given, long clips' bodies go to the core unparsed (see core/request-body.ts). */
  callWithBody?: CallCoreWithBody;
  maxBodyBytes: number;
}

function sendOutcome(res: ServerResponse, status: number, outcome: RpcOutcome): void {
  const body = Buffer.from(JSON.stringify(outcome), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendOutcome(res, status, { ok: false, error: new ApiError(code, message).toJSON() });
}

/** A body the core found unusable is answered as this route answers one it finds so itself (400). */
function statusOfBodyError(outcome: RpcOutcome & { ok: false }): number {
  return outcome.error.details?.['body'] === true ? 400 : 200;
}

/** Answers one request whose path starts with {@link API_PATH_PREFIX}. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  options: ApiRouteOptions,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    refuse(res, 405, 'INVALID_ARGUMENT', 'API calls must use POST.');
    return;
  }
  if (!hasValidToken(req.headers[TOKEN_HEADER], options.token)) {
    refuse(
      res,
      401,
      'UNAUTHORIZED',
      'This request lacks the token of this Dossier session. Reload the page.',
    );
    return;
  }
  const path = (req.url ?? '').split('?', 1)[0]!;
  const name = path.slice(API_PATH_PREFIX.length);
  if (!isApiMethod(name)) {
    refuse(res, 404, 'NOT_FOUND', `There is no API method "${name.slice(0, 100)}".`);
    return;
  }
  if (!isJsonRequest(req)) {
    refuse(res, 415, 'INVALID_ARGUMENT', 'API calls must send Content-Type: application/json.');
    return;
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    refuse(res, 413, 'INVALID_ARGUMENT', `The request is larger than ${options.maxBodyBytes} bytes.`);
    return;
  }
  if (options.callWithBody !== undefined && isBodyMethod(name) && body.length > BODY_AS_BYTES_ABOVE) {
    // Decoding, parsing and checking 45 MB here would hold up every other request for a second: the
    // worker that prepares the clip does it, with the same checks (argsOfBody, validateArgs).
    let outcome: RpcOutcome;
    try {
      outcome = await options.callWithBody(name, body);
    } catch (error) {
      outcome = { ok: false, error: serializeError(error) };
    }
    sendOutcome(res, outcome.ok ? 200 : statusOfBodyError(outcome), outcome);
    return;
  }
  const args = argsOfBody(body);
  if (args instanceof ApiError) {
    sendOutcome(res, 400, { ok: false, error: args.toJSON() });
    return;
  }
  let outcome: RpcOutcome;
  try {
    // The core validates too; checking here keeps malformed network input from ever reaching it.
    outcome = await options.call(name, validateArgs(name, args));
  } catch (error) {
    outcome = { ok: false, error: serializeError(error) };
  }
  sendOutcome(res, 200, outcome);
}
