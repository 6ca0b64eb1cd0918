/**
 * Whether a mouse event over a list comes from the pointer really moving.
 *
 * Chromium sends mouseover, mouseenter and mousemove to whatever comes to lie under a pointer at rest
 * when the page changes (a menu opening below the caret where the user last clicked, results filling
 * in). A list that highlights the hovered row on those events steals the keyboard's highlight, and
 * Enter then picks a row the user never chose. Lists highlight on `mousemove` only when this says the
 * pointer moved since the last mouse event anywhere on the page.
 */
type Point = { x: number; y: number };

let previous: Point | null = null;
let latest: Point | null = null;

function record(event: MouseEvent): void {
  previous = latest;
  latest = { x: event.clientX, y: event.clientY };
}

// Capture on the window runs before any element's handler, so by the time a list row sees the event,
// `latest` is this event and `previous` the one before it.
if (typeof window !== 'undefined') {
  window.addEventListener('mousemove', record, { capture: true, passive: true });
  window.addEventListener('mousedown', record, { capture: true, passive: true });
}

/** True when the pointer moved between the mouse event before this one and this one. */
export function pointerMoved(event: { clientX: number; clientY: number }): boolean {
  // An event that did not pass the window (none seen yet): nothing to compare with, so it counts.
  if (latest === null || latest.x !== event.clientX || latest.y !== event.clientY) return true;
  // The first mouse event of the page may be the page changing under a pointer that has not moved yet.
  return previous !== null && (previous.x !== latest.x || previous.y !== latest.y);
}
