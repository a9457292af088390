/**
 * Every operation the app serves, with the schemas it validates its input with (the very zod
 * objects the routes pass to `parseOr400`, from api/schemas.ts), who may call it, and every
 * status it can answer with the body of each. api/openapi.ts turns this table into the OpenAPI
 * document; test/integration/openapi.test.ts checks it against the routes Express really has.
 */
import type { z } from 'zod';
import {
  BillCodeParam,
  CustomerIdParam,
  IdempotencyKey,
  InboxQuery,
  NoQuery,
  NotificationIdParam,
  OntReplacementBody,
  OutboxQuery,
  PackageCodeParam,
  Pagination,
  QuoteBody,
  StartUpgradeBody,
  StatementQuery,
  TicketQuery,
  UpgradeIdParam,
  UpgradeStatusQuery,
  WorkOrderNumberParam,
} from '../schemas';
import type { RESPONSE_SCHEMAS } from './views';

/** Who may call an operation; each kind adds its own 401/403/404 answers. */
export type Access =
  /** Anyone, no token. */
  | 'public'
  /** Any role. */
  | 'any'
  /** The customer themself (others get 404) or an operator; not a technician (403). */
  | 'customer-read'
  /** The customer themself only (others 404); operators and technicians get 403. */
  | 'customer-act'
  /** A resource found by its own ID: its customer or an operator; a technician gets 403. */
  | 'resource-read'
  | 'technician'
  | 'operator';

export interface ParameterSpec {
  schema: z.ZodType;
  description: string;
  example?: string;
  required?: boolean;
}

export interface HeaderSpec {
  description: string;
  required?: boolean;
}

export type BodyName = keyof typeof RESPONSE_SCHEMAS | 'Problem' | 'html';

export interface ResponseSpec {
  description: string;
  body: BodyName;
  headers?: Record<string, HeaderSpec>;
  /** OpenAPI links, for stateful testing: target operationId and its parameters. */
  links?: Record<string, { operationId: string; parameters: Record<string, string>; description: string }>;
}

export interface RequestBodySpec {
  /** The component name of the body's schema. */
  name: string;
  schema: z.ZodType;
  example: unknown;
}

export interface OperationSpec {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI path template (`/v1/customers/{customerId}/bills`). */
  path: string;
  tag: string;
  summary: string;
  description: string;
  access: Access;
  pathParams?: Record<string, ParameterSpec>;
  /** The schema the route validates `req.query` with; its properties become query parameters. */
  query?: z.ZodObject;
  headers?: Record<string, ParameterSpec>;
  body?: RequestBodySpec;
  /** Statuses the route itself answers; the access kind adds 401/403/404 (see accessResponses). */
  responses: Record<number, ResponseSpec>;
}

// ---- parameters (examples are the demo data of prisma/seed-data.ts) -------------------------

const customerId: Record<string, ParameterSpec> = {
  customerId: {
    schema: CustomerIdParam,
    description: 'the 8-digit customer ID',
    example: '21314849',
  },
};
const billCode: Record<string, ParameterSpec> = {
  billCode: {
    schema: BillCodeParam,
    description: 'bill code: period YYYYMM + 6 digits',
    example: '202511712857',
  },
};
const upgradeId: Record<string, ParameterSpec> = {
  upgradeId: {
    schema: UpgradeIdParam,
    description: 'upgrade ID = workflow ID, `upgrade-<customerId>-<Idempotency-Key>`',
    example: 'upgrade-21314849-demo-1',
  },
};
const woNumber: Record<string, ParameterSpec> = {
  woNumber: {
    schema: WorkOrderNumberParam,
    description: 'work order number',
    example: 'WO-04112025-2825386',
  },
};

// ---- responses --------------------------------------------------------------------------------

const problem = (description: string): ResponseSpec => ({ description, body: 'Problem' });
const invalid = problem(
  'invalid input: every wrong parameter or field is listed in `errors`; unknown ones too',
);
const tooLarge = problem('the JSON body is larger than 16 kB');
const unsupported = problem('the body uses an unsupported charset or content encoding');

