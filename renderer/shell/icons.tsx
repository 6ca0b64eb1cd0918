/**
 * Line icons drawn inline as SVG: no icon font or image requests (the app is offline and its CSP allows
 * no external sources), and they follow the text colour in both themes.
 */
import type { JSX, ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }): JSX.Element {
  return (
    <svg
      className="icon"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const TrashIcon = (): JSX.Element => (
  <Icon>
    <path d="M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14M10 11v6M14 11v6" />
  </Icon>
);

export const LinkIcon = (): JSX.Element => (
  <Icon>
    <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
    <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
  </Icon>
);

export const UndoIcon = (): JSX.Element => (
  <Icon>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h11a5 5 0 0 1 0 10h-3" />
  </Icon>
);

export const RedoIcon = (): JSX.Element => (
  <Icon>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9a5 5 0 0 0 0 10h3" />
  </Icon>
);

export const BulletListIcon = (): JSX.Element => (
  <Icon>
    <path d="M9 6h12M9 12h12M9 18h12" />
    <circle cx="4" cy="6" r="1" fill="currentColor" />
    <circle cx="4" cy="12" r="1" fill="currentColor" />
    <circle cx="4" cy="18" r="1" fill="currentColor" />
  </Icon>
);

export const NumberedListIcon = (): JSX.Element => (
  <Icon>
    <path d="M10 6h11M10 12h11M10 18h11M4 4v4M3 8h2M3 14.5a1.5 1.5 0 0 1 3 0c0 1.5-3 2-3 3.5h3" />
  </Icon>
);

export const QuoteIcon = (): JSX.Element => (
  <Icon>
    <path d="M4 17v-4a6 6 0 0 1 4-6M14 17v-4a6 6 0 0 1 4-6" />
    <path d="M4 13h5v4H4zM14 13h5v4h-5z" />
  </Icon>
);
