/**
 * Who may do what. Customers act only on their own data (another customer's answers 404, so
 * nothing leaks), technicians only report ONT swaps, CS agents (`cs`) read a customer's data and
 * act for them through the CS console's routes, operators (`operator`) have the ops views and
 * nothing of a customer's own routes. Every staff read of a customer's data is recorded
 * (`readCustomer`, api/operation.ts, services/access-records.ts). Tokens: `Authorization: Bearer <jwt>` from a trusted issuer (platform/auth/).
 */
import type { Request, Response } from 'express';
import type { Principal, Role } from '../platform/auth';
import { forbidden, unauthorized } from '../platform/auth/bearer';
import { notFound } from '../platform/http/problem';
import { isMidtransSignature } from '../platform/midtrans';

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw unauthorized('a bearer token is required');
  return principal;
}

const role = (needed: Role) => (_req: Request, res: Response) => {
  if (principalOf(res).role !== needed) throw forbidden(`this needs the role ${needed}`);
};

/**
 * The customers whose personal data this answer shows a staff caller: api/operation.ts records
 * each (who, when, which customer, what) once the answer is ready. Customers reading their own
 * data are not recorded.
 */
export function readCustomer(res: Response, ...customerIds: string[]): void {
  if (principalOf(res).role === 'customer') return;
  const shown: Set<string> = res.locals.customersShown ?? new Set<string>();
  for (const id of customerIds) shown.add(id);
  res.locals.customersShown = shown;
}

/** A view of one customer's data, the customer marked as read (`readCustomer`). */
export function showingCustomer<T extends { customer: { id: string } }>(res: Response, view: T): T {
  readCustomer(res, view.customer.id);
  return view;
}

const STAFF_REFUSAL: Record<Role, string> = {
  customer: 'only the customer may act',
  technician: 'technicians may only report ONT swaps',
  cs: 'CS agents act for a customer through the CS console’s routes only',
  operator: 'operators have the ops views, not a customer’s data (that is the CS console’s, role cs)',
};

/** For routes under /customers/{customerId}: another customer's ID answers 404, never 403. */
const customer = (mode: 'read' | 'act') => (req: Request, res: Response) => {
  const principal = principalOf(res);
  const customerId = String(req.params.customerId);
  // A malformed ID is the route's to refuse (400), whoever asks.
  if (!/^\d{8}$/.test(customerId)) return;
  if (principal.role === 'customer') {
    if (principal.sub !== customerId) throw notFound(`customer ${customerId} does not exist`);
    return;
  }
  if (principal.role === 'cs' && mode === 'read') {
    readCustomer(res, customerId);
    return;
  }
  throw forbidden(STAFF_REFUSAL[principal.role]);
};

/** For resources found by their own ID (bills, upgrades): 404 unless the caller may see their customer. */
export function assertMayRead(res: Response, customerId: string, what: string): void {
  const principal = principalOf(res);
  if (principal.role === 'cs') {
    readCustomer(res, customerId);
    return;
  }
  if (principal.role === 'customer' && principal.sub === customerId) return;
  if (principal.role !== 'customer') throw forbidden(STAFF_REFUSAL[principal.role]);
  throw notFound(`${what} does not exist`);
}

/** A work order's visit: its customer, the vendor's technicians and CS agents; another customer gets 404. */
export function assertMaySeeWorkOrder(
  res: Response,
  workOrder: { customerId: string; vendor: string | null },
  woNumber: string,
): void {
  const principal = principalOf(res);
  if (principal.role === 'customer' && principal.sub !== workOrder.customerId) {
    throw notFound(`work order ${woNumber} does not exist`);
  }
  if (principal.role === 'technician') assertVendorsWorkOrder(res, workOrder, woNumber);
  if (principal.role === 'operator') throw forbidden(STAFF_REFUSAL.operator);
  if (principal.role === 'cs') readCustomer(res, workOrder.customerId);
}

/** The technician's installer vendor (the token's `vendor` claim); a token without one is refused. */
export function vendorOf(res: Response): string {
  const { vendor } = principalOf(res);
  if (!vendor) throw forbidden('this technician token names no installer vendor (the vendor claim)');
  return vendor;
}

