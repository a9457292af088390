/**
 * The JSON shapes the API answers with, as zod schemas, and their TypeScript types inferred from
 * them (bottom): the one source of the response bodies of the OpenAPI document (api/openapi.ts),
 * of the types services build views with, and of what the statement page and tests read. Each
 * schema is strict (no field beyond those listed), so a route that starts answering something
 * else fails the contract test (test/integration/openapi.test.ts) and the fuzzer; each handler's
 * return type is checked against the schema of its answer (api/operation.ts).
 *
 * Money is integer rupiah; calendar days are `YYYY-MM-DD`; instants are ISO 8601 with the
 * Asia/Jakarta offset (`2025-11-21T13:34:28+07:00`) — except inside an upgrade's progress,
 * which the workflow records in UTC (`2025-11-21T06:34:28.123Z`).
 */

import { z } from 'zod';
import { VISIT_PENDING_CATEGORIES, VISIT_SLOTS } from '../domain/visits';
import { UPGRADE_STATUSES, UPGRADE_STEPS } from './upgrade';

// ---- scalars -------------------------------------------------------------------------------

/** Whole rupiah. */
export const Idr = z.number().int().describe('whole rupiah (integer, PPN included where it applies)');
export const LocalDate = z.iso.date().describe('a calendar day in Jakarta, YYYY-MM-DD');
export const JakartaInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
  .describe('an instant, ISO 8601 with the Asia/Jakarta offset: 2025-11-21T13:34:28+07:00');

const CustomerId = z.string().regex(/^\d{8}$/);
const BillCode = z.string().regex(/^\d{12}$/);
const TicketNo = z.string().regex(/^\d{7}$/);
const WorkOrderNo = z.string().regex(/^WO-\d{8}-\d{7}$/);
const UpgradeId = z.string().regex(/^upgrade-\d{8}-[A-Za-z0-9_-]+$/);
const PackageCode = z.string().regex(/^[A-Z0-9+-]{1,40}$/);
const Page = z.number().int().min(1);
const Count = z.number().int().min(0);

/** One page of a list: its items under `key` (in `order`), the page's number and size, and the total. */
function pageOf<K extends string, S extends z.ZodType>(key: K, item: S, order: string) {
  const items = { [key]: z.array(item).describe(order) } as { [P in K]: z.ZodArray<S> };
  return z.strictObject({ ...items, page: Page, pageSize: Page, total: Count });
}

export const ProductLine = z.enum(['STREAM', 'STREAM_PLUS']);
export const OntBand = z.enum(['SINGLE', 'DUAL']);
export const CustomerType = z.enum(['REGULAR', 'VIP']);
export const UpgradeStatus = z.enum(UPGRADE_STATUSES);

// ---- catalog --------------------------------------------------------------------------------

export const PromoView = z.strictObject({
  name: z.string(),
  endsOn: LocalDate,
  fallbackPackageCode: PackageCode,
  label: z
    .string()
    .describe('as the Billing App shows it: END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY'),
});

export const PackageView = z.strictObject({
  code: PackageCode,
  name: z.string().describe('e.g. Stream 150 Semesterly'),
  line: ProductLine,
  speedMbps: z.number().int().positive(),
  termMonths: z.number().int().describe('1 (Monthly), 6 (Semesterly) or 12 (Yearly)'),
  priceIdr: Idr,
  requiresDualBand: z.boolean(),
  tier: z.number().int(),
  promo: PromoView.nullable().describe('the promo in force today, if any'),
});

export const PackageDetailView = PackageView.extend({
  termsAndConditions: z.array(z.string()).describe('the S&K, one clause per item'),
});

export const PackageList = z.strictObject({
  packages: z.array(PackageView).describe('active packages, by speed, then term, then product line'),
});

// ---- customers ------------------------------------------------------------------------------

const Period = z.strictObject({ start: LocalDate, end: LocalDate });

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

// ---- bills ----------------------------------------------------------------------------------

export const BillLineView = z.strictObject({ label: z.string(), amountIdr: Idr });

