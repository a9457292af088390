import { type Response, Router } from 'express';
import { toBillView } from '../../services/bills';
import { assertMayRead, customerAccess } from '../access';
import type { ApiDependencies } from '../app';
import { notFound } from '../problem';
import { BillCodeParam, CustomerIdParam, NoQuery, Pagination, StatementQuery } from '../schemas';
import { renderBillingStatement } from '../statement/render';
import { parseOr400 } from '../validation';

export function billsRouter({ db }: ApiDependencies): Router {
  const router = Router();

  router.get('/customers/:customerId/bills', customerAccess('read'), async (req, res) => {
    const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
    const { page, pageSize } = parseOr400(Pagination, req.query, 'query');
    const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw notFound(`customer ${customerId} does not exist`);
    const [total, bills] = await Promise.all([
      db.bill.count({ where: { customerId } }),
      db.bill.findMany({
        where: { customerId },
        include: { lines: true },
        orderBy: [{ billingDate: 'desc' }, { createdAt: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    ]);
    res.json({ bills: bills.map(toBillView), page, pageSize, total });
  });

  async function requireBill(billCodeParam: unknown, res: Response) {
    const billCode = parseOr400(BillCodeParam, billCodeParam, 'billCode');
    const bill = await db.bill.findUnique({ where: { billCode }, include: { lines: true, customer: true } });
    if (!bill) throw notFound(`bill ${billCode} does not exist`);
    assertMayRead(res, bill.customerId, `bill ${billCode}`);
    return bill;
  }

  router.get('/bills/:billCode', async (req, res) => {
    const bill = await requireBill(req.params.billCode, res);
    parseOr400(NoQuery, req.query, 'query');
    res.json(toBillView(bill));
  });

  router.get('/bills/:billCode/statement', async (req, res) => {
    const bill = await requireBill(req.params.billCode, res);
    parseOr400(StatementQuery, req.query, 'query');
    const html = renderBillingStatement({
      bill: toBillView(bill),
      customer: {
        id: bill.customer.id,
        name: bill.customer.name,
        installationAddress: bill.customer.installationAddress,
      },
    });
    res.type('text/html; charset=utf-8').send(html);
  });

  return router;
}
