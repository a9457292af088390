/**
 * The customer's in-app inbox and the pushes their devices got (what the web app polls), and the
 * local email outbox for developers.
 */
import { Refused } from '../contracts/refusals';
import { toJakartaIso } from '../domain/calendar';
import type { Database } from '../platform/database';
import type { Prisma } from '../prisma/generated/client';
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

export async function inbox(db: Database, customerId: string, limit: number) {
  await requireCustomer(db, customerId);
  const rows = await db.notification.findMany({
    where: { customerId, channel: 'INBOX' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: inboxSelect,
  });
  return { notifications: rows.map(inboxView) };
}

/** Idempotent: reading it again keeps the first read time. */
export async function markRead(db: Database, customerId: string, id: number) {
  await requireCustomer(db, customerId);
  const where = { id, customerId, channel: 'INBOX' as const };
  await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
  const row = await db.notification.findFirst({ where, select: inboxSelect });
  if (!row)
    throw new Refused('UNKNOWN_NOTICE', `notification ${id} is not in the inbox of customer ${customerId}`);
  return inboxView(row);
}

/** The pushes the provider took, oldest first, after the ID `after`. */
export async function devicePushes(
  db: Database,
  customerId: string,
  query: { after: number; limit: number },
) {
  await requireCustomer(db, customerId);
  const rows = await db.notification.findMany({
    where: { customerId, channel: 'PUSH', deliveredAt: { not: null }, id: { gt: query.after } },
    orderBy: { id: 'asc' },
    take: query.limit,
    select: { id: true, kind: true, title: true, body: true, deepLink: true, deliveredAt: true },
  });
  return {
    notifications: rows.map(({ deliveredAt, ...row }) => ({ ...row, sentAt: toJakartaIso(deliveredAt!) })),
  };
}

/** What the local email transport "sent", newest first. */
export async function outbox(db: Database, query: { customerId?: string; limit: number }) {
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
}
