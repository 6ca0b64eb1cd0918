/** A tiny HTTP server on 127.0.0.1 for tests of fetching: routes map a path to a handler. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundPolicy } from '../net/outbound';

/** A route handler. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A running test server: its base URL, the paths requested, and close(). */
export interface TestServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1 (never the internet) serving `routes`; others 404. */
export async function startTestServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const route = routes[path];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 1x1 PNG (valid signature and chunks). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The smallest GIF (1x1, transparent). */
export const GIF_1X1 = Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64');

/**
 * The outbound policy for tests against {@link startTestServer}: 127.0.0.1 allowed on purpose, as a
 * user allows an intranet host (everything else stays refused, and nothing leaves the machine).
 */
export const LOCAL_TEST_POLICY = new OutboundPolicy({ allowedHosts: ['127.0.0.1'] });
