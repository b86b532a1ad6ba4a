// First: it configures zod before any schema in the app's modules is built.
import './lib/zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startWindow } from './start.js';
// In this order: a later sheet's rule wins over an earlier one of the same weight.
import './styles/base.css';
import './styles/accounts.css';
import './styles/composer.css';
import './styles/lists.css';
import './styles/sent.css';
import './styles/layout.css';
import './styles/settings.css';

const root = document.getElementById('root');
if (root) {
  startWindow();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
