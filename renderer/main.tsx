import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startWindow } from './start.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  startWindow();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
