/**
 * The customer's in-app inbox, and (outside production) the local email outbox for developers.
 */
import { toJakartaIso } from '../../domain/calendar';
import type { Prisma } from '../../prisma/generated/client';
import type { ApiDependencies } from '../dependencies';
import { mount, ok, operationsOf, problem } from '../operation';
import { notFound } from '../problem';
import { DeviceNotificationsQuery, InboxQuery, OutboxQuery } from '../schemas';
import { requireCustomer } from './customers';

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

function inboxView(row: Prisma.NotificationGetPayload<{ select: typeof inboxSelect }>) {
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

const operation = operationsOf('Notifications');
const developer = operationsOf('Developer');

export const NOTIFICATIONS = [
  operation({
    operationId: 'getInbox',
    route: 'GET /v1/customers/{customerId}/inbox',
    summary: 'The in-app inbox',
    description: 'Newest first.',
    access: 'customer-read',
    query: InboxQuery,
    responses: { 200: ok('the inbox', 'Inbox') },
    handler: async ({ params: { customerId }, query }, { db }) => {
      await requireCustomer(db, customerId);
      const rows = await db.notification.findMany({
        where: { customerId, channel: 'INBOX' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit,
        select: inboxSelect,
      });
      return { notifications: rows.map(inboxView) };
    },
  }),
  operation({
    operationId: 'markInboxRead',
    route: 'POST /v1/customers/{customerId}/inbox/{notificationId}/read',
    summary: 'Mark an inbox notice read',
    description: 'Idempotent: reading it again keeps the first read time. Takes no body.',
    access: 'customer-act',
    responses: {
      200: ok('the notice, read', 'InboxItem'),
      404: problem('the customer does not exist or is another customer, or the notice is not in their inbox'),
    },
    handler: async ({ params: { customerId, notificationId: id } }, { db }) => {
      await requireCustomer(db, customerId);
      const where = { id, customerId, channel: 'INBOX' as const };
      await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
      const row = await db.notification.findFirst({ where, select: inboxSelect });
      if (!row) throw notFound(`notification ${id} is not in the inbox of customer ${customerId}`);
      return inboxView(row);
    },
  }),
  operation({
    operationId: 'listDeviceNotifications',
    route: 'GET /v1/customers/{customerId}/device-notifications',
    summary: 'What was pushed to the customer’s devices',
    description:
      'The device pushes the push provider took, oldest first, after the ID `after`: the web app, which has no device token, polls it to show each push as a notification while it is open.',
    access: 'customer-read',
    query: DeviceNotificationsQuery,
    responses: { 200: ok('the pushes', 'DeviceNotifications') },
    handler: async ({ params: { customerId }, query }, { db }) => {
      await requireCustomer(db, customerId);
      const rows = await db.notification.findMany({
        where: { customerId, channel: 'PUSH', deliveredAt: { not: null }, id: { gt: query.after } },
        orderBy: { id: 'asc' },
        take: query.limit,
        select: { id: true, kind: true, title: true, body: true, deepLink: true, deliveredAt: true },
      });
      return {
        notifications: rows.map(({ deliveredAt, ...row }) => ({
          ...row,
          sentAt: toJakartaIso(deliveredAt!),
        })),
      };
    },
  }),
  developer({
    operationId: 'getDevOutbox',
    route: 'GET /v1/dev/outbox',
    summary: 'What the local email transport “sent”',
    description: 'Newest first. Not served in production (404).',
    access: 'operator',
    query: OutboxQuery,
    responses: {
      200: ok('the messages', 'Outbox'),
      404: problem('production: the developer outbox does not exist there'),
    },
    handler: async ({ query }, { db, config }) => {
      if (config.env === 'production') throw notFound('the developer outbox is not available in production');
      const rows = await db.emailOutbox.findMany({
        where: query.customerId ? { customerId: query.customerId } : {},
        orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
        take: query.limit,
      });
      const messages = rows.map((row) => ({
        id: row.id,
        customerId: row.customerId,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        sentAt: toJakartaIso(row.sentAt),
      }));
      return { messages };
    },
  }),
];

/** The notification routes alone, mounted under `/v1` (test/integration/notifications-api.test.ts). */
export const notificationsRouter = (deps: ApiDependencies) => mount(NOTIFICATIONS, deps, '/v1');
