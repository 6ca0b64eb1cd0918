/** The Library screen. (Being built.) */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { ComingSoon } from '../shell/ComingSoon';

export interface LibraryScreenProps {
  route: Route;
}

export function LibraryScreen({ route }: LibraryScreenProps): JSX.Element {
  void route;
  return (
    <ComingSoon
      title="Library"
      what="clip articles from a URL, an HTML page or a file into an offline library, archived as you saw them, with their images and metadata."
    />
  );
}
