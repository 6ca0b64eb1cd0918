/** The screens of the sidebar, in order. */
import type { ReactNode } from 'react';
import { TrashIcon } from './icons';

export type SectionId =
  'library' | 'notes' | 'people' | 'events' | 'timeline' | 'search' | 'settings' | 'trash';

export interface Section {
  id: SectionId;
  label: string;
  icon: ReactNode;
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'library',
    label: 'Library',
    icon: '▤',
  },
  { id: 'notes', label: 'Notes', icon: '✎' },
  {
    id: 'people',
    label: 'People',
    icon: '☺',
  },
  {
    id: 'events',
    label: 'Events',
    icon: '◆',
  },
  {
    id: 'timeline',
    label: 'Timeline',
    icon: '⟶',
  },
  {
    id: 'search',
    label: 'Search',
    icon: '⌕',
  },
];

/** Shown apart from the main screens, at the bottom of the sidebar. */
export const TRASH_SECTION: Section = { id: 'trash', label: 'Trash', icon: <TrashIcon /> };
export const SETTINGS_SECTION: Section = { id: 'settings', label: 'Settings', icon: '⚙' };
