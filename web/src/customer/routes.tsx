import type { RouteObject } from 'react-router';
import { BillPage } from './BillPage';
import { BillsPage } from './BillsPage';
import { DeepLinkPage } from './DeepLinkPage';
import { HomePage } from './HomePage';
import { InboxPage } from './InboxPage';
import { PackageDetailPage } from './PackageDetailPage';
import { PackagesPage } from './PackagesPage';
import { PaymentsPage } from './PaymentsPage';
import { UpgradePage } from './UpgradePage';
import { UpgradeProgressPage } from './UpgradeProgressPage';

/** The customer's screens (the deck's Selfcare app), relative to /app. */
export const customerRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'packages', element: <PackagesPage /> },
  { path: 'packages/:code', element: <PackageDetailPage /> },
  { path: 'packages/:code/upgrade', element: <UpgradePage /> },
  { path: 'upgrades/:upgradeId', element: <UpgradeProgressPage /> },
  { path: 'inbox', element: <InboxPage /> },
  { path: 'bills', element: <BillsPage /> },
  { path: 'bills/:billCode', element: <BillPage /> },
  { path: 'payments', element: <PaymentsPage /> },
  { path: 'open', element: <DeepLinkPage /> },
];
