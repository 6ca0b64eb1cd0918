/** The Entity screen. (Being built.) */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { ComingSoon } from '../shell/ComingSoon';

export interface EntityScreenProps {
  route: Route;
}

export function EntityScreen({ route }: EntityScreenProps): JSX.Element {
  void route;
  return (
    <ComingSoon
      title="Entity"
      what="a page for each person, place, organisation or event: names, quotes, mentions and events."
    />
  );
}
