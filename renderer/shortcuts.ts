/**
 * Keyboard shortcuts shared by the toolbar tooltips and the global key handler, so what a tooltip
 * promises is what the handler does.
 */

/** True on macOS/iOS, where the Command key plays Ctrl's role. */
export const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const MOD = IS_APPLE ? '⌘' : 'Ctrl';
const ALT = IS_APPLE ? '⌥' : 'Alt';
const SHIFT = IS_APPLE ? '⇧' : 'Shift';

/** Human labels for each shortcut, for tooltips and aria-keyshortcuts-like hints. */
export const SHORTCUT_LABELS = {
  // Browsers keep Ctrl+N for a new window and never pass it to the page; Ctrl+Alt+N always works.
  newNote: `${MOD}+N or ${MOD}+${ALT}+N`,
  save: `${MOD}+S`,
  bold: `${MOD}+B`,
  italic: `${MOD}+I`,
  // Ctrl/⌘+K is the command palette everywhere (the editor included); the link box takes Shift too.
  link: `${MOD}+${SHIFT}+K`,
  palette: `${MOD}+K`,
  undo: `${MOD}+Z`,
  redo: IS_APPLE ? `${MOD}+${SHIFT}+Z` : `${MOD}+Y or ${MOD}+${SHIFT}+Z`,
} as const;

/** True when Ctrl (or ⌘ on Apple) is held. */
export function hasModifier(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey'>): boolean {
  return IS_APPLE ? event.metaKey : event.ctrlKey;
}

type Key = Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code' | 'key'>;

/** Ctrl/⌘+N or Ctrl/⌘+Alt+N. `code` is used because Alt changes `key` on some layouts (⌥N is "˜"). */
export function isNewNoteKey(event: Key): boolean {
  return hasModifier(event) && !event.shiftKey && (event.code === 'KeyN' || event.key.toLowerCase() === 'n');
}

/** Ctrl/⌘+S. */
export function isSaveKey(event: Key): boolean {
  return (
    hasModifier(event) && !event.altKey && !event.shiftKey && (event.code === 'KeyS' || event.key === 's')
  );
}

/** Ctrl/⌘+K without Alt or Shift: the command palette, wherever the focus is. */
export function isPaletteKey(event: Key): boolean {
  return (
    hasModifier(event) &&
    !event.altKey &&
    !event.shiftKey &&
    (event.code === 'KeyK' || event.key.toLowerCase() === 'k')
  );
}

/** Ctrl/⌘+Shift+K: the editor's link box. */
export function isLinkKey(event: Key): boolean {
  return (
    hasModifier(event) &&
    !event.altKey &&
    event.shiftKey &&
    (event.code === 'KeyK' || event.key.toLowerCase() === 'k')
  );
}
