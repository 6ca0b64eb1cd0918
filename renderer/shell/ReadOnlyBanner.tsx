/**
 * The strip above the app while the notebook is read-only, and the note left after a recovery saying
 * where the damaged file was kept. Always visible in read-only mode: the user must never type into a
 * notebook that silently does not save.
 */
import { useState, type JSX } from 'react';

export function ReadOnlyBanner({ reason }: { reason: string }): JSX.Element {
  return (
    <div className="startup-banner startup-banner-read-only" role="status" data-testid="read-only-banner">
      <strong>Read-only:</strong> {reason}. You can read, search and export; changes are switched off.
    </div>
  );
}

/** After a restore or keeping a notebook without its lost log: which files were set aside. */
export function KeptAsideNotice({ files }: { files: string[] }): JSX.Element | null {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || files.length === 0) return null;
  return (
    <div className="startup-banner startup-banner-info" role="status" data-testid="kept-aside-notice">
      <span>
        The notebook was recovered. The previous file was kept, not deleted:{' '}
        {files.map((file) => (
          <code key={file}>{file}</code>
        ))}
      </span>
      <button type="button" className="button button-quiet" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
