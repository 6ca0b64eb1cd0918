/**
 * The main window. Every BrowserWindow is created here, with {@link secureWebPreferences}.
 */
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './security';

/** Where the window gets its preload and its page. */
export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The UI's entry URL: app://dossier/index.html, or the dev server in development. */
  url: string;
  /** The window's icon (Linux and Windows show it; macOS uses the app bundle's). */
  icon?: string;
}

/** Opens the main window; it is shown once its first paint is ready, so it never flashes white. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Dossier',
    ...(options.icon !== undefined ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => {
    // A page that fails to load leaves an empty window; say why in the log rather than nothing.
    console.error(`Dossier could not load its window (${options.url}):`, error);
  });
  return window;
}
