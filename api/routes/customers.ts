import { Router } from 'express';
import { jakartaDateOf, toJakartaIso, upgradeOptions } from '../../domain';
import { toQuoteView } from '../../services/bills';
import { activePromo, byCatalogOrder, dateOnly, toPackageSpec, toPackageView } from '../../services/catalog';
import { assertEligible, loadUpgradeContext, quoteFor } from '../../services/upgrade-quote';
import { customerAccess } from '../access';
import type { ApiDependencies } from '../app';
import { notFound } from '../problem';
import { CustomerIdParam, NoQuery, Pagination, QuoteBody } from '../schemas';
import { parseOr400 } from '../validation';
import { refusalToProblem } from './refusals';

export function customersRouter({ db }: ApiDependencies): Router {
  const router = Router();

  async function requireCustomer(customerIdParam: unknown, query?: unknown) {
    const customerId = parseOr400(CustomerIdParam, customerIdParam, 'customerId');
    if (query !== undefined) parseOr400(NoQuery, query, 'query');
    const customer = await db.customer.findUnique({
      where: { id: customerId },
      include: {
        subscription: { include: { package: { include: { promoFallback: true } } } },
        devices: { where: { status: 'ACTIVE' }, orderBy: { installedAt: 'desc' }, take: 1 },
      },
    });
    if (!customer) throw notFound(`customer ${customerId} does not exist`);
    return customer;
  }

  router.get('/customers/:customerId/subscription', customerAccess('read'), async (req, res) => {
    const customer = await requireCustomer(req.params.customerId, req.query);
    const { subscription } = customer;
    if (!subscription) throw notFound(`customer ${customer.id} has no subscription`);
    const today = jakartaDateOf(new Date());
    const device = customer.devices[0];
    res.json({
      customerId: customer.id,
      customerName: customer.name,
      package: toPackageView(subscription.package, today),
      period: { start: dateOnly(subscription.periodStart), end: dateOnly(subscription.periodEnd) },
      status: subscription.status,
      promo: activePromo(subscription.package, today),
      device: device
        ? {
            serial: device.serial,
            model: device.model,
            band: device.band,
            installedAt: toJakartaIso(device.installedAt),
          }
        : null,
    });
  });

  router.get('/customers/:customerId/upgrade-options', customerAccess('read'), async (req, res) => {
    const customer = await requireCustomer(req.params.customerId, req.query);
    if (!customer.subscription) throw notFound(`customer ${customer.id} has no subscription`);
    const rows = await db.package.findMany({ where: { active: true }, include: { promoFallback: true } });
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const today = jakartaDateOf(new Date());
    const eligible = upgradeOptions(toPackageSpec(customer.subscription.package), rows.map(toPackageSpec));
    const options = eligible.sort(byCatalogOrder).map((spec) => toPackageView(byCode.get(spec.code)!, today));
    res.json({ current: toPackageView(customer.subscription.package, today), options });
  });

  router.get('/customers/:customerId/payments', customerAccess('read'), async (req, res) => {
    const customer = await requireCustomer(req.params.customerId);
    const { page, pageSize } = parseOr400(Pagination, req.query, 'query');
    const [total, rows] = await Promise.all([
      db.payment.count({ where: { customerId: customer.id } }),
      db.payment.findMany({
        where: { customerId: customer.id },
        orderBy: [{ paidAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    ]);
    res.json({
      payments: rows.map((p) => ({
        id: p.id,
        paidAt: toJakartaIso(p.paidAt),
        amountIdr: p.amountIdr,
        method: p.method,
        reference: p.reference,
        description: p.description,
        billCode: p.billCode,
      })),
      page,
      pageSize,
      total,
    });
  });

  router.post('/customers/:customerId/upgrade-quotes', customerAccess('act'), async (req, res) => {
    const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
    parseOr400(NoQuery, req.query, 'query');
    const body = parseOr400(QuoteBody, req.body ?? {}, 'body');
    try {
      const context = await loadUpgradeContext(db, customerId, body.targetPackageCode);
      assertEligible(context);
      res.json(toQuoteView(quoteFor(context, new Date())));
    } catch (error) {
      throw refusalToProblem(error);
    }
  });

  return router;
}
