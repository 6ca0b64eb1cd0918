/**
 * The clip endpoint area of the core: keeps the endpoint's settings (on/off, port, paired browsers by
 * token digest) in the notebook, has the host's listener (`ctx.hooks.listenClipEndpoint`, an HTTP
 * server in `electron/host-shared/clip-endpoint/`) running while enabled, answers pairing and token
 * checks, and files what it receives through the library's normal clip pipeline. It starts by itself
 * only in the app's hosts (Electron, browser host), never for a CLI command.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_CLIP_PORT,
  type ClipClient,
  type ClipEndpointApi,
  type ClipEndpointStatus,
  type SetClipEndpointInput,
} from '../../../shared/areas/clip-endpoint';
import type { ClipResult } from '../../../shared/areas/library';
import { ApiError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { SettingsRepo } from '../db/settings-repo';
import { createToken, tokenDigest, tokenMatches } from '../tokens';
import { bookmarkletFor, endpointOrigin } from './bookmarklet';
import { endpointClipOfBody, endpointPaste } from './body';
import type { ClipEndpointListener, EndpointClip } from './listener';
import { Pairing, type PairingRefusal } from './pairing';

const SETTINGS_KEY = 'clipEndpoint';

interface StoredClient extends ClipClient {
  /** sha256 of the token, hex. The token itself is never stored. */
  tokenDigest: string;
}

interface EndpointSettings {
  enabled: boolean;
  port: number;
  clients: StoredClient[];
}

const REFUSALS: Record<PairingRefusal, string> = {
  'no-pairing': 'No pairing is in progress. In Dossier, press "Pair a browser" to get a code.',
  expired: 'That code has expired. In Dossier, press "Pair a browser" for a new one.',
  'wrong-code': 'That code is not right. Check it and try again.',
  'too-many-attempts': 'Too many wrong codes; the pairing was cancelled. Start a new one in Dossier.',
};

/** What the endpoint's page is told about a filed clip. */
function answer(result: ClipResult): { status: string; id: string; title: string } {
  if (result.status === 'duplicate') {
    return { status: 'duplicate', id: result.duplicateOf.id, title: result.duplicateOf.title };
  }
  return { status: result.status, id: result.source.id, title: result.source.title };
}

/** Implements {@link ClipEndpointApi} on one open notebook. */
export class ClipEndpointService implements ClipEndpointApi {
  private readonly settings: SettingsRepo;
  private readonly pairing = new Pairing();
  private server: ClipEndpointListener | null = null;
  private error: string | null = null;
  /** The start or stop in progress, so changes apply one after another. */
  private transition: Promise<void> = Promise.resolve();
  private closed = false;

  /**
   * `readOnlyReason` set: the notebook is open read-only (damaged, newer or write-protected), so the
   * endpoint stays off even if it was left on: a page posted to it could not be stored.
   */
  constructor(
    private readonly ctx: CoreContext,
    readOnlyReason: string | null = null,
  ) {
    this.settings = new SettingsRepo(ctx.db);
    if (readOnlyReason !== null) {
      if (this.load().enabled) {
        this.error = 'The clip endpoint is off while this notebook is open read-only.';
      }
      return;
    }
    if ((ctx.host === 'electron' || ctx.host === 'web') && this.load().enabled) this.apply();
  }

  private load(): EndpointSettings {
    const stored = this.settings.get<Partial<EndpointSettings>>(SETTINGS_KEY, {});
    return {
      enabled: stored.enabled === true,
      port: typeof stored.port === 'number' ? stored.port : DEFAULT_CLIP_PORT,
      clients: Array.isArray(stored.clients) ? stored.clients : [],
    };
  }

  private save(settings: EndpointSettings): void {
    this.settings.set(SETTINGS_KEY, settings);
  }

