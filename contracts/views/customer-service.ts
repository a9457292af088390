/** What the CS console shows and answers: customers found, a customer’s profile, notices, the audit trail. */
import { z } from 'zod';
import { PackageView } from './catalog';
import { TicketView, WorkOrderView } from './operations';
import {
  CustomerId,
  CustomerType,
  JakartaInstant,
  OntBand,
  PackageCode,
  Period,
  pageOf,
  UpgradeId,
} from './scalars';
import { UpgradeView } from './upgrade';
import { AppointmentAnswer } from './visits';

export const CsCustomerMatch = z.strictObject({
  customerId: CustomerId,
  name: z.string(),
  customerType: CustomerType,
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  packageName: z.string().nullable(),
  matchedBy: z
    .array(z.enum(['CUSTOMER_ID', 'NAME', 'PHONE', 'BILL_CODE', 'TICKET_NO', 'WO_NUMBER']))
    .describe('what of the customer the query matched'),
});

export const CsCustomerSearch = pageOf('customers', CsCustomerMatch, 'by name');

export const CsCustomerProfile = z.strictObject({
  customerId: CustomerId,
  name: z.string(),
  customerType: CustomerType,
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  homepassCode: z.string(),
  homepassId: z.string(),
  fatCode: z.string(),
  fatPort: z.number().int(),
  billCycle: z.number().int(),
  subscription: z
    .strictObject({
      package: PackageView,
      period: Period,
      status: z.enum(['ACTIVE', 'SUSPENDED', 'TERMINATED']),
    })
    .nullable(),
  packageHistory: z
    .array(
      z.strictObject({
        changedAt: JakartaInstant,
        fromPackageCode: PackageCode,
        fromPackageName: z.string(),
        toPackageCode: PackageCode,
        toPackageName: z.string(),
        period: Period,
        upgradeId: UpgradeId.nullable(),
      }),
    )
    .describe('every package change, newest first'),
  devices: z
    .array(
      z.strictObject({
        serial: z.string(),
        model: z.string(),
        band: OntBand,
        status: z.enum(['ACTIVE', 'REPLACED']),
        installedAt: JakartaInstant,
        replacedAt: JakartaInstant.nullable(),
        replacedBySerial: z.string().nullable(),
        upgradeId: UpgradeId.nullable(),
      }),
    )
    .describe('every ONT, the newest first'),
  temporalRunsUrl: z
    .string()
    .nullable()
    .describe(
      "the Temporal Web UI's page of runs; a run's page is this plus its workflow ID (null: UI unknown)",
    ),
});

export const CsWorkOrders = z.strictObject({
  workOrders: z.array(WorkOrderView).describe('upgrade and maintenance WOs, newest first'),
});

export const CsNotice = z.strictObject({
  id: z.number().int(),
  kind: z.string().describe('the notice, e.g. BILL_ISSUED'),
  channel: z.enum(['PUSH', 'INBOX', 'EMAIL']),
  title: z.string(),
  body: z.string(),
  upgradeId: z.string().nullable(),
  status: z
    .enum(['DELIVERED', 'FAILED', 'PENDING'])
    .describe(
      'FAILED: the provider refused it for good (failureReason says why); PENDING: not delivered yet',
    ),
  createdAt: JakartaInstant,
  deliveredAt: JakartaInstant.nullable(),
  failedAt: JakartaInstant.nullable(),
  failureReason: z.string().nullable(),
});

export const CsNotices = pageOf('notices', CsNotice, 'newest first, one per channel');

export const CsAuditEntry = z.strictObject({
  id: z.number().int(),
  at: JakartaInstant,
  operator: z.string().describe('who: the operator’s user name'),
  action: z.enum(['CANCEL_UPGRADE', 'BOOK_VISIT', 'RESEND_NOTICE', 'NOTE_TICKET']),
  customerId: CustomerId,
  subject: z.string().describe('what it acted on: upgrade ID, WO number, notice ID or ticket number'),
  reason: z.string().describe('why, as the operator wrote it'),
  outcome: z.string().describe('what came of it'),
});

export const CsAuditTrail = pageOf('entries', CsAuditEntry, 'newest first');

const Recorded = {
  action: CsAuditEntry.describe('the audit trail’s entry of this action'),
  repeated: z
    .boolean()
    .describe('true: a repeat of an earlier request (same Idempotency-Key), nothing done again'),
};

export const CsCancelAnswer = z.strictObject({
  upgrade: UpgradeView.describe('the upgrade as the cancel left it'),
  settled: z.boolean().describe('false: the run has not settled yet (follow the upgrade)'),
  ...Recorded,
});

export const CsVisitAnswer = z.strictObject({ visit: AppointmentAnswer, ...Recorded });

export const CsResendAnswer = z.strictObject({
  notice: CsNotice.describe('DELIVERED, or FAILED again with the reason'),
  ...Recorded,
});

export const CsNoteAnswer = z.strictObject({ ticket: TicketView, ...Recorded });
