import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { syncThemeToDocument } from './shared/theme/sync-theme-to-document';
import './app/styles.css';

// Before the first render, so the page never flashes the wrong theme.
syncThemeToDocument();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
