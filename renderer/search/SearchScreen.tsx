/** The Search screen. (Being built.) */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { ComingSoon } from '../shell/ComingSoon';

export interface SearchScreenProps {
  route: Route;
}

export function SearchScreen({ route }: SearchScreenProps): JSX.Element {
  void route;
  return (
    <ComingSoon
      title="Search"
      what="full-text search across notes and clipped sources, filtered by person, source and date."
    />
  );
}
