import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { api, must } from './api/client';
import { ApiProblem } from './api/problem';
import { startAuth } from './auth/oidc-sign-in';
import { router } from './routes';
import { isUnreachable, OfflineBar, Unreachable } from './ui/Offline';
import { PlainShell } from './ui/PlainShell';
import './ui/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 2_000,
      // A refusal (4xx) will not change by asking again; a dropped connection might.
      retry: (failures, error) => !(error instanceof ApiProblem && error.status < 500) && failures < 2,
    },
  },
});

const root = createRoot(document.getElementById('root')!);

/** The router's first screen is ready when its chunks are in (React Router's `lazy`). */
const routerReady = new Promise<void>((resolve) => {
  if (router.state.initialized) return resolve();
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    resolve();
  });
});

/**
 * Where to sign in comes from the API, before any screen asks who is signed in. Until then the
 * splash of index.html stays; offline or with the API out of reach, the app says so and starts
 * again on "Coba lagi" or as soon as the phone is back online.
 */
let starting = false;
function start(): void {
  if (starting) return;
  starting = true;
  Promise.all([must(api.GET('/v1/auth/web-client')).then(startAuth), routerReady]).then(
    // A transition: React renders the first screen in slices that leave the phone's main thread
    // free between them, rather than in one long task (the splash stays until it is done).
    () =>
      startTransition(() =>
        root.render(
          <StrictMode>
            <QueryClientProvider client={queryClient}>
              <OfflineBar />
              <RouterProvider router={router} />
            </QueryClientProvider>
          </StrictMode>,
        ),
      ),
    (error: unknown) => {
      starting = false;
      root.render(<NotStarted error={error} />);
    },
  );
}

function NotStarted({ error }: { error: unknown }) {
  useEffect(() => {
    window.addEventListener('online', start);
    return () => window.removeEventListener('online', start);
  }, []);
  return (
    <PlainShell>
      <h1>Selfcare belum bisa dibuka</h1>
      {!navigator.onLine || isUnreachable(error) ? (
        <Unreachable onRetry={start} />
      ) : (
        <div className="notice notice-error unreachable" role="alert">
          <p>Layanan masuk tidak terjangkau. Coba lagi sebentar lagi.</p>
          <button type="button" className="button button-secondary" onClick={start}>
            Coba lagi
          </button>
        </div>
      )}
    </PlainShell>
  );
}

start();
