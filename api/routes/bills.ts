import type { Response } from 'express';
import { Pagination, StatementQuery } from '../../contracts/requests';
import { renderBillingStatement } from '../../documents/statement/render';
import { statementLinkRefusal } from '../../platform/auth';
import type { Database } from '../../platform/database';
import { HttpProblem, notFound } from '../../platform/http/problem';
import { toBillView } from '../../services/bills';
import { billPage } from '../../services/customers';
import { assertMayRead, principalOf } from '../access';
import { ok, operationsOf, paged, recordStaffReads } from '../operation';

/** The bill with its lines and customer; 404 unless it exists and the caller may see it. */
async function requireBill(db: Database, billCode: string, res: Response) {
  const bill = await db.bill.findUnique({ where: { billCode }, include: { lines: true, customer: true } });
  if (!bill) throw notFound(`bill ${billCode} does not exist`);
  assertMayRead(res, bill.customerId, `bill ${billCode}`);
  return bill;
}

const operation = operationsOf('Bills');

export const BILLS = [
  operation({
    operationId: 'listBills',
    route: 'GET /v1/customers/{customerId}/bills',
    summary: 'The customer’s bills',
    description: 'Newest first, paginated.',
    access: 'customer-read',
    query: Pagination,
    responses: { 200: ok('one page of bills', 'BillPage') },
    handler: ({ params: { customerId }, query }, { db }) => paged(query, (w) => billPage(db, customerId, w)),
  }),
  operation({
    operationId: 'getBill',
    route: 'GET /v1/bills/{billCode}',
    summary: 'A bill',
    description: 'The bill with its lines, as the Billing App keeps it.',
    access: 'resource-read',
    responses: { 200: ok('the bill', 'BillView') },
    handler: async ({ params, res }, { db }) => toBillView(await requireBill(db, params.billCode, res)),
  }),
  operation({
    operationId: 'getBillStatement',
    route: 'GET /v1/bills/{billCode}/statement',
    summary: 'The printable Billing Statement (HTML)',
    description:
      'Also opens with the link of the bill email: `?access_token=<link token>` whose scope is this one statement; the link stops opening once the bill is voided, or paid longer ago than STATEMENT_LINK_MARGIN_DAYS.',
    access: 'resource-read',
    query: StatementQuery,
    responses: { 200: ok('the statement page', 'html') },
    handler: async ({ params, res }, deps) => {
      const { db, config } = deps;
      const bill = await requireBill(db, params.billCode, res);
      if (principalOf(res).scope !== undefined) {
        // The link lives with its bill: voiding the bill revokes it.
        const refusal = statementLinkRefusal(bill, config.auth.statementLinks);
        if (refusal) throw new HttpProblem(403, 'Forbidden', refusal);
      }
      const { id, name, installationAddress } = bill.customer;
      const html = renderBillingStatement({
        bill: toBillView(bill),
        customer: { id, name, installationAddress },
      });
      await recordStaffReads('getBillStatement', res, deps);
      res.type('text/html; charset=utf-8').send(html);
    },
  }),
];
