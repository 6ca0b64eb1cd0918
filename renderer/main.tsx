/** Entry point of the renderer: mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchStartup } from './startup-prefetch';
import './styles/app.css';

// The first screen's calls go out before React renders, together rather than one after another.
prefetchStartup();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
