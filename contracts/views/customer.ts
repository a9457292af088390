/** What the customer app shows of the customer: the home screen, the subscription, the upgrade options and the payments. */
import { z } from 'zod';
import { PackageView, PromoView } from './catalog';
import {
  BillCode,
  Count,
  CustomerId,
  Idr,
  JakartaInstant,
  OntBand,
  Period,
  pageOf,
  WorkOrderNo,
} from './scalars';
import { UpgradeView } from './upgrade';
import { AppointmentView } from './visits';

export const SubscriptionView = z.strictObject({
  customerId: CustomerId,
  customerName: z.string(),
  package: PackageView,
  period: Period,
  status: z.enum(['ACTIVE', 'SUSPENDED', 'TERMINATED']),
  promo: PromoView.nullable(),
  device: z
    .strictObject({ serial: z.string(), model: z.string(), band: OntBand, installedAt: JakartaInstant })
    .nullable()
    .describe('the active ONT'),
});

export const UpgradeOptions = z.strictObject({
  current: PackageView,
  options: z.array(PackageView).describe('eligible targets only: faster, and a term at least as long'),
});

export const PaymentView = z.strictObject({
  id: z.number().int(),
  paidAt: JakartaInstant,
  amountIdr: Idr,
  method: z.string().describe("the gateway's code, e.g. VA_BCA"),
  methodLabel: z.string().describe('the method as the customer knows it, e.g. Virtual Account BCA'),
  reference: z.string(),
  description: z.string(),
  billCode: BillCode.nullable(),
});

export const PaymentPage = pageOf('payments', PaymentView, 'newest first');

export const HomeView = z.strictObject({
  customerId: CustomerId,
  customerName: z.string(),
  package: PackageView.nullable(),
  period: Period.nullable(),
  promo: PromoView.nullable(),
  device: z.strictObject({ serial: z.string(), model: z.string(), band: OntBand }).nullable(),
  pendingUpgrade: UpgradeView.nullable().describe('the upgrade still in flight, if any'),
  technicianVisit: z
    .strictObject({
      workOrderNumber: WorkOrderNo,
      status: z.enum(['DONE', 'REPLACING', 'COMPLETED', 'CANCELLED']),
      vendor: z.string().nullable(),
      address: z.string().nullable(),
      requestedAt: JakartaInstant,
      message: z.string(),
      appointment: AppointmentView.nullable().describe('the visit booked, which the customer may move'),
    })
    .nullable()
    .describe('the ONT swap a technician will make for the pending upgrade'),
  unreadInbox: Count,
});
