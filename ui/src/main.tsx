import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme, loadTheme } from './lib/theme';
import './styles/base.css';
import './styles/app.css';
import './styles/print.css';

applyTheme(loadTheme());

async function start() {
  // Development-only stand-in backend (`?mock=setup|unlock|main|empty`), to
  // look at the UI in a plain browser. `import.meta.env.DEV` and MODE are
  // compile-time constants, so this branch and the mock module are dropped
  // from the production build.
  if (import.meta.env.DEV || import.meta.env.MODE === 'mock') {
    const params = new URLSearchParams(window.location.search);
    if (params.has('mock')) {
      const { installMockBackend } = await import('./dev/mockBackend');
      installMockBackend(params.get('mock') || 'main');
    }
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
