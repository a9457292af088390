import type { RouteObject } from 'react-router';
import { DayListPage } from './DayListPage';
import { JobCardPage } from './JobCardPage';

/** The installer vendor's technician (phone size), relative to /app/technician. */
export const technicianRoutes: RouteObject[] = [
  { index: true, element: <DayListPage /> },
  { path: 'wo/:woNumber', element: <JobCardPage /> },
];
