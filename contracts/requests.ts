/**
 * What the API accepts, as zod schemas: path parameters (PATH_PARAMS, by name), query strings and
 * request bodies. The routes validate with them (api/operation.ts) and the OpenAPI document's
 * inputs are generated from them, as its outputs are from contracts/views.ts. Unknown fields and
 * query parameters are refused (strict objects).
 */
import { z } from 'zod';
import { VISIT_PENDING_CATEGORIES } from '../domain/visits';
import { GATEWAY_METHODS } from './payments';
import { UPGRADE_STATUSES } from './upgrade';

export const CustomerIdParam = z.string().regex(/^\d{8}$/, 'customer ID must be 8 digits');
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Idempotency-Key must be 1-64 letters, digits, "-" or "_"');
export const UpgradeIdParam = z
  .string()
  .regex(/^upgrade-\d{8}-[A-Za-z0-9_-]{1,64}$/, 'upgrade ID looks like upgrade-<customerId>-<key>');
export const PackageCode = z.string().regex(/^[A-Z0-9+-]{1,40}$/, 'package code looks like STREAM-150-SEM');

export const StartUpgradeBody = z.strictObject({ targetPackageCode: PackageCode });

export const PackageCodeParam = PackageCode;
export const BillCodeParam = z.string().regex(/^\d{12}$/, 'bill code is 12 digits (YYYYMM + 6)');
export const QuoteBody = z.strictObject({ targetPackageCode: PackageCode });
export const Pagination = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const WorkOrderNumberParam = z
  .string()
  .regex(/^WO-\d{8}-\d{7}$/, 'work order number looks like WO-04112025-2825386');
/** Whitespace `String.prototype.trim` removes, less the control characters (refused anyway). */
const SPACE = ' \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f';
/**
 * Free text, trimmed, of `min`-`max` characters once trimmed, without control characters (a NUL
 * cannot even be stored). One pattern says it all, so the OpenAPI document states exactly what is
 * accepted: surrounding spaces, then `min`-`max` characters that start and end with a visible one.
 */
function trimmedText(min: number, max: number, what: string) {
  const edge = `[^${SPACE}${CONTROL}]`;
  const pattern = new RegExp(
    `^[${SPACE}]*${edge}[^${CONTROL}]{${min - 2},${max - 2}}${edge}[${SPACE}]*$`,
    'u',
  );
  return z
    .string()
    .regex(pattern, `${what} is ${min}-${max} characters without control characters`)
    .transform((text) => text.trim());
}

export const OntReplacementBody = z.strictObject({
  newOntSerial: z.string().regex(/^[A-Z0-9]{8,20}$/, 'ONT serial is 8-20 capital letters or digits'),
  newOntModel: trimmedText(2, 60, 'ONT model'),
  band: z.enum(['SINGLE', 'DUAL']),
  technician: trimmedText(2, 80, 'technician').optional(),
  replacedAt: z.iso.datetime({ offset: true }).optional(),
  early: z
    .boolean()
    .optional()
    .describe('the swap was done before the booked visit’s day (without it, such a report is refused)'),
});
/** Structure only: whether the date is real, the slot one of ours, and free, is the booking's (422/409). */
/**
 * Midtrans's HTTP notification (api/routes/payments.ts): the fields we read; Midtrans sends more
 * (transaction_time, va_numbers…), kept out of the way. Its `signature_key` is checked first (api/access.ts).
 */
export const MidtransNotificationBody = z.looseObject({
  order_id: z.string().min(1).max(50),
  status_code: z.string().regex(/^\d{3}$/),
  gross_amount: z.string().regex(/^\d+(\.\d{1,2})?$/, 'gross_amount is "771700.00"'),
  signature_key: z.string().regex(/^[0-9a-f]{128}$/i),
  transaction_status: z.string().min(1).max(40),
  fraud_status: z.string().max(40).optional(),
  payment_type: z.string().max(40).optional(),
  transaction_id: z.string().max(64).optional(),
  settlement_time: z.string().max(40).optional(),
});

/** "Bayar" with a method: opens a payment attempt at the gateway. */
export const PaymentAttemptBody = z.strictObject({ method: z.enum(GATEWAY_METHODS) });