const WWW_AUTHENTICATE: Record<string, HeaderSpec> = {
  'WWW-Authenticate': { description: 'Bearer realm="oxygen-selfcare"', required: true },
};
const RATE_LIMIT: Record<string, HeaderSpec> = {
  RateLimit: { description: 'remaining upgrade requests in the window (IETF draft 8)' },
  'RateLimit-Policy': { description: 'the limit: a handful of upgrade requests per customer per minute' },
};

/** The answers authentication and authorization add, by access kind. */
export function accessResponses(access: Access): Record<number, ResponseSpec> {
  if (access === 'public') return {};
  const unauthorized: ResponseSpec = {
    description: 'no bearer token, a malformed Authorization header, or a token invalid or expired',
    body: 'Problem',
    headers: WWW_AUTHENTICATE,
  };
  const linkToken = 'a link token used outside the one resource it was issued for';
  switch (access) {
    case 'any':
      return { 401: unauthorized, 403: problem(linkToken) };
    case 'customer-read':
      return {
        401: unauthorized,
        403: problem(`a technician; ${linkToken}`),
        404: problem('the customer (or what is asked of them) does not exist, or is another customer'),
      };
    case 'customer-act':
      return {
        401: unauthorized,
        403: problem(`an operator or a technician (only the customer may act); ${linkToken}`),
        404: problem('the customer does not exist, or is another customer'),
      };
    case 'resource-read':
      return {
        401: unauthorized,
        403: problem(`a technician asking for an existing resource; ${linkToken}`),
        404: problem('it does not exist, or belongs to another customer'),
      };
    case 'technician':
      return { 401: unauthorized, 403: problem(`not a technician; ${linkToken}`) };
    case 'operator':
      return { 401: unauthorized, 403: problem(`not an operator; ${linkToken}`) };
  }
}

export const ACCESS_TEXT: Record<Access, string> = {
  public: 'Public: no token.',
  any: 'Any role (customer, technician, operator).',
  'customer-read':
    'The customer themself (own data only: another customer’s ID answers 404) or an operator (read-only). Technicians: 403.',
  'customer-act':
    'The customer themself only (another customer’s ID answers 404). Operators and technicians: 403.',
  'resource-read': 'The customer it belongs to (anyone else’s answers 404) or an operator. Technicians: 403.',
  technician: 'Technicians only (the installer vendor’s technician API).',
  operator: 'Operators only (ops and read).',
};

// ---- the operations ---------------------------------------------------------------------------

