/** The Events screen. (Being built.) */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { ComingSoon } from '../shell/ComingSoon';

export interface EventsScreenProps {
  route: Route;
}

export function EventsScreen({ route }: EventsScreenProps): JSX.Element {
  void route;
  return (
    <ComingSoon
      title="Events"
      what="the events and dates your sources talk about, with who was involved and where each is reported."
    />
  );
}
