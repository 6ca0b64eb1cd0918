/**
 * Settings → Clipping from your network: the hosts on this computer or its network that URL clipping
 * may reach on purpose (an intranet wiki, a newsroom archive). Every other page, redirect and image
 * must be on a public address (core/net/outbound.ts).
 */
import { useEffect, useState, type JSX } from 'react';
import { MAX_ALLOWED_LOCAL_HOSTS } from '../../shared/areas/library';
import { api } from '../api';

/** The hosts typed in the box: one a line (commas and spaces separate too), blank lines ignored. */
function hostsOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((host) => host.trim())
    .filter((host) => host !== '');
}

export function ClipNetworkPanel(): JSX.Element {
  const [stored, setStored] = useState<string[] | null>(null);
  // What the user typed; null shows the stored list.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.getClipNetworkSettings().then(
      (settings) => setStored(settings.allowedLocalHosts),
      (failure: Error) => setError(failure.message),
    );
  }, []);

  if (stored === null) {
    return <section className="settings-panel">{error ?? 'Loading…'}</section>;
  }
  const text = draft ?? stored.join('\n');
  const changed = draft !== null && hostsOf(draft).join('\n') !== stored.join('\n');

  const save = (): void => {
    setBusy(true);
    setSaved(false);
    api.setClipNetworkSettings({ allowedLocalHosts: hostsOf(text) }).then(
      (settings) => {
        setStored(settings.allowedLocalHosts);
        setDraft(null);
        setError(null);
        setSaved(true);
        setBusy(false);
      },
      (failure: Error) => {
        setError(failure.message);
        setBusy(false);
      },
    );
  };

  return (
    <section className="settings-panel" data-testid="clip-network-panel" aria-labelledby="clip-network-title">
      <h2 id="clip-network-title">Clipping from your network</h2>
      <p className="muted">
        When you clip a web address, Dossier fetches the page, its redirects and its images only from public
        web addresses. It refuses this computer (localhost, 127.0.0.1), your home or office network (10.x,
        192.168.x …) and cloud metadata addresses, so a page cannot make Dossier read what only your computer
        can reach. If you clip from your own intranet on purpose, list its host names here.
      </p>
      <label htmlFor="clip-network-hosts">Hosts you allow on your network (one a line)</label>
      <textarea
        id="clip-network-hosts"
        className="settings-hosts"
        data-testid="clip-network-hosts"
        rows={4}
        spellCheck={false}
        placeholder={'wiki.intranet\narchive.newsroom.local'}
        value={text}
        disabled={busy}
        onChange={(event) => {
          setDraft(event.target.value);
          setSaved(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && changed) save();
        }}
      />
      <div className="settings-row">
        <button
          type="button"
          className="button"
          data-testid="clip-network-save"
          disabled={busy || !changed}
          onClick={save}
        >
          Save hosts
        </button>
        {changed && (
          <button type="button" className="button button-quiet" onClick={() => setDraft(null)}>
            Undo changes
          </button>
        )}
        <span className="muted">At most {MAX_ALLOWED_LOCAL_HOSTS} hosts.</span>
      </div>
      <p data-testid="clip-network-state" className={error ? 'settings-error' : 'muted'} role="status">
        {error ??
          (saved
            ? stored.length === 0
              ? 'Saved: clipping reaches public addresses only.'
              : `Saved: clipping may also reach ${stored.join(', ')}.`
            : stored.length === 0
              ? 'No hosts allowed: clipping reaches public addresses only.'
              : `Clipping may also reach ${stored.join(', ')}.`)}
      </p>
    </section>
  );
}