export const BillQuoteView = z.strictObject({
  period: z
    .string()
    .regex(/^\d{6}$/)
    .describe('YYYYMM of the billing date'),
  billingDate: LocalDate,
  dueDate: LocalDate,
  billingMonth: z.strictObject({
    start: LocalDate,
    end: LocalDate,
    label: z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{4}-\d{2}\.\d{2}\.\d{4}$/)
      .describe('21.11.2025-22.05.2026'),
  }),
  billCycle: z.number().int(),
  packageCode: PackageCode,
  packageName: z.string(),
  actualChargeIdr: Idr.describe('"Actual Tagihan": the new package price'),
  adjustmentIdr: Idr.describe('"Penyesuaian Tagihan": credit for the unused old term'),
  baseIdr: Idr,
  vatRatePercent: z.number().int(),
  vatIdr: Idr,
  totalIdr: Idr.describe('"Total Tagihan", rounded to Rp 100'),
  amountInWords: z.string().describe('the total in Indonesian words (terbilang)'),
  lines: z.array(BillLineView),
});

export const BillView = BillQuoteView.extend({
  billCode: BillCode.describe('YYYYMM + 6 digits'),
  customerId: CustomerId,
  status: z
    .enum(['UNPAID', 'PAID', 'VOID'])
    .describe('VOID: cancelled with its upgrade before the package switch; kept, with a credit line'),
  paidAmountIdr: Idr,
  paidAt: JakartaInstant.nullable().describe('when the payment gateway says it was paid'),
  voidedAt: JakartaInstant.nullable(),
  upgradeId: UpgradeId.nullable(),
  createdAt: JakartaInstant,
  links: z.strictObject({ self: z.string(), statement: z.string() }),
});

export const BillPage = pageOf('bills', BillView, 'newest first');

// ---- upgrades -------------------------------------------------------------------------------

export const UpgradeStep = z.strictObject({
  name: z.enum(UPGRADE_STEPS).describe('what happened; steps are listed in this order'),
  at: JakartaInstant,
});

export const UndeliveredNotice = z.strictObject({
  kind: z.string().describe('the notice, e.g. BILL_ISSUED'),
  channel: z.enum(['PUSH', 'INBOX', 'EMAIL']).nullable(),
  reason: z.string().describe('why the provider refused it for good'),
  at: JakartaInstant,
});

export const AppointmentView = z.strictObject({
  date: LocalDate,
  slot: z.enum(VISIT_SLOTS).describe('Jakarta hours, e.g. 08-10'),
  label: z.string().describe('the visit in Indonesian, e.g. Senin, 24 November 2025, 08.00–10.00 WIB'),
  status: z
    .enum(['BOOKED', 'MOVED', 'MISSED', 'DONE', 'CANCELLED'])
    .describe('BOOKED stands; MOVED was replaced; MISSED the technician could not swap; DONE swapped'),
  bookedBy: z.enum(['TECHNICIAN', 'CUSTOMER', 'CS']).describe('CS: customer service, for the customer'),
  pendingCategory: z.enum(VISIT_PENDING_CATEGORIES).nullable().describe('why a MISSED visit was missed'),
  remark: z.string().nullable(),
  bookedAt: JakartaInstant,
  closedAt: JakartaInstant.nullable(),
});

const Appointments = {
  appointment: AppointmentView.nullable().describe('the visit booked (or done): its date, slot and status'),
  appointmentHistory: z.array(AppointmentView).describe('every booking, oldest first'),
};

export const AppointmentAnswer = z.strictObject({
  workOrderNumber: WorkOrderNo,
  upgradeId: UpgradeId,
  appointment: AppointmentView,
  previous: z.strictObject({ date: LocalDate, slot: z.string() }).nullable().describe('the visit it moved'),
  links: z.strictObject({ upgrade: z.string(), availableSlots: z.string() }),
});

export const AvailableSlots = z.strictObject({
  workOrderNumber: WorkOrderNo,
  area: z.string().describe("the vendor's area (from the FAT code), whose places per slot apply"),
  moveLeadHours: Count.describe(
    'a booked visit can be moved until this many hours before it (VISIT_MOVE_LEAD_HOURS)',
  ),
  slots: z.array(
    z.strictObject({
      date: LocalDate,
      slot: z.enum(VISIT_SLOTS),
      free: Count.describe('places left; 0 means full'),
    }),
  ),
});

