import { Router } from 'express';
import { toJakartaIso } from '../../domain';
import { progressFromRow, withLinks } from '../../services/upgrade-views';
import { requireRole } from '../access';
import type { ApiDependencies } from '../app';
import { notFound } from '../problem';
import { NoQuery, TicketQuery, UpgradeStatusQuery, WorkOrderNumberParam } from '../schemas';
import { parseOr400 } from '../validation';

/** The Billing App / CRM views of the deck, as JSON, for operators. */
export function opsRouter({ db }: ApiDependencies): Router {
  const router = Router();
  router.use('/ops', requireRole('operator'));

  router.get('/ops/upgrades', async (req, res) => {
    const { status, customerId, page, pageSize } = parseOr400(UpgradeStatusQuery, req.query, 'query');
    const rows = await db.upgradeRequest.findMany({
      where: { ...(status ? { status } : {}), ...(customerId ? { customerId } : {}) },
      orderBy: { requestedAt: 'desc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    res.json({ upgrades: rows.map((row) => withLinks(progressFromRow(row))), page, pageSize });
  });

  router.get('/ops/tickets', async (req, res) => {
    const { customerId } = parseOr400(TicketQuery, req.query, 'query');
    const tickets = await db.ticket.findMany({
      where: { customerId },
      include: { workOrders: { select: { woNumber: true } }, customer: { select: { customerType: true } } },
      orderBy: [{ createdAt: 'desc' }, { ticketNo: 'desc' }],
    });
    res.json({
      tickets: tickets.map((t) => ({
        ticketNo: t.ticketNo,
        kind: t.kind,
        title: t.title,
        description: t.description,
        status: t.status === 'CLOSED' ? 'close' : 'Open',
        createdBy: t.createdBy,
        mode: t.mode,
        customerType: t.customer.customerType,
        notes: t.notes,
        createdAt: toJakartaIso(t.createdAt),
        closedAt: t.closedAt ? toJakartaIso(t.closedAt) : null,
        workOrderNo: t.workOrders[0]?.woNumber ?? null,
        upgradeId: t.upgradeId,
      })),
    });
  });

  router.get('/ops/work-orders/:woNumber', async (req, res) => {
    const woNumber = parseOr400(WorkOrderNumberParam, req.params.woNumber, 'woNumber');
    parseOr400(NoQuery, req.query, 'query');
    const wo = await db.workOrder.findUnique({ where: { woNumber }, include: { customer: true } });
    if (!wo) throw notFound(`work order ${woNumber} does not exist`);
    res.json({
      woNumber: wo.woNumber,
      type: wo.type,
      status: wo.status === 'REPLACING' ? 'Replacing' : wo.status,
      package: wo.packageLabel,
      typePackage: wo.typePackage,
      totalIdr: wo.totalIdr,
      vendor: wo.vendor,
      fatCode: wo.fatCode,
      fatPort: wo.fatPort,
      customer: { id: wo.customer.id, name: wo.customer.name, customerType: wo.customer.customerType },
      address: wo.address,
      homepass: wo.homepass,
      jobDescription: wo.jobDescription,
      ticketNo: wo.ticketNo,
      upgradeId: wo.upgradeId,
      createdAt: toJakartaIso(wo.createdAt),
      completedAt: wo.completedAt ? toJakartaIso(wo.completedAt) : null,
    });
  });

  return router;
}
