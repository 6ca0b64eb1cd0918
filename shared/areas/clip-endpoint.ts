/**
 * The clip endpoint area: a small local web server (off by default) that a bookmarklet in the user's
 * browser sends pages to. It listens on 127.0.0.1 only. A browser is paired once by typing a short,
 * single-use code shown in Settings into the endpoint's own page; that page then holds a 256-bit token
 * and sends it in the Authorization header only. See electron/core/clip-endpoint for the defences.
 */

import type { IsoTimestamp } from '../model';
import type { SetClipEndpointInput } from './clip-endpoint.args';

// The argument types are inferred from the schemas (see the .args file); the UI imports them from here.
export type { SetClipEndpointInput };

/** The port the endpoint uses unless the user picks another (stable, so bookmarklets keep working). */
export const DEFAULT_CLIP_PORT = 47_321;

/** A browser that was paired with the endpoint. */
export interface ClipClient {
  id: string;
  /** What the browser called itself when pairing (its user agent, shortened), or a name the user gave. */
  name: string;
  createdAt: IsoTimestamp;
  lastUsedAt: IsoTimestamp | null;
}

/** A pairing in progress: the code to type into the endpoint's page, valid once and briefly. */
export interface ClipPairing {
  code: string;
  expiresAt: IsoTimestamp;
}

/** The endpoint's state, for the Settings screen. */
export interface ClipEndpointStatus {
  enabled: boolean;
  port: number;
  /** True when the server is listening (it may be enabled but failed to start, see `error`). */
  running: boolean;
  /** Why the server is not running although enabled (e.g. the port is taken), or null. */
  error: string | null;
  /** The endpoint's page (where pairing happens), or null when not running. */
  url: string | null;
  /** The bookmarklet to drag to the bookmarks bar (a `javascript:` URL), for the current port. */
  bookmarklet: string;
  clients: ClipClient[];
  pairing: ClipPairing | null;
}

/** Methods of the clip endpoint area. */
export interface ClipEndpointApi {
  /** The endpoint's state. */
  getClipEndpoint(): Promise<ClipEndpointStatus>;
  /** Turns the endpoint on or off and/or moves it to another port; answers the new state. */
  setClipEndpoint(input: SetClipEndpointInput): Promise<ClipEndpointStatus>;
  /** Starts pairing a browser: a fresh single-use code, valid for a few minutes. */
  startClipPairing(): Promise<ClipEndpointStatus>;
  /** Forgets a paired browser; its token stops working at once. */
  revokeClipClient(id: string): Promise<ClipEndpointStatus>;
}

/** The clip endpoint area's methods, in the order hosts register them. */
export const CLIP_ENDPOINT_METHODS = [
  'getClipEndpoint',
  'setClipEndpoint',
  'startClipPairing',
  'revokeClipClient',
] as const satisfies readonly (keyof ClipEndpointApi)[];
