/** The placeholder for a screen that is planned but not built yet: says what it will do. */
import type { JSX } from 'react';

export interface ComingSoonProps {
  title: string;
  /** What the screen will let the user do, as one sentence. */
  what: string;
}

export function ComingSoon({ title, what }: ComingSoonProps): JSX.Element {
  return (
    <main className="coming-soon" data-testid="coming-soon">
      <div className="coming-soon-card">
        <h1>{title}</h1>
        <p>
          <strong>Coming soon:</strong> {what}
        </p>
      </div>
    </main>
  );
}
