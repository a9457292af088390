import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { api, must } from './api/client';
import { ApiProblem } from './api/problem';
import { startAuth } from './auth/oidc-sign-in';
import { router } from './routes';
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

// Where to sign in comes from the API, before any screen asks who is signed in.
must(api.GET('/v1/auth/web-client'))
  .then(startAuth)
  .then(
    () =>
      root.render(
        <StrictMode>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </StrictMode>,
      ),
    () =>
      root.render(
        <main className="main">
          <h1>Selfcare belum bisa dibuka</h1>
          <p role="alert">Layanan masuk tidak terjangkau. Muat ulang halaman ini sebentar lagi.</p>
        </main>,
      ),
  );