export const AppointmentBody = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date is YYYY-MM-DD (Jakarta)'),
  slot: z.string().regex(/^\d{2}-\d{2}$/, 'slot is HH-HH, e.g. 08-10'),
});
/** A missed visit: a category, and a remark (which OTHER must have). */
export const VisitReportBody = z.union([
  z.strictObject({
    outcome: z.literal('PENDING'),
    category: z.enum(VISIT_PENDING_CATEGORIES).exclude(['OTHER']),
    remark: trimmedText(2, 500, 'remark').optional(),
  }),
  z.strictObject({
    outcome: z.literal('PENDING'),
    category: z.literal('OTHER'),
    remark: trimmedText(2, 500, 'remark').describe('required with OTHER: what happened'),
  }),
]);
export const AvailableSlotsQuery = z.strictObject({
  from: z.iso.date().optional(),
  days: z.coerce.number().int().min(1).max(31).default(14),
});
export const TechnicianVisitsQuery = z.strictObject({
  date: z.iso.date().optional().describe('the Jakarta day; default today'),
  area: z
    .string()
    .regex(/^[A-Z]{2,10}$/, 'an area is the letters of a FAT code, e.g. JKT')
    .optional()
    .describe('only this area (FAT-JKT-… → JKT); default every area'),
});
export const UpgradeStatusQuery = z.strictObject({
  status: z.enum(UPGRADE_STATUSES).optional(),
  customerId: z
    .string()
    .regex(/^\d{8}$/, 'customer ID must be 8 digits')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** Whose reads (a customer's data) or whose reading (a staff account), paginated. */
export const AccessRecordQuery = z.strictObject({
  customerId: z
    .string()
    .regex(/^\d{8}$/, 'customer ID must be 8 digits')
    .optional(),
  reader: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'reader is a staff account name')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const TicketQuery = z.strictObject({
  customerId: z.string().regex(/^\d{8}$/, 'customer ID must be 8 digits'),
});

export const TicketNoParam = z.string().regex(/^\d{7}$/, 'ticket number is 7 digits');

/** At most this many customers a search shows a page, and at most this many pages: 100 customers per query. */
export const CS_SEARCH_PAGE_SIZE = 20;
export const CS_SEARCH_PAGES = 5;
/**
 * The customer-service console's search: a customer ID, name, phone, bill code, ticket or WO
 * number. Small pages, few of them: no query lists every customer by paging (services/customer-service.ts).
 */
export const CsSearchQuery = z.strictObject({
  q: trimmedText(2, 80, 'q'),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(CS_SEARCH_PAGES, `page is 1-${CS_SEARCH_PAGES}: refine the query to find more`)
    .default(1),
  pageSize: z.coerce.number().int().min(1).max(CS_SEARCH_PAGE_SIZE).default(CS_SEARCH_PAGE_SIZE),
});
/** Why an operator acts for the customer: kept in the audit trail. */
export const CsReason = trimmedText(3, 500, 'reason');
export const CsCancelBody = z.strictObject({ reason: CsReason });
export const CsVisitBody = z.strictObject({
  date: AppointmentBody.shape.date,
  slot: AppointmentBody.shape.slot,
  reason: CsReason,
});
export const CsResendBody = z.strictObject({ reason: CsReason });
export const CsNoteBody = z.strictObject({
  note: trimmedText(2, 1000, 'note').describe('the line added to the ticket (the CRM’s "Noted")'),
});

/** 1 to 2147483647 (PostgreSQL `integer`), spelled as a pattern so the OpenAPI document says it exactly. */
const POSITIVE_INT32 =
  /^(?:[1-9]\d{0,8}|1\d{9}|20\d{8}|21[0-3]\d{7}|214[0-6]\d{6}|2147[0-3]\d{5}|21474[0-7]\d{4}|214748[0-2]\d{3}|2147483[0-5]\d{2}|21474836[0-3]\d|214748364[0-7])$/;
export const NotificationIdParam = z
  .string()
  .regex(POSITIVE_INT32, 'notification ID must be a positive integer up to 2147483647')
  .transform(Number);
const Limit = z.coerce.number().int().min(1).max(200);
/** Unknown query parameters are refused (400), like everywhere else. */
export const OutboxQuery = z.strictObject({
  customerId: CustomerIdParam.optional(),
  limit: Limit.default(50),
});
export const InboxQuery = z.strictObject({ limit: Limit.default(100) });

/** Device pushes after the last one the app has seen (by ID). */
export const DeviceNotificationsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  limit: Limit.default(20),
});
/** Development sign-in: who to be. A customer's subject is their 8-digit customer ID. */
export const DevSignInBody = z.union([
  z.strictObject({ role: z.literal('customer'), subject: CustomerIdParam }),
  z.strictObject({
    role: z.enum(['technician', 'cs', 'operator']),
    subject: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'subject is 2-40 lowercase letters, digits or "-"'),
  }),
]);
/** For routes that take no query parameter: any is refused (400). */
export const NoQuery = z.strictObject({});
/** The billing statement also opens with the link token of the bill email (`?access_token=`). */
export const StatementQuery = z.strictObject({ access_token: z.string().optional() });

/** Every path parameter, by the name routes give it: schema, description, example (demo data). */
export const PATH_PARAMS = {
  customerId: { schema: CustomerIdParam, description: 'the 8-digit customer ID', example: '21314849' },
  packageCode: { schema: PackageCodeParam, description: 'package code', example: 'STREAM-150-SEM' },
  billCode: {
    schema: BillCodeParam,
    description: 'bill code: period YYYYMM + 6 digits',
    example: '202511712857',
  },
  upgradeId: {
    schema: UpgradeIdParam,
    description: 'upgrade ID = workflow ID, `upgrade-<customerId>-<Idempotency-Key>`',
    example: 'upgrade-21314849-demo-1',
  },
  woNumber: {
    schema: WorkOrderNumberParam,
    description: 'work order number',
    example: 'WO-04112025-2825386',
  },
  notificationId: { schema: NotificationIdParam, description: 'the notice', example: '1' },
  ticketNo: { schema: TicketNoParam, description: 'the CRM ticket number', example: '3759821' },
};
/** The rows of one page, for Prisma's findMany. */
export const pageWindow = ({ page, pageSize }: { page: number; pageSize: number }) => ({
  skip: (page - 1) * pageSize,
  take: pageSize,
});
