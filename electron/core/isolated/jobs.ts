/**
 * The jobs an isolated worker runs: pure functions of their input, so running one in a thread of its
 * own (runner.ts) gives exactly what running it in place would. Only this file and entry.ts load the
 * clipper and the extractor inside that thread.
 */
import type { ClipFileInput, ClipPasteInput, ClipUrlInput } from '../../../shared/areas/library';
import { ApiError } from '../../../shared/errors';
import { validateArgs } from '../../../shared/validate';
import { endpointClipOfBody, endpointPaste } from '../clip-endpoint/body';
import type { FetchedArticle } from '../clip/fetch-page';
import type { ClipProvenance } from '../context';
import { extractArticle } from '../extract';
import type { ExtractOptions, Extraction } from '../extract/types';
import { argsOfBody, type BodyMethod } from '../request-body';
import { inPieces, prepareFetched, prepareFile, preparePaste, type PreparedClip } from '../library/prepare';

/**
 * Input of the `extract` job: an article's text and what {@link extractArticle} takes besides: the date
 * relative dates resolve against, the address a missing one may be read from, whether to read one.
 */
export interface ExtractJobInput extends Pick<ExtractOptions, 'published' | 'url' | 'inferPublished'> {
  text: string;
}

/** A clip read from its request's body in the worker (`prepare-request`): what the notebook stores. */
export interface RequestClip {
  prepared: PreparedClip;
  onDuplicate: ClipPasteInput['onDuplicate'];
}

/** A clip call's JSON request body: parsed and checked as the host checks any other call's, then prepared. */
function clipOfBody(request: { method: BodyMethod; body: Uint8Array }): RequestClip {
  const { method } = request;
  const args = argsOfBody(request.body);
  // The job's message holds its input until the job ends: the bytes (as long as the page) are dropped
  // once parsed, so they are not kept beside the page's text and HTML while it is prepared.
  request.body = new Uint8Array(0);
  if (args instanceof ApiError) throw args;
  if (method === 'clipPaste') {
    const [input] = validateArgs('clipPaste', args);
    return { prepared: inPieces(preparePaste(input)), onDuplicate: input.onDuplicate };
  }
  const [input] = validateArgs('clipFile', args);
  return { prepared: inPieces(prepareFile(input)), onDuplicate: input.onDuplicate };
}

/** A clip the browser clip endpoint was sent, read from its request's body (`prepare-endpoint`). */
export interface EndpointRequestClip extends RequestClip {
  provenance: ClipProvenance;
}

/** The clip endpoint's request body: read as the endpoint reads a short one, then prepared. */
function endpointClipOfRequest(request: { body: Uint8Array }): EndpointRequestClip {
  const clip = endpointClipOfBody(request.body);
  // As in clipOfBody: the bytes are not kept beside the page while it is prepared.
  request.body = new Uint8Array(0);
  const { input, provenance } = endpointPaste(clip);
  return { prepared: inPieces(preparePaste(input)), onDuplicate: input.onDuplicate, provenance };
}

/** Every job by name, with its input and output types. */
export const JOBS = {
  extract: (input: ExtractJobInput): Extraction =>
    extractArticle(input.text, {
      published: input.published,
      url: input.url,
      inferPublished: input.inferPublished,
    }),
  // A long article comes back in the parts it is stored in (see PreparedClip.pieces).
  'prepare-file': (input: ClipFileInput): PreparedClip => inPieces(prepareFile(input)),
  'prepare-paste': (input: ClipPasteInput): PreparedClip => inPieces(preparePaste(input)),
  'prepare-request': (input: { method: BodyMethod; body: Uint8Array }): RequestClip => clipOfBody(input),
  'prepare-endpoint': (input: { body: Uint8Array }): EndpointRequestClip => endpointClipOfRequest(input),
  'prepare-fetched': (input: { request: ClipUrlInput; fetched: FetchedArticle }): PreparedClip =>
    inPieces(prepareFetched(input.request, input.fetched)),
} satisfies Record<string, (input: never) => unknown>;

/** A job's name. */
export type JobName = keyof typeof JOBS;
/** What job `J` takes. */
export type JobInput<J extends JobName> = Parameters<(typeof JOBS)[J]>[0];
/** What job `J` returns. */
export type JobOutput<J extends JobName> = ReturnType<(typeof JOBS)[J]>;

/** Runs job `name` on `input`; throws for an unknown name (a bug in the caller). */
export function runJob(name: string, input: unknown): unknown {
  if (!Object.hasOwn(JOBS, name)) throw new Error(`There is no isolated job named "${name}".`);
  return (JOBS[name as JobName] as (value: unknown) => unknown)(input);
}
