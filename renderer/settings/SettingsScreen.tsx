/** The Settings screen: one panel per area that has preferences. */
import type { JSX } from 'react';
import type { Route } from '../shell/navigation';
import { BackupPanel } from './BackupPanel';
import { ClipEndpointPanel } from './ClipEndpointPanel';
import { ClipNetworkPanel } from './ClipNetworkPanel';
import { ExportPanel } from './ExportPanel';
import './settings.css';

export interface SettingsScreenProps {
  route: Route;
}

export function SettingsScreen({ route }: SettingsScreenProps): JSX.Element {
  void route;
  return (
    <main className="settings" data-testid="settings-screen">
      <h1>Settings</h1>
      <ClipEndpointPanel />
      <ClipNetworkPanel />
      <BackupPanel />
      <ExportPanel />
    </main>
  );
}
