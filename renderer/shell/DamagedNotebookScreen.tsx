/**
 * The start screen for a notebook that could not be opened (damaged, from a newer Dossier, its latest
 * changes lost): what is wrong, in plain words, and the ways out. Each way out is an API call that
 * reopens the notebook in place; a choice that cannot be taken is shown disabled, with the reason.
 * None of them overwrites the file: the screen says so, because that is what a worried user needs to
 * hear first.
 */
import { useState, type JSX } from 'react';
import type { StartupChoice, StartupState } from '../../shared/areas/startup';
import { api } from '../api';
import './startup.css';

export interface DamagedNotebookScreenProps {
  state: StartupState;
  /** Called with the state after a recovery action succeeded. */
  onRecovered(state: StartupState): void;
}

type Action = 'restore' | 'read-only' | 'keep' | 'start-new';

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

interface ChoiceProps {
  id: string;
  choice: StartupChoice;
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled: boolean;
  primary?: boolean;
  children: React.ReactNode;
  onChoose(): void;
}

function Choice(props: ChoiceProps): JSX.Element {
  const { id, choice, label, busyLabel, busy, disabled, primary, children, onChoose } = props;
  const reasonId = `${id}-reason`;
  return (
    <li className="damaged-choice">
      <button
        type="button"
        className={`button ${primary && choice.available ? 'button-primary' : ''}`}
        data-testid={id}
        disabled={!choice.available || disabled}
        aria-describedby={reasonId}
        onClick={onChoose}
      >
        {busy ? busyLabel : label}
      </button>
      <p id={reasonId} className="damaged-choice-text">
        {choice.available ? children : <span className="muted">{choice.reason}</span>}
      </p>
    </li>
  );
}

export function DamagedNotebookScreen({ state, onRecovered }: DamagedNotebookScreenProps): JSX.Element {
  const [busy, setBusy] = useState<Action | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const problem = state.problem;
  const backup = state.lastGoodBackup;
  // A missing or empty file has nothing to read or keep: the ways out are the backup or a new start.
  const empty = problem?.kind === 'empty';

  const run = (action: Action, call: () => Promise<StartupState>): void => {
    setBusy(action);
    setFailure(null);
    call().then(
      (next) => {
        setBusy(null);
        onRecovered(next);
      },
      (error: Error) => {
        setBusy(null);
        setFailure(error.message);
      },
    );
  };

  return (
    <div className="fatal" data-testid="damaged-notebook" data-kind={problem?.kind}>
      <div className="fatal-card damaged-card" role="alert">
        <h1>{problem?.title ?? 'The notebook could not be opened'}</h1>
        <p className="fatal-message">{problem?.message}</p>
        <p className="damaged-safe">
          {empty
            ? 'Nothing has been written, and your backups are kept whichever you choose.'
            : 'Your notebook file has not been changed, and none of the choices below overwrites it.'}
        </p>
        <ul className="damaged-choices">
          <Choice
            id="restore-last-good"
            choice={state.restore}
            label={empty ? 'Restore the newest good backup' : 'Restore from last good backup'}
            busyLabel="Restoring…"
            busy={busy === 'restore'}
            disabled={busy !== null}
            primary
            onChoose={() => run('restore', () => api.restoreFromLastGoodBackup())}
          >
            {backup && (
              <>
                Backup of <strong data-testid="last-good-backup-date">{formatDate(backup.createdAt)}</strong>{' '}
                (<code>{backup.name}</code>).{' '}
                {empty
                  ? 'It becomes your notebook again; changes made after that backup are not in it.'
                  : 'The current file is renamed and kept beside it; changes made after that backup are not in it.'}
              </>
            )}
          </Choice>
          {empty ? (
            <Choice
              id="start-new-notebook"
              choice={state.startNew}
              label="Start a new, empty notebook"
              busyLabel="Starting…"
              busy={busy === 'start-new'}
              disabled={busy !== null}
              onChoose={() => run('start-new', () => api.startNewNotebook())}
            >
              Begin again with no notes or sources. The backups stay in the backups folder, and the one
              holding the most data is never deleted, so you can still restore it later from Settings.
            </Choice>
          ) : (
            <Choice
              id="open-read-only"
              choice={state.openReadOnly}
              label="Open read-only"
              busyLabel="Opening…"
              busy={busy === 'read-only'}
              disabled={busy !== null}
              onChoose={() => run('read-only', () => api.openReadOnly())}
            >
              Read, search and export what can still be read, from a copy. Nothing can be changed.
            </Choice>
          )}
          {problem?.kind === 'wal-missing' && (
            <Choice
              id="open-without-lost-changes"
              choice={state.openWithoutLostChanges}
              label="Keep using it as it is"
              busyLabel="Opening…"
              busy={busy === 'keep'}
              disabled={busy !== null}
              onChoose={() => run('keep', () => api.openWithoutLostChanges())}
            >
              Continue without the lost changes. A copy of the file is kept aside first.
            </Choice>
          )}
        </ul>
        {failure !== null && (
          <p className="banner banner-error" role="alert" data-testid="recovery-error">
            {failure}
          </p>
        )}
        <details className="damaged-details">
          <summary>Technical details</summary>
          <p>
            Notebook file: <code>{state.databasePath}</code>
          </p>
          {problem && problem.details.length > 0 && (
            <ul>
              {problem.details.map((line, i) => (
                <li key={i}>
                  <code>{line}</code>
                </li>
              ))}
            </ul>
          )}
        </details>
      </div>
    </div>
  );
}
