/** Shown when the open note was saved from somewhere else: the user decides which version wins. */
import type { JSX } from 'react';

export interface ConflictBannerProps {
  onLoadNewer(): void;
  onKeepMine(): void;
}

export function ConflictBanner({ onLoadNewer, onKeepMine }: ConflictBannerProps): JSX.Element {
  return (
    <div className="banner banner-warning" role="alert" data-testid="conflict-banner">
      <p>This note was changed elsewhere (another window or tab). Your text is kept; choose:</p>
      <div className="banner-actions">
        <button type="button" className="button" data-testid="conflict-load-newer" onClick={onLoadNewer}>
          Load the newer version
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="conflict-keep-mine"
          onClick={onKeepMine}
        >
          Keep mine (overwrite)
        </button>
      </div>
    </div>
  );
}
