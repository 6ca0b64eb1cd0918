/**
 * Settings → Browser clipping: turn the local clip endpoint on or off, pair a browser with a short
 * code, get the bookmarklet, and see or revoke paired browsers.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { ClipEndpointStatus } from '../../shared/areas/clip-endpoint';
import { api } from '../api';

function useEndpoint(): {
  status: ClipEndpointStatus | null;
  error: string | null;
  busy: boolean;
  run: (change: () => Promise<ClipEndpointStatus>) => void;
} {
  const [status, setStatus] = useState<ClipEndpointStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback((change: () => Promise<ClipEndpointStatus>) => {
    setBusy(true);
    change().then(
      (next) => {
        setStatus(next);
        setError(null);
        setBusy(false);
      },
      (failure: Error) => {
        setError(failure.message);
        setBusy(false);
      },
    );
  }, []);
  useEffect(() => {
    api.getClipEndpoint().then(setStatus, (failure: Error) => setError(failure.message));
  }, []);
  return { status, error, busy, run };
}

/** A link that can be dragged to the bookmarks bar. React refuses `javascript:` in href, so set it directly. */
function BookmarkletLink({ code }: { code: string }): JSX.Element {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => ref.current?.setAttribute('href', code), [code]);
  return (
    <a
      ref={ref}
      className="bookmarklet"
      data-testid="clip-bookmarklet"
      onClick={(event) => event.preventDefault()}
      title="Drag me to your browser's bookmarks bar"
    >
      Clip to Dossier
    </a>
  );
}

export function ClipEndpointPanel(): JSX.Element {
  const { status, error, busy, run } = useEndpoint();
  // What the user typed into the port field; null shows the stored port.
  const [portDraft, setPort] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (status === null) {
    return <section className="settings-panel">{error ?? 'Loading…'}</section>;
  }
  const port = portDraft ?? String(status.port);
  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535;

  return (
    <section
      className="settings-panel"
      data-testid="clip-endpoint-panel"
      aria-labelledby="clip-endpoint-title"
    >
      <h2 id="clip-endpoint-title">Browser clipping</h2>
      <p className="muted">
        A bookmarklet in your web browser can send the page you are reading to Dossier. Dossier then runs a
        small server on this computer only (127.0.0.1), which accepts pages only from browsers you pair here.
      </p>
      <label className="settings-row">
        <input
          type="checkbox"
          data-testid="clip-endpoint-enabled"
          checked={status.enabled}
          disabled={busy}
          onChange={(event) => {
            const enabled = event.target.checked;
            run(() => api.setClipEndpoint({ enabled }));
          }}
        />
        Accept pages from paired browsers
      </label>
      <div className="settings-row">
        <label htmlFor="clip-port">Port</label>
        <input
          id="clip-port"
          className="settings-port"
          inputMode="numeric"
          value={port}
          onChange={(event) => setPort(event.target.value)}
        />
        <button
          type="button"
          className="button"
          disabled={busy || !portValid || portNumber === status.port}
          onClick={() => {
            setPort(null);
            run(() => api.setClipEndpoint({ port: portNumber }));
          }}
        >
          Use this port
        </button>
        {!portValid && <span className="settings-error">Choose a port from 1024 to 65535.</span>}
      </div>
      <p data-testid="clip-endpoint-state" className={status.error ? 'settings-error' : 'muted'}>
        {status.error ?? (status.running ? `Listening at ${status.url ?? ''}` : 'Off.')}
      </p>
      {error && <p className="settings-error">{error}</p>}

      {status.enabled && (
        <>
          <h3>1. Pair your browser</h3>
          <p className="muted">
            Press the button, open <code>{`http://127.0.0.1:${status.port}/`}</code> in your browser and type
            the code there. The code works once, for five minutes.
          </p>
          <button
            type="button"
            className="button button-primary"
            data-testid="clip-start-pairing"
            disabled={busy || !status.running}
            onClick={() => run(() => api.startClipPairing())}
          >
            Pair a browser
          </button>
          {status.pairing && (
            <p className="pairing-code" data-testid="clip-pairing-code" aria-live="polite">
              {status.pairing.code}
            </p>
          )}

          <h3>2. Add the bookmarklet</h3>
          <p className="muted">
            Drag this link to your bookmarks bar, or copy it into a new bookmark&apos;s address. On an
            article, click the bookmark and confirm in the small window that opens.
          </p>
          <div className="settings-row">
            <BookmarkletLink code={status.bookmarklet} />
            <button
              type="button"
              className="button"
              onClick={() =>
                void navigator.clipboard.writeText(status.bookmarklet).then(() => setCopied(true))
              }
            >
              {copied ? 'Copied' : 'Copy bookmarklet'}
            </button>
          </div>
        </>
      )}

      <h3>Paired browsers</h3>
      {status.clients.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="settings-list" data-testid="clip-clients">
          {status.clients.map((client) => (
            <li key={client.id}>
              <span className="settings-list-name" title={client.name}>
                {client.name}
              </span>
              <span className="muted">
                paired {new Date(client.createdAt).toLocaleDateString()}
                {client.lastUsedAt ? `, last clip ${new Date(client.lastUsedAt).toLocaleString()}` : ''}
              </span>
              <button
                type="button"
                className="button button-quiet"
                disabled={busy}
                onClick={() => run(() => api.revokeClipClient(client.id))}
              >
                Unpair
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
