import type { RouteObject } from 'react-router';
import { RouteError } from '../ui/Offline';

/**
 * The installer vendor's technician (phone size), relative to /app/technician. Each screen is a
 * chunk of its own, fetched when its route is first matched (React Router's `lazy`); one that
 * cannot be fetched (offline) says so (RouteError).
 */
export const technicianRoutes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: () => import('./DayListPage').then((m) => ({ Component: m.DayListPage })) },
      {
        path: 'wo/:woNumber',
        lazy: () => import('./JobCardPage').then((m) => ({ Component: m.JobCardPage })),
      },
    ],
  },
];
