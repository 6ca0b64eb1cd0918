/** The People screen. (Being built.) */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { ComingSoon } from '../shell/ComingSoon';

export interface PeopleScreenProps {
  route: Route;
}

export function PeopleScreen({ route }: PeopleScreenProps): JSX.Element {
  void route;
  return (
    <ComingSoon
      title="People"
      what="everyone quoted or mentioned in your sources, with each quote attributed to its speaker and linked to the exact passage it came from."
    />
  );
}
