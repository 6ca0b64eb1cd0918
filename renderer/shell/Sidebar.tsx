/** The app's main navigation and, at its foot, which notebook is open (from getAppInfo). */
import type { JSX } from 'react';
import type { AppInfo } from '../../shared/model';
import { SECTIONS, SETTINGS_SECTION, TRASH_SECTION, type Section, type SectionId } from './sections';

export interface SidebarProps {
  current: SectionId;
  onSelect(id: SectionId): void;
  appInfo: AppInfo;
}

function NavItem({
  section,
  current,
  onSelect,
}: {
  section: Section;
  current: SectionId;
  onSelect(id: SectionId): void;
}) {
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        data-testid={`nav-${section.id}`}
        aria-current={section.id === current ? 'page' : undefined}
        onClick={() => onSelect(section.id)}
      >
        <span className="nav-icon" aria-hidden="true">
          {section.icon}
        </span>
        {section.label}
      </button>
    </li>
  );
}

export function Sidebar({ current, onSelect, appInfo }: SidebarProps): JSX.Element {
  return (
    <nav className="sidebar" aria-label="Dossier">
      <div className="brand">Dossier</div>
      <ul className="nav-list">
        {SECTIONS.map((section) => (
          <NavItem key={section.id} section={section} current={current} onSelect={onSelect} />
        ))}
      </ul>
      <ul className="nav-list nav-list-bottom">
        <NavItem section={TRASH_SECTION} current={current} onSelect={onSelect} />
        <NavItem section={SETTINGS_SECTION} current={current} onSelect={onSelect} />
      </ul>
      <footer className="app-info" data-testid="app-info" title={appInfo.databasePath}>
        <div>
          Dossier {appInfo.version} · {appInfo.host}
        </div>
        <div>
          Schema {appInfo.schemaVersion}/{appInfo.latestSchemaVersion} · SQLite {appInfo.sqliteVersion}
        </div>
        <div className="app-info-dir">Data: {appInfo.dataDir}</div>
      </footer>
    </nav>
  );
}
