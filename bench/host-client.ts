/** A minimal Node client of the browser host's API, as the renderer's web client talks to it. */
import { API_PATH_PREFIX, TOKEN_META_NAME, type RpcOutcome } from '../shared/rpc';

export class HostClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Reads the per-launch token from the served page, as the renderer does. */
  static async connect(url: string): Promise<HostClient> {
    const html = await (await fetch(url)).text();
    const match = new RegExp(`<meta name="${TOKEN_META_NAME}" content="([^"]+)"`).exec(html);
    if (!match) throw new Error(`no token meta tag in the page served at ${url}`);
    return new HostClient(url.replace(/\/$/, ''), match[1]!);
  }

  /** Calls one API method; throws with the API's message when it fails. */
  async call(method: string, args: unknown[]): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${API_PATH_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ args }),
    });
    const outcome = (await response.json()) as RpcOutcome;
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.result;
  }
}