export const OPERATIONS: OperationSpec[] = [
  {
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'System',
    summary: 'Liveness of the API and what it depends on',
    description: 'Checks PostgreSQL and Temporal (3 s each).',
    access: 'public',
    responses: {
      200: { description: 'PostgreSQL and Temporal answer', body: 'Health' },
      503: { description: 'PostgreSQL or Temporal does not answer', body: 'Health' },
    },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    tag: 'System',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the schemas the routes validate with.',
    access: 'public',
    responses: { 200: { description: 'the document', body: 'OpenApiDocument' } },
  },
  {
    operationId: 'getDocsPage',
    method: 'get',
    path: '/docs',
    tag: 'System',
    summary: 'This document as a web page',
    description: 'A static page rendered from /openapi.json (no script, no CDN).',
    access: 'public',
    responses: { 200: { description: 'the page', body: 'html' } },
  },
  {
    operationId: 'listPackages',
    method: 'get',
    path: '/v1/packages',
    tag: 'Catalog',
    summary: 'The active catalog',
    description: 'Every active package, by speed, then term, then product line, with its promo if one runs.',
    access: 'any',
    query: NoQuery,
    responses: { 200: { description: 'the catalog', body: 'PackageList' }, 400: invalid },
  },
  {
    operationId: 'getPackage',
    method: 'get',
    path: '/v1/packages/{packageCode}',
    tag: 'Catalog',
    summary: 'A package with its terms and conditions (S&K)',
    description: 'View Detail + S&K.',
    access: 'any',
    pathParams: {
      packageCode: { schema: PackageCodeParam, description: 'package code', example: 'STREAM-150-SEM' },
    },
    query: NoQuery,
    responses: {
      200: { description: 'the package', body: 'PackageDetailView' },
      400: invalid,
      404: problem('no active package has this code'),
    },
  },
  {
    operationId: 'getSubscription',
    method: 'get',
    path: '/v1/customers/{customerId}/subscription',
    tag: 'Customers',
    summary: 'The active package and the ONT (View Detail Paket Aktif)',
    description: 'Service info (package, speed, term, period, price, status) and device info.',
    access: 'customer-read',
    pathParams: customerId,
    query: NoQuery,
    responses: { 200: { description: 'the subscription', body: 'SubscriptionView' }, 400: invalid },
  },
  {
    operationId: 'listUpgradeOptions',
    method: 'get',
    path: '/v1/customers/{customerId}/upgrade-options',
    tag: 'Customers',
    summary: 'Packages the customer may upgrade to (View List Package)',
    description: 'Only faster packages with a term at least as long, by speed then term.',
    access: 'customer-read',
    pathParams: customerId,
    query: NoQuery,
    responses: { 200: { description: 'the options', body: 'UpgradeOptions' }, 400: invalid },
  },
  {
    operationId: 'listPayments',
    method: 'get',
    path: '/v1/customers/{customerId}/payments',
    tag: 'Customers',
    summary: 'Payment history (Riwayat Pembayaran)',
    description: 'Newest first, paginated.',
    access: 'customer-read',
    pathParams: customerId,
    query: Pagination,
    responses: { 200: { description: 'one page of payments', body: 'PaymentPage' }, 400: invalid },
  },
  {
    operationId: 'quoteUpgrade',
    method: 'post',
    path: '/v1/customers/{customerId}/upgrade-quotes',
    tag: 'Upgrades',
    summary: 'The bill an upgrade today would issue',
    description:
      'The confirm screen: the prorated bill, computed exactly as the upgrade will issue it. Changes nothing.',
    access: 'customer-act',
    pathParams: customerId,
    query: NoQuery,
    body: {
      name: 'UpgradeQuoteRequest',
      schema: QuoteBody,
      example: { targetPackageCode: 'STREAM-150-SEM' },
    },
    responses: {
      200: { description: 'the quote', body: 'BillQuoteView' },
      400: invalid,
      413: tooLarge,
      415: unsupported,
      422: problem('unknown target package (UNKNOWN_PACKAGE), no active subscription, or not eligible'),
    },
  },
  {
    operationId: 'listBills',
    method: 'get',
    path: '/v1/customers/{customerId}/bills',
    tag: 'Bills',
    summary: 'The customer’s bills',
    description: 'Newest first, paginated.',
    access: 'customer-read',
    pathParams: customerId,
    query: Pagination,
    responses: { 200: { description: 'one page of bills', body: 'BillPage' }, 400: invalid },
  },
  {
    operationId: 'getBill',
    method: 'get',
    path: '/v1/bills/{billCode}',
    tag: 'Bills',
    summary: 'A bill',
    description: 'The bill with its lines, as the Billing App keeps it.',
    access: 'resource-read',
    pathParams: billCode,
    query: NoQuery,
    responses: { 200: { description: 'the bill', body: 'BillView' }, 400: invalid },
  },
  {
    operationId: 'getBillStatement',
    method: 'get',
    path: '/v1/bills/{billCode}/statement',
    tag: 'Bills',
    summary: 'The printable Billing Statement (HTML)',
    description:
      'Also opens with the link of the bill email: `?access_token=<link token>` whose scope is this one statement.',
    access: 'resource-read',
    pathParams: billCode,
    query: StatementQuery,
    responses: { 200: { description: 'the statement page', body: 'html' }, 400: invalid },
  },
  {
    operationId: 'startUpgrade',
    method: 'post',
    path: '/v1/customers/{customerId}/upgrades',
    tag: 'Upgrades',
    summary: 'Upgrade the package (starts the UpgradeWorkflow)',
    description:
      'Admits the request and starts its workflow; answers at once. Repeating a request with the same ' +
      'Idempotency-Key finds the same upgrade (`created: false`). Rate-limited per customer.',
    access: 'customer-act',
    pathParams: customerId,
    query: NoQuery,
    headers: {
      'Idempotency-Key': {
        schema: IdempotencyKey,
        description: 'makes retries safe; a UUID is used when absent',
        example: 'demo-1',
      },
    },
    body: {
      name: 'StartUpgradeRequest',
      schema: StartUpgradeBody,
      example: { targetPackageCode: 'STREAM-150-SEM' },
    },
    responses: {
      202: {
        description: 'accepted: the upgrade runs; follow it at `Location`',
        body: 'UpgradeAccepted',
        headers: { Location: { description: '/v1/upgrades/{upgradeId}', required: true }, ...RATE_LIMIT },
        links: {
          GetUpgrade: {
            operationId: 'getUpgrade',
            parameters: { upgradeId: '$response.body#/upgradeId' },
            description: 'the upgrade just started',
          },
        },
      },
      400: invalid,
      409: problem('another upgrade of this customer is in flight (UPGRADE_IN_PROGRESS, with its upgradeId)'),
      413: tooLarge,
      415: unsupported,
      422: problem(
        'unknown target package, no active subscription, not eligible, or the Idempotency-Key was used for another target',
      ),
      429: {
        description: 'too many upgrade requests for this customer; try again in a minute',
        body: 'Problem',
        headers: { 'Retry-After': { description: 'seconds to wait' }, ...RATE_LIMIT },
      },
      503: problem('Temporal could not start the run; nothing was kept, try again'),
    },
  },
  {
    operationId: 'getUpgrade',
    method: 'get',
    path: '/v1/upgrades/{upgradeId}',
    tag: 'Upgrades',
    summary: 'Progress of an upgrade',
    description: 'Fresh from the running workflow while it runs, from the database once it has closed.',
    access: 'resource-read',
    pathParams: upgradeId,
    query: NoQuery,
    responses: { 200: { description: 'the progress', body: 'UpgradeView' }, 400: invalid },
  },
  {
    operationId: 'listCustomerUpgrades',
    method: 'get',
    path: '/v1/customers/{customerId}/upgrades',
    tag: 'Upgrades',
    summary: 'The customer’s upgrades',
    description: 'Newest first, paginated.',
    access: 'customer-read',
    pathParams: customerId,
    query: Pagination,
    responses: { 200: { description: 'one page of upgrades', body: 'UpgradePage' }, 400: invalid },
  },
  {
    operationId: 'getHome',
    method: 'get',
    path: '/v1/customers/{customerId}/home',
    tag: 'Customers',
    summary: 'The app’s Home Page',
    description:
      'Package, period, promo, ONT, the upgrade in flight, the technician visit, unread inbox count.',
    access: 'customer-read',
    pathParams: customerId,
    query: NoQuery,
    responses: { 200: { description: 'the home page', body: 'HomeView' }, 400: invalid },
  },
  {
    operationId: 'reportOntReplacement',
    method: 'post',
    path: '/v1/technician/work-orders/{woNumber}/ont-replacement',
    tag: 'Technician',
    summary: 'Report that the ONT of a maintenance work order was swapped',
    description:
      'Signals the waiting upgrade; it then updates the ONT, closes the ticket and WO and notifies.',
    access: 'technician',
    pathParams: woNumber,
    query: NoQuery,
    body: {
      name: 'OntReplacementReport',
      schema: OntReplacementBody,
      example: {
        newOntSerial: 'ZTEGD8A1B2C3',
        newOntModel: 'ZTE F670L',
        band: 'DUAL',
        technician: 'Budi (MISITEL)',
        replacedAt: '2025-11-24T10:00:00+07:00',
      },
    },
    responses: {
      202: { description: 'the report reached the upgrade', body: 'OntReplacementAccepted' },
      400: invalid,
      404: problem('no such work order'),
      409: problem(
        'not a maintenance WO (NOT_MAINTENANCE), already closed or its run ended (WORK_ORDER_CLOSED), or the ONT belongs elsewhere (ONT_ALREADY_REGISTERED)',
      ),
      413: tooLarge,
      415: unsupported,
      422: problem('the new ONT is not dual band (NOT_DUAL_BAND)'),
      503: problem('Temporal did not take the report; nothing changed, try again'),
    },
  },
  {
    operationId: 'getInbox',
    method: 'get',
    path: '/v1/customers/{customerId}/inbox',
    tag: 'Notifications',
    summary: 'The in-app inbox',
    description: 'Newest first.',
    access: 'customer-read',
    pathParams: customerId,
    query: InboxQuery,
    responses: { 200: { description: 'the inbox', body: 'Inbox' }, 400: invalid },
  },
  {
    operationId: 'markInboxRead',
    method: 'post',
    path: '/v1/customers/{customerId}/inbox/{notificationId}/read',
    tag: 'Notifications',
    summary: 'Mark an inbox notice read',
    description: 'Idempotent: reading it again keeps the first read time. Takes no body.',
    access: 'customer-act',
    pathParams: {
      ...customerId,
      notificationId: { schema: NotificationIdParam, description: 'the notice', example: '1' },
    },
    query: NoQuery,
    responses: {
      200: { description: 'the notice, read', body: 'InboxItem' },
      400: invalid,
      404: problem('the customer does not exist or is another customer, or the notice is not in their inbox'),
    },
  },
  {
    operationId: 'getDevOutbox',
    method: 'get',
    path: '/v1/dev/outbox',
    tag: 'Developer',
    summary: 'What the local email transport “sent”',
    description: 'Newest first. Not served in production (404).',
    access: 'operator',
    query: OutboxQuery,
    responses: {
      200: { description: 'the messages', body: 'Outbox' },
      400: invalid,
      404: problem('production: the developer outbox does not exist there'),
    },
  },
  {
    operationId: 'listAllUpgrades',
    method: 'get',
    path: '/v1/ops/upgrades',
    tag: 'Operations',
    summary: 'Upgrades of every customer',
    description: 'Newest first, filtered by status and customer, paginated.',
    access: 'operator',
    query: UpgradeStatusQuery,
    responses: { 200: { description: 'one page of upgrades', body: 'UpgradePage' }, 400: invalid },
  },
  {
    operationId: 'listTickets',
    method: 'get',
    path: '/v1/ops/tickets',
    tag: 'Operations',
    summary: 'A customer’s CRM trouble tickets',
    description: 'Newest first.',
    access: 'operator',
    query: TicketQuery,
    responses: { 200: { description: 'the tickets', body: 'TicketList' }, 400: invalid },
  },
  {
    operationId: 'getWorkOrder',
    method: 'get',
    path: '/v1/ops/work-orders/{woNumber}',
    tag: 'Operations',
    summary: 'A work order as the Billing App shows it',
    description: 'Upgrade or maintenance (ONT swap) work order.',
    access: 'operator',
    pathParams: woNumber,
    query: NoQuery,
    responses: {
      200: { description: 'the work order', body: 'WorkOrderView' },
      400: invalid,
      404: problem('no such work order'),
    },
  },
];

const routeMatchers = OPERATIONS.map((op) => ({
  method: op.method.toUpperCase(),
  // Express matches case-insensitively and ignores one trailing slash.
  regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i'),
}));

/** The methods a path answers (HEAD with GET, as Express does); empty when no route has that path. */
export function allowedMethods(path: string): string[] {
  const methods = routeMatchers.filter((m) => m.regex.test(path)).map((m) => m.method);
  return [...new Set(methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))];
}
