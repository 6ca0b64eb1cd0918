/** The screens of the sidebar, in order, with what each planned one will do. */
import type { ReactNode } from 'react';
import { TrashIcon } from './icons';

export type SectionId = 'library' | 'notes' | 'people' | 'events' | 'timeline' | 'search' | 'trash';

export interface Section {
  id: SectionId;
  label: string;
  icon: ReactNode;
  /** For screens not built yet: the "Coming soon" sentence. */
  comingSoon?: string;
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'library',
    label: 'Library',
    icon: '▤',
    comingSoon:
      'clip articles from a URL, an HTML page or a file into an offline library, archived as you saw them, with their images and metadata.',
  },
  { id: 'notes', label: 'Notes', icon: '✎' },
  {
    id: 'people',
    label: 'People',
    icon: '☺',
    comingSoon:
      'everyone quoted or mentioned in your sources, with each quote attributed to its speaker and linked to the exact passage it came from.',
  },
  {
    id: 'events',
    label: 'Events',
    icon: '◆',
    comingSoon:
      'the events and dates your sources talk about, with who was involved and where each is reported.',
  },
  {
    id: 'timeline',
    label: 'Timeline',
    icon: '⟶',
    comingSoon: 'your events in date order, to see what happened when and who said what at the time.',
  },
  {
    id: 'search',
    label: 'Search',
    icon: '⌕',
    comingSoon: 'full-text search across notes and clipped sources, filtered by person, source and date.',
  },
];

/** Shown apart from the main screens, at the bottom of the sidebar. */
export const TRASH_SECTION: Section = { id: 'trash', label: 'Trash', icon: <TrashIcon /> };
