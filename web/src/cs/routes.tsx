import type { RouteObject } from 'react-router';
import { AuditTab } from './AuditTab';
import { BillingTab, PaymentTab } from './BillingTabs';
import { CustomerPage } from './CustomerPage';
import { NoticesTab } from './NoticesTab';
import { DeviceTab, PackageTab } from './ProfileTabs';
import { SearchPage } from './SearchPage';
import { TicketTab } from './TicketTab';
import { UpgradeTab } from './UpgradeTab';
import { WorkOrderTab } from './WorkOrderTab';

/** The customer-service console's screens, relative to /app/cs. */
export const csRoutes: RouteObject[] = [
  { index: true, element: <SearchPage /> },
  {
    path: 'customers/:customerId',
    element: <CustomerPage />,
    children: [
      { index: true, element: <PackageTab /> },
      { path: 'device', element: <DeviceTab /> },
      { path: 'billing', element: <BillingTab /> },
      { path: 'billing/:billCode', element: <BillingTab /> },
      { path: 'payment', element: <PaymentTab /> },
      { path: 'ticket', element: <TicketTab /> },
      { path: 'wo', element: <WorkOrderTab /> },
      { path: 'notices', element: <NoticesTab /> },
      { path: 'upgrade', element: <UpgradeTab /> },
      { path: 'audit', element: <AuditTab /> },
    ],
  },
];
