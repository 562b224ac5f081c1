import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './App';
import { ErrorBoundary, isChunkLoadError } from '../ui/ErrorBoundary';
import { AppCrash } from './AppCrash';
import { registerOffline } from './offline';

registerOffline();

createRoot(document.getElementById('root')!, {
  // A chunk that could not be fetched (offline, a redeploy) is an expected event the page
  // explains with a Retry; any other caught error is still a bug and is logged as one.
  onCaughtError(error, info) {
    if (isChunkLoadError(error)) console.warn('ConvLab: a code chunk could not be loaded', error);
    else console.error(error, info.componentStack);
  },
}).render(
  <StrictMode>
    {/* The last line of defence: even if the header fails, the page is never blank. */}
    <ErrorBoundary fallback={(error, retry) => <AppCrash error={error} retry={retry} />}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
