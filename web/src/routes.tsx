/**
 * Every screen has its own URL under /app (a reload, a shared link or a notice opens it). Each
 * area (the customer's; the technician's under /app/technician; customer service's under
 * /app/cs) is one route tree behind its role.
 */
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './auth';
import { CallbackPage } from './auth/CallbackPage';
import { CsLayout } from './cs/CsLayout';
import { csRoutes } from './cs/routes';
import { CustomerLayout } from './customer/CustomerLayout';
import { customerRoutes } from './customer/routes';
import { technicianRoutes } from './technician/routes';
import { TechnicianLayout } from './technician/TechnicianLayout';
import { NotFoundPage } from './ui/NotFoundPage';

export const router = createBrowserRouter(
  [
    { path: '/auth/callback', element: <CallbackPage /> },
    {
      path: '/',
      element: (
        <RequireSession as="customer">
          <CustomerLayout />
        </RequireSession>
      ),
      children: customerRoutes,
    },
    {
      path: '/technician',
      element: (
        <RequireSession as="technician">
          <TechnicianLayout />
        </RequireSession>
      ),
      children: technicianRoutes,
    },
    {
      path: '/cs',
      element: (
        <RequireSession as="cs">
          <CsLayout />
        </RequireSession>
      ),
      children: csRoutes,
    },
    { path: '*', element: <NotFoundPage /> },
  ],
  { basename: '/app' },
);
