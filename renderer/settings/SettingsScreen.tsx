/** The Settings screen. (Being built.) */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { ComingSoon } from '../shell/ComingSoon';

export interface SettingsScreenProps {
  route: Route;
}

export function SettingsScreen({ route }: SettingsScreenProps): JSX.Element {
  void route;
  return <ComingSoon title="Settings" what="backups, the browser clip endpoint and other preferences." />;
}
