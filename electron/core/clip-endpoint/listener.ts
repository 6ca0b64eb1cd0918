/**
 * What the clip endpoint needs from a host: something that listens on 127.0.0.1 and hands each paired
 * browser's request to the core as a plain call. The core keeps the endpoint's state and decides
 * (settings, pairing codes, tokens, filing clips); the HTTP server that speaks to the bookmarklet is
 * the hosts' (`electron/host-shared/clip-endpoint/server.ts`), given to the core as
 * {@link HostHooks.listenClipEndpoint}. The core does not know it is being served.
 */
import type { DuplicatePolicy } from '../../../shared/areas/library';

/** A page sent by the bookmarklet. */
export interface EndpointClip {
  html: string;
  /** The URL the page gave for itself (a claim: any page can say any URL). */
  url: string;
  title: string;
  /**
   * The origin the browser reported for the message that brought the page to the endpoint window
   * (`event.origin`, or "null" for an opaque origin), or null when the window did not send one.
   */
  origin: string | null;
  onDuplicate: DuplicatePolicy;
}

/** The core's answers to what arrives at the endpoint. */
export interface ClipEndpointHandlers {
  /** The client id for a token, or null when the token is unknown. */
  authorize(token: string): string | null;
  /** Exchanges a pairing code for a new client's token, or says why not. */
  pair(code: string, name: string): { token: string } | { refused: string };
  /** Stores a clip; rejects with an Error whose message the page shows. */
  clip(clientId: string, clip: EndpointClip): Promise<{ status: string; id: string; title: string }>;
  /**
   * Stores a clip from its request's JSON body, unread (a long one: see body.ts); the bytes are handed
   * over. Rejects as {@link clip} does, or with an ApiError whose `details.body` marks a body that
   * says no clip (the page shows its message, as for a short body).
   */
  clipBody(clientId: string, body: Uint8Array): Promise<{ status: string; id: string; title: string }>;
}

/** A running endpoint listener. */
export interface ClipEndpointListener {
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}

/**
 * Starts listening on 127.0.0.1:`port` (0: any free port) and passes requests to `handlers`. Rejects
 * when it cannot listen (an Error with `code` EADDRINUSE when the port is taken).
 */
export type ListenClipEndpoint = (
  port: number,
  handlers: ClipEndpointHandlers,
) => Promise<ClipEndpointListener>;
