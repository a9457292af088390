import type { RouteObject } from 'react-router';
import { AuditTab } from './AuditTab';
import { BillingTab, PaymentTab } from './BillingTabs';
import { type CustomerTab, CustomerPage } from './CustomerPage';
import { NoticesTab } from './NoticesTab';
import { DeviceTab, PackageTab } from './ProfileTabs';
import { SearchPage } from './SearchPage';
import { TicketTab } from './TicketTab';
import { UpgradeTab } from './UpgradeTab';
import { WorkOrderTab } from './WorkOrderTab';

/** The Billing App's tabs of a customer, each a screen of its own URL (relative to the customer's). */
const TABS: CustomerTab[] = [
  { to: '', label: 'Package', element: <PackageTab /> },
  { to: 'device', label: 'Device', element: <DeviceTab /> },
  { to: 'billing', label: 'Billing', element: <BillingTab /> },
  { to: 'payment', label: 'Payment', element: <PaymentTab /> },
  { to: 'ticket', label: 'Ticket', element: <TicketTab /> },
  { to: 'wo', label: 'WO', element: <WorkOrderTab /> },
  { to: 'notices', label: 'Notifikasi', element: <NoticesTab /> },
  { to: 'upgrade', label: 'Upgrade', element: <UpgradeTab /> },
  { to: 'audit', label: 'Audit', element: <AuditTab /> },
];

/** The customer-service console's screens, relative to /app/cs. */
export const csRoutes: RouteObject[] = [
  { index: true, element: <SearchPage /> },
  {
    path: 'customers/:customerId',
    element: <CustomerPage tabs={TABS} />,
    children: [
      ...TABS.map(({ to, element }): RouteObject => (to ? { path: to, element } : { index: true, element })),
      // A bill's statement opened under the list.
      { path: 'billing/:billCode', element: <BillingTab /> },
    ],
  },
];