  /** Brings the server in line with the settings (start, stop or move), one change at a time. */
  private apply(): Promise<void> {
    this.transition = this.transition.then(async () => {
      const { enabled, port } = this.load();
      const wanted = enabled && !this.closed;
      if (this.server !== null && (!wanted || this.server.port !== port)) {
        await this.server.stop();
        this.server = null;
      }
      const listen = this.ctx.hooks.listenClipEndpoint;
      if (wanted && this.server === null && listen === undefined) {
        this.error =
          'This Dossier runs without the clip endpoint server; use the desktop app or `npm run web`.';
      } else if (wanted && this.server === null && listen !== undefined) {
        try {
          this.server = await listen(port, {
            authorize: (token) => this.authorize(token),
            pair: (code, name) => this.pair(code, name),
            clip: (clientId, clip) => this.clip(clientId, clip),
            clipBody: (clientId, body) => this.clipBody(clientId, body),
          });
          this.error = null;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          this.error =
            code === 'EADDRINUSE'
              ? `Port ${port} is in use by another program (or another Dossier). Choose another port.`
              : `The clip endpoint could not start: ${String(error)}`;
        }
      } else if (!wanted) {
        this.error = null;
      }
    });
    return this.transition;
  }

  private status(): ClipEndpointStatus {
    const settings = this.load();
    const active = this.pairing.active();
    return {
      enabled: settings.enabled,
      port: settings.port,
      running: this.server !== null,
      error: this.error,
      url: this.server === null ? null : `${endpointOrigin(this.server.port)}/`,
      bookmarklet: bookmarkletFor(settings.port),
      clients: settings.clients.map(({ id, name, createdAt, lastUsedAt }) => ({
        id,
        name,
        createdAt,
        lastUsedAt,
      })),
      pairing:
        active === null ? null : { code: active.code, expiresAt: new Date(active.expiresAt).toISOString() },
    };
  }

  private authorize(token: string): string | null {
    for (const client of this.load().clients) {
      if (tokenMatches(token, Buffer.from(client.tokenDigest, 'hex'))) return client.id;
    }
    return null;
  }

  private pair(code: string, name: string): { token: string } | { refused: string } {
    const outcome = this.pairing.redeem(code);
    if (outcome !== true) return { refused: REFUSALS[outcome] };
    const token = createToken();
    const settings = this.load();
    settings.clients.push({
      id: randomUUID(),
      name: name.trim() === '' ? 'Browser' : name.trim(),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      tokenDigest: tokenDigest(token).toString('hex'),
    });
    this.save(settings);
    return { token };
  }

  private async clip(
    clientId: string,
    clip: EndpointClip,
  ): Promise<{ status: string; id: string; title: string }> {
    this.used(clientId);
    const { input, provenance } = endpointPaste(clip);
    return answer(await this.ctx.hooks.clipPaste(input, provenance));
  }

  /** A long clip's request body, read by the library in the worker that prepares it (see body.ts). */
  private async clipBody(
    clientId: string,
    body: Uint8Array,
  ): Promise<{ status: string; id: string; title: string }> {
    const clipEndpointBody = this.ctx.hooks.clipEndpointBody;
    if (clipEndpointBody === undefined) return this.clip(clientId, endpointClipOfBody(body));
    this.used(clientId);
    return answer(await clipEndpointBody(body));
  }

  /** Notes when a paired browser last sent a clip. */
  private used(clientId: string): void {
    const settings = this.load();
    const client = settings.clients.find((c) => c.id === clientId);
    if (client) {
      client.lastUsedAt = new Date().toISOString();
      this.save(settings);
    }
  }

  /** @inheritdoc */
  async getClipEndpoint(): Promise<ClipEndpointStatus> {
    await this.transition;
    return this.status();
  }

  /** @inheritdoc */
  async setClipEndpoint(input: SetClipEndpointInput): Promise<ClipEndpointStatus> {
    const settings = this.load();
    if (input.enabled !== undefined) settings.enabled = input.enabled;
    if (input.port !== undefined) settings.port = input.port;
    this.save(settings);
    await this.apply();
    return this.status();
  }

  /** @inheritdoc */
  async startClipPairing(): Promise<ClipEndpointStatus> {
    if (!this.load().enabled) {
      throw new ApiError('INVALID_ARGUMENT', 'Turn the clip endpoint on before pairing a browser.');
    }
    this.pairing.start();
    return this.getClipEndpoint();
  }

  /** @inheritdoc */
  async revokeClipClient(id: string): Promise<ClipEndpointStatus> {
    const settings = this.load();
    const remaining = settings.clients.filter((c) => c.id !== id);
    if (remaining.length === settings.clients.length) {
      throw new ApiError('NOT_FOUND', 'That browser is not paired (any more).');
    }
    this.save({ ...settings, clients: remaining });
    return this.getClipEndpoint();
  }

  /** Stops the server (the notebook is closing). */
  async close(): Promise<void> {
    this.closed = true;
    await this.apply();
  }
}
