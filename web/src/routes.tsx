/**
 * Every screen has its own URL under /app (a reload, a shared link or a notice opens it). Each
 * area (the customer's; the technician's under /app/technician; customer service's under
 * /app/cs) is one route tree behind its role. Each area's frame, like each screen, is a chunk of
 * its own (React Router's `lazy`, fetched when the router starts on that area's URL): a customer's
 * phone never fetches the technician's or the console's code.
 */
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './auth';
import { CallbackPage } from './auth/CallbackPage';
import { csRoutes } from './cs/routes';
import { customerRoutes } from './customer/routes';
import { technicianRoutes } from './technician/routes';
import { NotFoundPage } from './ui/NotFoundPage';
import { RouteError } from './ui/Offline';

export const router = createBrowserRouter(
  [
    { path: '/auth/callback', element: <CallbackPage /> },
    {
      path: '/',
      errorElement: <RouteError />,
      lazy: () =>
        import('./customer/CustomerLayout').then(({ CustomerLayout }) => ({
          element: (
            <RequireSession as="customer">
              <CustomerLayout />
            </RequireSession>
          ),
        })),
      children: customerRoutes,
    },
    {
      path: '/technician',
      errorElement: <RouteError />,
      lazy: () =>
        import('./technician/TechnicianLayout').then(({ TechnicianLayout }) => ({
          element: (
            <RequireSession as="technician">
              <TechnicianLayout />
            </RequireSession>
          ),
        })),
      children: technicianRoutes,
    },
    {
      path: '/cs',
      errorElement: <RouteError />,
      lazy: () =>
        import('./cs/CsLayout').then(({ CsLayout }) => ({
          element: (
            <RequireSession as="cs">
              <CsLayout />
            </RequireSession>
          ),
        })),
      children: csRoutes,
    },
    { path: '*', element: <NotFoundPage /> },
  ],
  { basename: '/app' },
);