export const UpgradeView = z.strictObject({
  upgradeId: UpgradeId,
  workflowId: UpgradeId.describe('the Temporal workflow ID; equal to upgradeId'),
  customerId: CustomerId,
  fromPackageCode: PackageCode.nullable(),
  targetPackageCode: PackageCode,
  status: UpgradeStatus,
  requestedAt: JakartaInstant,
  steps: z.array(UpgradeStep),
  billCode: BillCode.nullable(),
  upgradeTicketNo: TicketNo.nullable(),
  upgradeWorkOrderNo: WorkOrderNo.nullable(),
  changeOntTicketNo: TicketNo.nullable(),
  maintenanceWorkOrderNo: WorkOrderNo.nullable(),
  failureReason: z.string().nullable().describe('why it FAILED, was CANCELLED or TERMINATED'),
  undeliveredNotices: z
    .array(UndeliveredNotice)
    .describe('notices a provider refused for good; the upgrade went on without them'),
  ontSwap: z
    .strictObject({
      awaitingSince: JakartaInstant,
      slaDeadline: JakartaInstant,
      escalatedAt: JakartaInstant.nullable(),
      replacedAt: JakartaInstant.nullable(),
      ...Appointments,
    })
    .nullable()
    .describe('set once the run waits for the technician'),
  links: z.strictObject({
    self: z.string(),
    bill: z.string().optional(),
    statement: z.string().optional(),
  }),
});

export const UpgradePage = z.strictObject({
  upgrades: z.array(UpgradeView).describe('newest first'),
  page: Page,
  pageSize: Page,
});

export const UpgradeAccepted = z.strictObject({
  upgradeId: UpgradeId,
  workflowId: UpgradeId,
  status: UpgradeStatus,
  created: z.boolean().describe('false when the same Idempotency-Key found an earlier request'),
  links: z.strictObject({ self: z.string(), customerUpgrades: z.string() }),
});

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

// ---- technician -----------------------------------------------------------------------------

export const OntReplacementAccepted = z.strictObject({
  workOrderNumber: WorkOrderNo,
  upgradeId: UpgradeId,
  status: z.literal('ACCEPTED'),
  links: z.strictObject({ upgrade: z.string() }),
});

const VisitState = z
  .enum(['TO_BE_BOOKED', 'BOOKED', 'MISSED', 'DONE', 'CANCELLED'])
  .describe(
    'TO_BE_BOOKED: no visit booked yet (or again, after a missed one); BOOKED; MISSED; DONE: swapped; CANCELLED: the upgrade ended without a swap',
  );

export const TechnicianVisit = z.strictObject({
  workOrderNumber: WorkOrderNo,
  state: VisitState,
  date: LocalDate.nullable().describe('the visit’s day; null when it is still to be booked'),
  slot: z.enum(VISIT_SLOTS).nullable(),
  label: z.string().nullable().describe('the visit in Indonesian; null when it is still to be booked'),
  pendingCategory: z.enum(VISIT_PENDING_CATEGORIES).nullable().describe('why a MISSED visit was missed'),
  area: z.string().describe("the vendor's area (from the FAT code)"),
  customer: z.strictObject({ id: CustomerId, name: z.string(), customerType: CustomerType }),
  address: z.string().nullable(),
  dueAt: JakartaInstant.nullable().describe('when the swap is due (its SLA)'),
});

export const TechnicianVisitList = z.strictObject({
  vendor: z.string().describe('the technician’s installer vendor (from the token)'),
  date: LocalDate,
  area: z.string().nullable().describe('the area asked for; null: every area'),
  areas: z.array(z.string()).describe('the areas of the vendor’s open work orders and of this day’s visits'),
  toBeBookedTotal: z
    .number()
    .int()
    .min(0)
    .describe('how many of the vendor’s work orders (in the area asked for) are still to be booked'),
  visits: z
    .array(TechnicianVisit)
    .describe(
      'this day’s visits by slot (booked, missed, done), then the 50 most urgent work orders still to be booked (by SLA)',
    ),
});

