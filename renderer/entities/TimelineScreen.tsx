/** The Timeline screen. (Being built.) */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { ComingSoon } from '../shell/ComingSoon';

export interface TimelineScreenProps {
  route: Route;
}

export function TimelineScreen({ route }: TimelineScreenProps): JSX.Element {
  void route;
  return (
    <ComingSoon
      title="Timeline"
      what="your events in date order, to see what happened when and who said what at the time."
    />
  );
}