/** Another vendor's work order, or one with no vendor, answers 404 to a technician, as if it did not exist. */
function assertVendorsWorkOrder(res: Response, workOrder: { vendor: string | null }, woNumber: string): void {
  const vendor = vendorOf(res);
  if (workOrder.vendor !== vendor) {
    throw notFound(`work order ${woNumber} does not exist`);
  }
}

const LINK_TOKEN = 'a link token used outside the one resource it was issued for';

/**
 * Who may call an operation: the text of its description, the answers it adds to the document
 * besides 401 (any but public), and the check made before the input is validated.
 */
export const ACCESS: Record<
  | 'public'
  | 'any'
  | 'customer-read'
  | 'customer-act'
  | 'resource-read'
  | 'work-order-read'
  | 'technician'
  | 'cs'
  | 'operator'
  | 'payment-gateway',
  { who: string; answers: Record<number, string>; check?: (req: Request, res: Response) => void }
> = {
  public: { who: 'Public: no token.', answers: {} },
  any: { who: 'Any role (customer, technician, cs, operator).', answers: { 403: LINK_TOKEN } },
  'customer-read': {
    who: 'The customer themself (own data only: another customer’s ID answers 404) or a CS agent (read-only, recorded). Technicians and operators: 403.',
    answers: {
      403: `a technician or an operator; ${LINK_TOKEN}`,
      404: 'the customer (or what is asked of them) does not exist, or is another customer',
    },
    check: customer('read'),
  },
  'customer-act': {
    who: 'The customer themself only (another customer’s ID answers 404). CS agents, operators and technicians: 403.',
    answers: {
      403: `a CS agent, an operator or a technician (only the customer may act); ${LINK_TOKEN}`,
      404: 'the customer does not exist, or is another customer',
    },
    check: customer('act'),
  },
  /** The handler finds the resource, then calls assertMayRead with its customer. */
  'resource-read': {
    who: 'The customer it belongs to (anyone else’s answers 404) or a CS agent (recorded). Technicians and operators: 403.',
    answers: {
      403: `a technician or an operator asking for an existing resource; ${LINK_TOKEN}`,
      404: 'it does not exist, or belongs to another customer',
    },
  },
  /** The handler finds the work order, then calls assertMaySeeWorkOrder with its customer. */
  'work-order-read': {
    who: 'The customer the work order belongs to (anyone else’s answers 404), its vendor’s technicians (another vendor’s: 404) and CS agents (recorded). Operators: 403.',
    answers: {
      403: `an operator, or a technician token naming no vendor; ${LINK_TOKEN}`,
      404: 'it does not exist, or belongs to another customer or vendor',
    },
  },
  technician: {
    who: 'Technicians only (the installer vendor’s technician API), on their own vendor’s work orders (another vendor’s answer 404).',
    answers: { 403: `not a technician, or a technician token naming no vendor; ${LINK_TOKEN}` },
    check: role('technician'),
  },
  'payment-gateway': {
    who: 'Midtrans (the payment gateway): no bearer token, but the body’s `signature_key`, the hex SHA-512 of `order_id + status_code + gross_amount + MIDTRANS_SERVER_KEY`, compared in constant time.',
    answers: {},
    check: (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const fields = {
        order_id: String(body.order_id ?? ''),
        status_code: String(body.status_code ?? ''),
        gross_amount: String(body.gross_amount ?? ''),
        signature_key: String(body.signature_key ?? ''),
      };
      if (!isMidtransSignature(fields, req.app.locals.midtransServerKey as string)) {
        res.locals.refusal = 'BAD_SIGNATURE'; // in the request log; the signature itself never is
        throw unauthorized('not a notification of the payment gateway: signature_key does not match');
      }
    },
  },
  cs: {
    who: 'CS agents only (role cs: the customer-service console). Every read of a customer’s data is recorded (GET /v1/ops/access-records).',
    answers: { 403: `not a CS agent (role cs); ${LINK_TOKEN}` },
    check: role('cs'),
  },
  operator: {
    who: 'Operators only (role operator: operations).',
    answers: { 403: `not an operator; ${LINK_TOKEN}` },
    check: role('operator'),
  },
};

export type Access = keyof typeof ACCESS;