export const JobCard = z.strictObject({
  woNumber: WorkOrderNo,
  type: z.literal('MAINTENANCE'),
  status: z.enum(['Replacing', 'COMPLETED', 'CANCELLED']).describe('as the Billing App shows it'),
  state: VisitState,
  vendor: z.string().nullable(),
  customer: z.strictObject({
    id: CustomerId,
    name: z.string(),
    customerType: CustomerType,
    phone: z.string(),
    email: z.string(),
  }),
  address: z.string().nullable(),
  homepass: z.strictObject({
    code: z.string(),
    id: z.string(),
    areaId: z.string().nullable(),
    clusterId: z.string().nullable(),
  }),
  area: z.string().describe("the vendor's area (from the FAT code), whose places per slot apply"),
  fatCode: z.string().nullable(),
  fatPort: z.number().int().nullable(),
  jobDescription: z.string().nullable(),
  ticketNo: TicketNo.nullable(),
  package: z.string().describe('the package the swap is for'),
  createdAt: JakartaInstant,
  dueAt: JakartaInstant.nullable(),
  completedAt: JakartaInstant.nullable(),
  cancelReason: z.string().nullable(),
  ont: z
    .strictObject({ serial: z.string(), model: z.string(), band: OntBand })
    .nullable()
    .describe('the ONT at the customer’s now (after the swap: the new one)'),
  ...Appointments,
});

// ---- notifications --------------------------------------------------------------------------

export const InboxItem = z.strictObject({
  id: z.number().int().positive(),
  kind: z.string().describe('BILL_ISSUED, ONT_SWAP_SCHEDULED or ONT_SWAP_COMPLETED'),
  title: z.string(),
  body: z.string(),
  deepLink: z.string().nullable(),
  read: z.boolean(),
  readAt: JakartaInstant.nullable(),
  createdAt: JakartaInstant,
  upgradeId: UpgradeId.nullable(),
});

export const Inbox = z.strictObject({ notifications: z.array(InboxItem).describe('newest first') });

export const OutboxMessage = z.strictObject({
  id: z.number().int().positive(),
  customerId: CustomerId.nullable(),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  sentAt: JakartaInstant,
});

export const Outbox = z.strictObject({ messages: z.array(OutboxMessage).describe('newest first') });

export const DeviceNotification = z.strictObject({
  id: z.number().int().positive(),
  kind: z.string().describe('the notice, e.g. BILL_ISSUED'),
  title: z.string(),
  body: z.string(),
  deepLink: z
    .string()
    .nullable()
    .describe('where the app opens when it is tapped: oxygenid://bills/… or oxygenid://upgrades/…'),
  sentAt: JakartaInstant.describe('when the push provider took it'),
});

export const DeviceNotifications = z.strictObject({
  notifications: z.array(DeviceNotification).describe('oldest first, after the `after` ID'),
});

// ---- sign-in ---------------------------------------------------------------------------------

export const WebClientSettings = z.strictObject({
  authority: z.string().describe('the OpenID provider the web apps sign in with (its issuer URL)'),
  clientId: z.string().describe('the web apps’ public client (authorization code + PKCE)'),
  scope: z.string().describe('the scopes the web apps ask for, space-separated'),
});

// ---- development sign-in ----------------------------------------------------------------------

export const DevCustomerList = z.strictObject({
  customers: z
    .array(
      z.strictObject({
        customerId: CustomerId,
        name: z.string(),
        customerType: CustomerType,
        packageName: z.string().nullable(),
        ontBand: OntBand.nullable(),
      }),
    )
    .describe('the seeded customers, by customer ID'),
});

export const DevSession = z.strictObject({
  accessToken: z.string().describe('a bearer token, as the identity provider would issue it'),
  tokenType: z.literal('Bearer'),
  expiresAt: JakartaInstant,
  role: z.enum(['customer', 'technician', 'operator']),
  subject: z.string(),
});

// ---- operations -----------------------------------------------------------------------------

export const TicketView = z.strictObject({
  ticketNo: TicketNo,
  kind: z.enum(['UPGRADE', 'CHANGE_ONT']),
  title: z.string(),
  description: z.string(),
  status: z.enum(['close', 'Open', 'Cancelled']).describe('as the CRM shows it'),
  createdBy: z.string(),
  mode: z.string(),
  customerType: CustomerType,
  notes: z.array(z.string()),
  createdAt: JakartaInstant,
  closedAt: JakartaInstant.nullable(),
  workOrderNo: WorkOrderNo.nullable(),
  upgradeId: UpgradeId.nullable(),
});

export const TicketList = z.strictObject({ tickets: z.array(TicketView).describe('newest first') });

