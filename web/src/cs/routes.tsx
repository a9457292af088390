import { type ComponentType, lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { RouteError } from '../ui/Offline';
import { Loading } from '../ui/Page';
import type { CustomerTab } from './CustomerPage';

/**
 * A screen of the console as a chunk of its own, fetched the first time it is shown (the console
 * is not in the customer's first screen). While it comes, "Memuat…" in its place.
 */
function chunk<M>(load: () => Promise<M>, name: keyof M) {
  const Screen = lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
  return (
    <Suspense fallback={<Loading />}>
      <Screen />
    </Suspense>
  );
}

const CustomerPage = lazy(() => import('./CustomerPage').then((m) => ({ default: m.CustomerPage })));

/** The Billing tab, also under its list when a bill's statement is open (the same screen, kept). */
const billing = chunk(() => import('./BillingTabs'), 'BillingTab');

/** The Billing App's tabs of a customer, each a screen of its own URL (relative to the customer's). */
const TABS: CustomerTab[] = [
  { to: '', label: 'Package', element: chunk(() => import('./ProfileTabs'), 'PackageTab') },
  { to: 'device', label: 'Device', element: chunk(() => import('./ProfileTabs'), 'DeviceTab') },
  { to: 'billing', label: 'Billing', element: billing },
  { to: 'payment', label: 'Payment', element: chunk(() => import('./BillingTabs'), 'PaymentTab') },
  { to: 'ticket', label: 'Ticket', element: chunk(() => import('./TicketTab'), 'TicketTab') },
  { to: 'wo', label: 'WO', element: chunk(() => import('./WorkOrderTab'), 'WorkOrderTab') },
  { to: 'notices', label: 'Notifikasi', element: chunk(() => import('./NoticesTab'), 'NoticesTab') },
  { to: 'upgrade', label: 'Upgrade', element: chunk(() => import('./UpgradeTab'), 'UpgradeTab') },
  { to: 'audit', label: 'Audit', element: chunk(() => import('./AuditTab'), 'AuditTab') },
];

/** The customer-service console's screens, relative to /app/cs. */
const screens: RouteObject[] = [
  { index: true, element: chunk(() => import('./SearchPage'), 'SearchPage') },
  {
    path: 'customers/:customerId',
    element: (
      <Suspense fallback={<Loading />}>
        <CustomerPage tabs={TABS} />
      </Suspense>
    ),
    children: [
      ...TABS.map(({ to, element }): RouteObject => (to ? { path: to, element } : { index: true, element })),
      // A bill's statement opened under the list.
      { path: 'billing/:billCode', element: billing },
    ],
  },
];

/** A screen whose chunk cannot be fetched (offline) says so. */
export const csRoutes: RouteObject[] = [{ errorElement: <RouteError />, children: screens }];
