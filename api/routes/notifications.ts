/**
 * The customer's in-app inbox, and (outside production) the local email outbox for developers.
 * Mounted under `/v1`.
 */
import { Router } from 'express';
import { toJakartaIso } from '../../domain/calendar';
import { customerAccess, requireRole } from '../access';
import type { ApiDependencies } from '../app';
import { notFound } from '../problem';
import { CustomerIdParam, InboxQuery, NoQuery, NotificationIdParam, OutboxQuery } from '../schemas';
import { parseOr400 } from '../validation';

const inboxSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  deepLink: true,
  readAt: true,
  createdAt: true,
  upgradeId: true,
} as const;

interface InboxRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  deepLink: string | null;
  readAt: Date | null;
  createdAt: Date;
  upgradeId: string | null;
}

function inboxView(row: InboxRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    deepLink: row.deepLink,
    read: row.readAt !== null,
    readAt: row.readAt ? toJakartaIso(row.readAt) : null,
    createdAt: toJakartaIso(row.createdAt),
    upgradeId: row.upgradeId,
  };
}

export function notificationsRouter({ db, config }: ApiDependencies): Router {
  const router = Router();

  async function requireCustomer(customerId: string): Promise<void> {
    const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw notFound(`customer ${customerId} does not exist`);
  }

  /** What the local email transport "sent", newest first. Not served in production. */
  router.get('/dev/outbox', requireRole('operator'), async (req, res) => {
    if (config.env === 'production') throw notFound('the developer outbox is not available in production');
    const query = parseOr400(OutboxQuery, req.query, 'query');
    const rows = await db.emailOutbox.findMany({
      where: query.customerId ? { customerId: query.customerId } : {},
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
    });
    res.json({
      messages: rows.map((row) => ({
        id: row.id,
        customerId: row.customerId,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        sentAt: toJakartaIso(row.sentAt),
      })),
    });
  });

  router.get('/customers/:customerId/inbox', customerAccess('read'), async (req, res) => {
    const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
    const query = parseOr400(InboxQuery, req.query, 'query');
    await requireCustomer(customerId);
    const rows = await db.notification.findMany({
      where: { customerId, channel: 'INBOX' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      select: inboxSelect,
    });
    res.json({ notifications: rows.map(inboxView) });
  });

  /** Marks one inbox notice read; reading it again keeps the first read time. */
  router.post(
    '/customers/:customerId/inbox/:notificationId/read',
    customerAccess('act'),
    async (req, res) => {
      const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
      const id = parseOr400(NotificationIdParam, req.params.notificationId, 'notificationId');
      parseOr400(NoQuery, req.query, 'query');
      await requireCustomer(customerId);
      const where = { id, customerId, channel: 'INBOX' as const };
      await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
      const row = await db.notification.findFirst({ where, select: inboxSelect });
      if (!row) throw notFound(`notification ${id} is not in the inbox of customer ${customerId}`);
      res.json(inboxView(row));
    },
  );

  return router;
}
