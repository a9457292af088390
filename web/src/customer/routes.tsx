import type { RouteObject } from 'react-router';
import { RouteError } from '../ui/Offline';

/**
 * The customer's screens (the deck's Selfcare app), relative to /app. Each screen is a chunk of its
 * own, fetched when its route is first matched (React Router's `lazy`): the first screen loads
 * only what it shows. A screen whose chunk cannot be fetched (offline) says so (RouteError).
 */
const screens: RouteObject[] = [
  { index: true, lazy: () => import('./HomePage').then((m) => ({ Component: m.HomePage })) },
  { path: 'packages', lazy: () => import('./PackagesPage').then((m) => ({ Component: m.PackagesPage })) },
  {
    path: 'packages/:code',
    lazy: () => import('./PackageDetailPage').then((m) => ({ Component: m.PackageDetailPage })),
  },
  {
    path: 'packages/:code/upgrade',
    lazy: () => import('./UpgradePage').then((m) => ({ Component: m.UpgradePage })),
  },
  {
    path: 'upgrades/:upgradeId',
    lazy: () => import('./UpgradeProgressPage').then((m) => ({ Component: m.UpgradeProgressPage })),
  },
  { path: 'inbox', lazy: () => import('./InboxPage').then((m) => ({ Component: m.InboxPage })) },
  { path: 'bills', lazy: () => import('./BillsPage').then((m) => ({ Component: m.BillsPage })) },
  { path: 'bills/:billCode', lazy: () => import('./BillPage').then((m) => ({ Component: m.BillPage })) },
  { path: 'payments', lazy: () => import('./PaymentsPage').then((m) => ({ Component: m.PaymentsPage })) },
  { path: 'open', lazy: () => import('./DeepLinkPage').then((m) => ({ Component: m.DeepLinkPage })) },
];

export const customerRoutes: RouteObject[] = [{ errorElement: <RouteError />, children: screens }];
