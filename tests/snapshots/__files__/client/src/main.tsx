import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Imported first so an invalid environment fails at boot, before anything renders.
import './config/env';
import { App } from './app/App';
import { Providers } from './app/providers';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
