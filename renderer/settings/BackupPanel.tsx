/**
 * Settings → Backups: the notebook's backups (date, kind, size, integrity), "Back up now" with its
 * progress, how often automatic backups run and how many are kept, checking a backup again, and
 * restoring one after a confirmation. Restoring replaces everything the app shows, so the window
 * reloads afterwards.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { BackupInfo, BackupKind, BackupList } from '../../shared/areas/backup';
import { formatBytes } from '../../shared/format-bytes';
import { api } from '../api';
import './backup.css';

const SCHEDULES: { hours: number; label: string }[] = [
  { hours: 0, label: 'Off' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 12, label: 'Every 12 hours' },
  { hours: 24, label: 'Daily' },
  { hours: 72, label: 'Every 3 days' },
  { hours: 168, label: 'Weekly' },
];

const KIND_LABELS: Record<BackupKind, string> = {
  auto: 'Automatic',
  manual: 'Manual',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
};

function IntegrityBadge({ backup }: { backup: BackupInfo }): JSX.Element {
  const title = backup.checkedAt ? `Checked ${new Date(backup.checkedAt).toLocaleString()}` : 'Never checked';
  const text = { ok: 'OK', damaged: 'Damaged', unchecked: 'Not checked' }[backup.integrity];
  return (
    <span className={`backup-integrity backup-integrity-${backup.integrity}`} title={title}>
      {text}
    </span>
  );
}

/** Loads the list and keeps polling it while a backup runs, so progress shows. */
function useBackups(): {
  list: BackupList | null;
  error: string | null;
  setError: (error: string | null) => void;
  refresh: () => Promise<void>;
  setPolling: (on: boolean) => void;
} {
  const [list, setList] = useState<BackupList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [polling, setPolling] = useState(false);
  const refresh = useCallback(
    () => api.listBackups().then(setList, (failure: Error) => setError(failure.message)),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!polling && list?.running !== true) return undefined;
    const timer = setInterval(() => void refresh(), 400);
    return () => clearInterval(timer);
  }, [polling, list?.running, refresh]);
  return { list, error, setError, refresh, setPolling };
}

export function BackupPanel(): JSX.Element {
  const { list, error, setError, refresh, setPolling } = useBackups();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const act = (label: string, task: () => Promise<unknown>, after?: () => void): void => {
    setBusy(label);
    setError(null);
    setMessage(null);
    task().then(
      () => {
        setBusy(null);
        after?.();
        void refresh();
      },
      (failure: Error) => {
        setBusy(null);
        setError(failure.message);
        void refresh();
      },
    );
  };

  if (list === null) {
    return <section className="settings-panel">{error ?? 'Loading…'}</section>;
  }
  const running = busy === 'backup' || list.running;
  const percent = Math.round((list.progress ?? 0) * 100);

  return (
    <section className="settings-panel" data-testid="backup-panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backups</h2>
      <p className="muted">
        Dossier copies your whole notebook into <code>{list.folder}</code> and checks each copy. You can keep
        working while a backup is written.
      </p>

      <div className="settings-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="backup-now"
          disabled={busy !== null || list.running}
          onClick={() => {
            setPolling(true);
            act(
              'backup',
              () => api.backupNow().finally(() => setPolling(false)),
              () => setMessage('Backup written and checked.'),
            );
          }}
        >
          {running ? 'Backing up…' : 'Back up now'}
        </button>
        {running && (
          <progress className="backup-progress" data-testid="backup-progress" max={100} value={percent}>
            {percent}%
          </progress>
        )}
      </div>

      <div className="settings-row">
        <label htmlFor="backup-every">Automatic backups</label>
        <select
          id="backup-every"
          data-testid="backup-every"
          value={list.settings.everyHours}
          disabled={busy !== null}
          onChange={(event) => {
            const everyHours = Number(event.target.value);
            act('settings', () => api.setBackupSettings({ everyHours }));
          }}
        >
          {SCHEDULES.some((s) => s.hours === list.settings.everyHours) ? null : (
            <option value={list.settings.everyHours}>Every {list.settings.everyHours} hours</option>
          )}
          {SCHEDULES.map((schedule) => (
            <option key={schedule.hours} value={schedule.hours}>
              {schedule.label}
            </option>
          ))}
        </select>
        <label htmlFor="backup-keep">Keep</label>
        <input
          id="backup-keep"
          data-testid="backup-keep"
          className="settings-port"
          type="number"
          min={1}
          max={100}
          defaultValue={list.settings.keep}
          key={list.settings.keep}
          disabled={busy !== null}
          onBlur={(event) => {
            const keep = Number(event.target.value);
            if (Number.isInteger(keep) && keep >= 1 && keep <= 100 && keep !== list.settings.keep) {
              act('settings', () => api.setBackupSettings({ keep }));
            }
          }}
        />
        <span>backups</span>
      </div>
      <p className="muted" data-testid="backup-schedule">
        {list.nextBackupAt
          ? `Next automatic backup: ${new Date(list.nextBackupAt).toLocaleString()}.`
          : list.settings.everyHours === 0
            ? 'Automatic backups are off.'
            : 'Automatic backups run while the app is open.'}
      </p>
      {list.lastError && <p className="settings-error">The last automatic backup failed: {list.lastError}</p>}
      {message && (
        <p className="backup-message" data-testid="backup-message" aria-live="polite">
          {message}
        </p>
      )}
      {error && (
        <p className="settings-error" data-testid="backup-error" role="alert">
          {error}
        </p>
      )}

      {confirming && (
        <div
          className="backup-confirm"
          role="alertdialog"
          aria-labelledby="backup-confirm-text"
          data-testid="backup-confirm"
        >
          <p id="backup-confirm-text">
            Replace everything in this notebook with the backup from{' '}
            <strong>{new Date(confirming.createdAt).toLocaleString()}</strong>? The notebook as it is now is
            saved as a backup first, so you can undo this.
          </p>
          <div className="settings-row">
            <button
              type="button"
              className="button button-danger"
              data-testid="backup-confirm-restore"
              disabled={busy !== null}
              onClick={() => {
                const chosen = confirming;
                act(
                  'restore',
                  () => api.restoreBackup(chosen.name),
                  () => {
                    setConfirming(null);
                    setMessage('Restored. Reloading…');
                    // Every screen shows what it loaded before; start them afresh on the restored notebook.
                    setTimeout(() => window.location.reload(), 800);
                  },
                );
              }}
            >
              {busy === 'restore' ? 'Restoring…' : 'Restore'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={() => setConfirming(null)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}

      <h3>Your backups</h3>
      {list.backups.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="backup-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>Made</th>
              <th>Kind</th>
              <th>Size</th>
              <th>Integrity</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.name} data-testid="backup-row" data-name={backup.name}>
                <td title={backup.name}>{new Date(backup.createdAt).toLocaleString()}</td>
                <td>{KIND_LABELS[backup.kind]}</td>
                <td>{formatBytes(backup.sizeBytes)}</td>
                <td>
                  <IntegrityBadge backup={backup} />
                </td>
                <td className="backup-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={busy !== null}
                    onClick={() => act(`check ${backup.name}`, () => api.verifyBackup(backup.name))}
                  >
                    Check
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    data-testid="backup-restore"
                    disabled={busy !== null || backup.integrity === 'damaged'}
                    onClick={() => setConfirming(backup)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
