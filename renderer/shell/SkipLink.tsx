/**
 * "Skip to content": the first Tab stop of every screen, past the sidebar's nine entries. It moves the
 * focus to what the screen marks as its start (`data-skip-target`, e.g. the library's current row),
 * else to the screen's main region.
 */
import type { JSX } from 'react';

/** The element the skip link focuses on the screen shown now, or null. */
function skipTarget(): HTMLElement | null {
  const shown = (element: HTMLElement): boolean =>
    element.offsetParent !== null || element.tagName === 'MAIN';
  const marked = [...document.querySelectorAll<HTMLElement>('[data-skip-target="true"]')].find(shown);
  if (marked) return marked;
  return (
    [...document.querySelectorAll<HTMLElement>('main')].find((main) => main.closest('[hidden]') === null) ??
    null
  );
}

/** Where the skip link points when followed without script: an empty stop just before the screens. */
export const SKIP_ANCHOR_ID = 'content';

export function SkipLink(): JSX.Element {
  return (
    <a
      className="skip-link"
      href={`#${SKIP_ANCHOR_ID}`}
      data-testid="skip-link"
      onClick={(event) => {
        event.preventDefault();
        const target = skipTarget();
        if (target === null) return;
        if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus();
      }}
    >
      Skip to content
    </a>
  );
}

/** The skip link's anchor (see SKIP_ANCHOR_ID); it holds nothing, so no landmark needs to contain it. */
export function SkipAnchor(): JSX.Element {
  return <span id={SKIP_ANCHOR_ID} className="skip-anchor" tabIndex={-1} />;
}
