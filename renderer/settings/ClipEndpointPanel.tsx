/**
 * Settings → Browser clipping: turn the local clip endpoint on or off, pair a browser with a short
 * code, get the bookmarklet, and see or revoke paired browsers.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { ClipEndpointStatus } from '../../shared/areas/clip-endpoint';
import { api } from '../api';

/** After this long without an answer the panel says it is still waiting (the notebook may be busy). */
const SLOW_ANSWER_MS = 4_000;

/** What the panel says about an answer to a change it asked for, when the answer is not what it asked. */
export function answerProblem(asked: { enabled?: boolean }, answer: ClipEndpointStatus): string | null {
  if (asked.enabled !== undefined && answer.enabled !== asked.enabled) {
    return `The notebook answered that browser clipping is still ${answer.enabled ? 'on' : 'off'}; the change was not made. Try again, or restart Dossier.`;
  }
  if (answer.enabled && !answer.running && answer.error === null) {
    return 'Browser clipping is on but its server is not running, and no reason was given. Turn it off and on again, or restart Dossier.';
  }
  return null;
}

/** A change the user asked for: what it asks (for the box and the status line) and the call that makes it. */
interface Change {
  asked: { enabled?: boolean };
  call: () => Promise<ClipEndpointStatus>;
}

function useEndpoint(): {
  status: ClipEndpointStatus | null;
  error: string | null;
  /** The change the box shows until it is answered (the one waiting its turn, else the one in flight), or null. */
  pending: { enabled?: boolean } | null;
  slow: boolean;
  /**
   * Makes a change. While another is on its way, it waits its turn (the latest one asked wins) instead
   * of being dropped: a click on the box right after "Use this port" once did nothing, and the panel
   * then said "Off.".
   */
  run: (asked: { enabled?: boolean }, change: () => Promise<ClipEndpointStatus>) => void;
} {
  const [status, setStatus] = useState<ClipEndpointStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ enabled?: boolean } | null>(null);
  const [slow, setSlow] = useState(false);
  const inFlight = useRef(false);
  const waiting = useRef<Change | null>(null);
  const run = useCallback((asked: { enabled?: boolean }, call: () => Promise<ClipEndpointStatus>) => {
    const begin = (change: Change): void => {
      inFlight.current = true;
      setPending(change.asked);
      setError(null);
      const timer = window.setTimeout(() => setSlow(true), SLOW_ANSWER_MS);
      const done = (): void => {
        window.clearTimeout(timer);
        setSlow(false);
        inFlight.current = false;
        const next = waiting.current;
        waiting.current = null;
        if (next === null) setPending(null);
        else begin(next);
      };
      change.call().then(
        (next) => {
          setStatus(next);
          setError(answerProblem(change.asked, next));
          done();
        },
        (failure: Error) => {
          setError(
            `${change.asked.enabled === true ? 'Browser clipping could not be turned on' : 'The change was not made'}: ${failure.message}`,
          );
          done();
        },
      );
    };
    if (inFlight.current) {
      waiting.current = { asked, call };
      // The box and the status line show the waiting change at once, so the click is never lost.
      setPending(asked);
      return;
    }
    begin({ asked, call });
  }, []);
  useEffect(() => {
    api.getClipEndpoint().then(
      (loaded) => {
        setStatus(loaded);
        setError(answerProblem({}, loaded));
      },
      (failure: Error) => setError(`The browser clipping settings could not be read: ${failure.message}`),
    );
  }, []);
  return { status, error, pending, slow, run };
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
  const { status, error, pending, slow, run } = useEndpoint();
  const busy = pending !== null;
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
          // While the change is on its way the box shows what was asked, so a click never looks ignored.
          checked={pending?.enabled ?? status.enabled}
          aria-busy={busy}
          aria-describedby="clip-endpoint-state"
          onChange={(event) => {
            // Also while another change is on its way: this one then waits its turn (see useEndpoint).
            const enabled = event.target.checked;
            run({ enabled }, () => api.setClipEndpoint({ enabled }));
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
            run({}, () => api.setClipEndpoint({ port: portNumber }));
          }}
        >
          Use this port
        </button>
        {!portValid && <span className="settings-error">Choose a port from 1024 to 65535.</span>}
      </div>
      <p
        id="clip-endpoint-state"
        data-testid="clip-endpoint-state"
        className={status.error && !busy ? 'settings-error' : 'muted'}
        role="status"
      >
        {busy
          ? `${pending.enabled === true ? 'Turning on' : pending.enabled === false ? 'Turning off' : 'Saving'}…${slow ? ' (the notebook is busy; still waiting)' : ''}`
          : (status.error ?? (status.running ? `Listening at ${status.url ?? ''}` : 'Off.'))}
      </p>
      {error && (
        <p className="settings-error" role="alert" data-testid="clip-endpoint-error">
          {error}
        </p>
      )}

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
            onClick={() => run({}, () => api.startClipPairing())}
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
                onClick={() => run({}, () => api.revokeClipClient(client.id))}
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