export const WorkOrderView = z.strictObject({
  woNumber: WorkOrderNo,
  type: z.enum(['UPGRADE', 'MAINTENANCE']),
  status: z.enum(['DONE', 'Replacing', 'COMPLETED', 'CANCELLED']).describe('as the Billing App shows it'),
  package: z.string(),
  typePackage: z.string(),
  totalIdr: Idr,
  vendor: z.string().nullable(),
  fatCode: z.string().nullable(),
  fatPort: z.number().int().nullable(),
  customer: z.strictObject({ id: CustomerId, name: z.string(), customerType: CustomerType }),
  address: z.string().nullable(),
  homepass: z.string().nullable(),
  jobDescription: z.string().nullable(),
  ticketNo: TicketNo.nullable(),
  upgradeId: UpgradeId.nullable(),
  createdAt: JakartaInstant,
  completedAt: JakartaInstant.nullable(),
  cancelledAt: JakartaInstant.nullable(),
  cancelReason: z.string().nullable().describe('set when the upgrade it belongs to did not complete'),
  ...Appointments,
});

// ---- customer service (the CS console) -----------------------------------------------------

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

// ---- public ---------------------------------------------------------------------------------

const Check = z.enum(['ok', 'unavailable']);
export const Health = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  checks: z.strictObject({ database: Check, temporal: Check }),
});

/** `/livez`: the process serves; nothing else is checked. */
export const Liveness = z.strictObject({ status: z.literal('live') });

const ReadinessCheck = z.enum(['ok', 'unavailable', 'behind', 'not polling']);
/** `/readyz`: ready when every check is `ok` and the process is not shutting down. */
export const Readiness = z.strictObject({
  status: z.enum(['ready', 'unready', 'stopping']),
  checks: z.strictObject({
    database: ReadinessCheck.describe('PostgreSQL runs a query'),
    migrations: ReadinessCheck.describe("every migration of this release is applied ('behind' when not)"),
    temporal: ReadinessCheck.describe('the Temporal frontend answers'),
  }),
});

export const OpenApiDocument = z
  .looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.looseObject({}) })
  .describe('this document');

/** Every named response schema; each becomes `#/components/schemas/<name>` in the document. */
export const PaymentRecorded = z.strictObject({
  status: z
    .enum(['RECORDED', 'ALREADY_RECORDED'])
    .describe('ALREADY_RECORDED: this transaction was recorded before'),
  billCode: BillCode,
  transactionId: z.string(),
});

export const RESPONSE_SCHEMAS = {
  PaymentRecorded,
  AppointmentView,
  AppointmentAnswer,
  AvailableSlots,
  PromoView,
  PackageView,
  PackageDetailView,
  PackageList,
  SubscriptionView,
  UpgradeOptions,
  PaymentView,
  PaymentPage,
  BillLineView,
  BillQuoteView,
  BillView,
  BillPage,
  UpgradeStep,
  UpgradeView,
  UpgradePage,
  UpgradeAccepted,
  HomeView,
  OntReplacementAccepted,
  TechnicianVisitList,
  JobCard,
  InboxItem,
  Inbox,
  OutboxMessage,
  Outbox,
  DeviceNotification,
  DeviceNotifications,
  WebClientSettings,
  DevCustomerList,
  DevSession,
  TicketView,
  TicketList,
  WorkOrderView,
  CsCustomerMatch,
  CsCustomerSearch,
  CsCustomerProfile,
  CsWorkOrders,
  CsNotice,
  CsNotices,
  CsAuditEntry,
  CsAuditTrail,
  CsCancelAnswer,
  CsVisitAnswer,
  CsResendAnswer,
  CsNoteAnswer,
  Health,
  Liveness,
  Readiness,
  OpenApiDocument,
} as const;

// ---- types ----------------------------------------------------------------------------------

export type PromoView = z.output<typeof PromoView>;
export type PackageView = z.output<typeof PackageView>;
export type PackageDetailView = z.output<typeof PackageDetailView>;
export type BillLineView = z.output<typeof BillLineView>;
export type BillQuoteView = z.output<typeof BillQuoteView>;
export type BillView = z.output<typeof BillView>;

/** What the printable Billing Statement needs besides the bill. */
export interface StatementCustomer {
  id: string;
  name: string;
  installationAddress: string;
}
export type TechnicianVisit = z.output<typeof TechnicianVisit>;
export type TechnicianVisitList = z.output<typeof TechnicianVisitList>;
export type JobCard = z.output<typeof JobCard>;
